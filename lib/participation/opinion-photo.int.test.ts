import { beforeAll, describe, expect, it } from "vitest";

import { findDownloadableAttachment } from "@/lib/consultations/attachments/find-downloadable";
import { db } from "@/lib/db";
import { moderateOpinion } from "@/lib/oversight/moderation";
import { getStorage } from "@/lib/storage/storage";
import { hasMetadata, jpegWithGps } from "@/lib/storage/testing/gps-photo";
import { accessAs, communeId, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { postOpinion } from "./post-opinion";
import { opinionSchema } from "./schemas";
import { acceptOpinionPhoto } from "./upload-opinion-photo";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0f9b4470000000049454e44ae426082", "hex");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0")]);

function upload(target: { communeId: string; consultationId: string }, data: Buffer, name: string, uid: string | null) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(data)], name));
  return acceptOpinionPhoto(new Request("http://localhost/x", { method: "POST", body: form }), target, uid);
}

let roadId: string;
let thienTin: string;

beforeAll(async () => {
  await seedDemo();
  await db.rateLimit.deleteMany({});
  thienTin = await communeId("thien-tin");
  roadId = (await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp" } }, select: { id: true } })).id;
});

describe("opinion photos", () => {
  it("stores an image for a verified resident, attaches it to their opinion, and shows it while the opinion is shown", async () => {
    const me = await userId(RESIDENT_PHONE);
    const photo = await upload({ communeId: thienTin, consultationId: roadId }, PNG, "cong-bi-vo.png", me);
    const access = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    const opinion = await postOpinion(access, opinionSchema.parse({ communeId: thienTin, consultationId: roadId, body: "Cống ở đầu thôn bị vỡ, xem ảnh.", stance: "OTHER", lat: null, lng: null, sectionId: null, parentId: null, photoId: photo.id }));
    expect((await db.opinion.findUniqueOrThrow({ where: { id: opinion.id } })).photoId).toBe(photo.id);
    expect(await findDownloadableAttachment(photo.id, async () => null)).toMatchObject({ isPublic: true });

    // A photo serves one opinion only.
    await expect(postOpinion(access, opinionSchema.parse({ communeId: thienTin, consultationId: roadId, body: "Dùng lại ảnh cũ.", stance: null, lat: null, lng: null, sectionId: null, parentId: null, photoId: photo.id }))).rejects.toMatchObject({ code: "unknownPhoto" });

    // Hidden with its opinion: visitors no longer get it, staff still do.
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    await moderateOpinion(staff, { communeId: thienTin, opinionId: opinion.id, action: "HIDE", reason: "PERSONAL_DATA", details: "Ảnh có biển số xe." });
    expect(await findDownloadableAttachment(photo.id, async () => null)).toBeNull();
    expect(await findDownloadableAttachment(photo.id, async () => staff.userId)).toMatchObject({ isPublic: false });
  });

  it("serves a phone's photo without its EXIF: no GPS position, no device, no name", async () => {
    const original = await jpegWithGps({ width: 120, height: 90 });
    expect(await hasMetadata(original)).toBe(true);
    const photo = await upload({ communeId: thienTin, consultationId: roadId }, original, "IMG_0042.jpg", await userId(RESIDENT_PHONE));
    const staffId = await userId(STAFF_EMAIL);
    const found = await findDownloadableAttachment(photo.id, async () => staffId);
    const served = await getStorage().get(found!.attachment.storageKey);
    expect(served).not.toBeNull();
    expect(served!.equals(original)).toBe(false);
    expect(await hasMetadata(served!)).toBe(false);
    expect(found!.attachment).toMatchObject({ mimeType: "image/jpeg", sizeBytes: served!.length });
  });

  it("refuses visitors, other residents' photos, non-images, and other communes", async () => {
    await expect(upload({ communeId: thienTin, consultationId: roadId }, PNG, "a.png", null)).rejects.toMatchObject({ status: 401 });
    const other = await userId("0902000001");
    await expect(upload({ communeId: thienTin, consultationId: roadId }, PNG, "a.png", other)).rejects.toMatchObject({ status: 403 });
    const me = await userId(RESIDENT_PHONE);
    const before = await db.attachment.count({ where: { kind: "OPINION_PHOTO" } });
    await expect(upload({ communeId: thienTin, consultationId: roadId }, EXE, "anh.png", me)).rejects.toMatchObject({ code: "uploadTypeNotAllowed", status: 415 });
    expect(await db.attachment.count({ where: { kind: "OPINION_PHOTO" } })).toBe(before);

    const someoneElse = await upload({ communeId: thienTin, consultationId: roadId }, PNG, "b.png", await userId("0901000002"));
    const access = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    await expect(postOpinion(access, opinionSchema.parse({ communeId: thienTin, consultationId: roadId, body: "Ảnh của người khác.", stance: null, lat: null, lng: null, sectionId: null, parentId: null, photoId: someoneElse.id }))).rejects.toMatchObject({ code: "unknownPhoto" });
  });
});
