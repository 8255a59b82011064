// A real JPEG as a phone writes it: GPS position, camera and time in its EXIF. Made with sharp so that
// tests need no binary fixture.
import sharp from "sharp";

/** 15°01'N 108°43'E, about where xã Thiện Tín lies. */
export const GPS_EXIF = {
  IFD0: { Make: "PhoneMaker", Model: "Phone 12", Artist: "Nguyen Van A" },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "15/1 1/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "108/1 43/1 0/1" },
};

export async function jpegWithGps(options: { width?: number; height?: number } = {}): Promise<Buffer> {
  return sharp({ create: { width: options.width ?? 64, height: options.height ?? 48, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg()
    .withExif(GPS_EXIF)
    .toBuffer();
}

/** True when the file carries any EXIF, XMP or IPTC block, or the GPS tag's text. */
export async function hasMetadata(data: Buffer): Promise<boolean> {
  const meta = await sharp(data).metadata();
  return Boolean(meta.exif || meta.xmp || meta.iptc) || data.includes(Buffer.from("PhoneMaker")) || data.includes(Buffer.from("Nguyen Van A")) || data.includes(Buffer.from("Exif\0\0"));
}
