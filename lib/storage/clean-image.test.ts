import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { inspectAndCleanUpload } from "./clean-image";
import { DOCUMENT_OR_IMAGE, IMAGE_TYPES } from "./inspect-upload";
import { hasMetadata, jpegWithGps } from "./testing/gps-photo";

describe("inspectAndCleanUpload", () => {
  it("the generated photo really carries GPS (or the test below proves nothing)", async () => {
    const photo = await jpegWithGps();
    expect(await hasMetadata(photo)).toBe(true);
    expect(photo.includes(Buffer.from("Nguyen Van A"))).toBe(true);
  });

  it("re-encodes a JPEG without EXIF or GPS, same size in pixels, and describes the new bytes", async () => {
    const photo = await jpegWithGps({ width: 80, height: 60 });
    const { data, inspected } = await inspectAndCleanUpload(photo, IMAGE_TYPES);
    expect(await hasMetadata(data)).toBe(false);
    expect(data.equals(photo)).toBe(false);
    const meta = await sharp(data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 80, 60]);
    expect(inspected).toMatchObject({ mimeType: "image/jpeg", sizeBytes: data.length });
  });

  it("turns the photo upright by its orientation tag before dropping the tag", async () => {
    const sideways = await sharp({ create: { width: 40, height: 20, channels: 3, background: "red" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { data } = await inspectAndCleanUpload(sideways, IMAGE_TYPES);
    const meta = await sharp(data).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([20, 40, undefined]);
  });

  it("strips PNG and WebP text and EXIF too", async () => {
    for (const format of ["png", "webp"] as const) {
      const image = await sharp({ create: { width: 10, height: 10, channels: 3, background: "blue" } })[format]().withExif({ IFD0: { Make: "PhoneMaker" } }).toBuffer();
      expect(await hasMetadata(image)).toBe(true);
      expect(await hasMetadata((await inspectAndCleanUpload(image, IMAGE_TYPES)).data)).toBe(false);
    }
  });

  it("leaves a PDF as it is", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    expect((await inspectAndCleanUpload(pdf, DOCUMENT_OR_IMAGE)).data.equals(pdf)).toBe(true);
  });

  it("refuses an image whose header is right but whose pixels are not", async () => {
    const photo = await jpegWithGps();
    const broken = Buffer.concat([photo.subarray(0, 200), Buffer.alloc(50)]);
    await expect(inspectAndCleanUpload(broken, IMAGE_TYPES)).rejects.toMatchObject({ code: "uploadUnreadable", status: 400 });
  });
});
