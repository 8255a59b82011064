// Filing a case (lib/cases/file-case.ts) against real PostgreSQL: the clocks per kind, classification
// privacy at intake, photos stripped of their metadata, bad input writing nothing.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage/storage";
import { sendQueuedTexts } from "@/lib/telling/send-texts";
import { hasMetadata, jpegWithGps } from "@/lib/storage/testing/gps-photo";
import { communeId, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { fileCase } from "./file-case";
import { loadCasePhoto } from "./photo-routes";
import { uploadCasePhoto } from "./photos";

let thienTin: string;
let resident: string;
let staff: string;
let roads: string;
const vn = (iso: string) => new Date(`${iso}+07:00`);
const endOf = (day: string) => vn(`${day}T23:59:59.999`);

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  resident = await userId(RESIDENT_PHONE);
  staff = await userId(STAFF_EMAIL);
  roads = (
    await db.caseCategory.upsert({
      where: { communeId_code: { communeId: thienTin, code: "test-roads" } },
      create: { communeId: thienTin, code: "test-roads", name: "Đường sá (thử)", expectedResolutionDays: 20 },
      update: {},
    })
  ).id;
});

const web = () => ({ communeId: thienTin, userId: resident, actorRole: "RESIDENT", source: "WEB" as const });
const base = { title: "Ổ gà trước nhà văn hoá", body: "Ổ gà lớn giữa đường, xe máy dễ ngã vào ban đêm." };

describe("fileCase", () => {
  it("files a public petition: numbered, 10 working days to reply across Tết, expected date from the category, followed, audited, inbox", async () => {
    // Friday 13 Feb 2026, the last working day before Tết Bính Ngọ: 10 working days end Friday 6 March.
    const filed = await fileCase(web(), { ...base, kind: "PETITION", categoryId: roads, isPublic: true }, { now: vn("2026-02-13T10:00:00") });
    expect(filed.isPublic).toBe(true);
    expect(filed.replyDueAt).toEqual(endOf("2026-03-06"));
    expect(filed.expectedResolvedAt).toEqual(endOf("2026-03-05"));
    const row = await db.case.findUniqueOrThrow({ where: { id: filed.id }, include: { follows: true, updates: true } });
    expect(row).toMatchObject({ state: "RECEIVED", source: "WEB", filedById: resident, enteredById: null });
    expect(row.follows.map((f) => f.userId)).toEqual([resident]);
    expect(row.updates).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: filed.id, action: "case.file" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: resident, kind: "caseReceived", link: { endsWith: `/cases/${filed.number}` } } })).toBe(1);
  });

  it("numbers cases one after another in the commune", async () => {
    const a = await fileCase(web(), { ...base, kind: "FEEDBACK", categoryId: roads });
    const b = await fileCase(web(), { ...base, kind: "FEEDBACK", categoryId: roads });
    expect(b.number).toBe(a.number + 1);
  });

  it("never makes a complaint or a denunciation public, whatever was asked", async () => {
    const complaint = await fileCase(web(), { ...base, kind: "COMPLAINT", isPublic: true }, { now: vn("2026-12-01T09:00:00") });
    const denunciation = await fileCase(web(), { ...base, kind: "DENUNCIATION", isPublic: true }, { now: vn("2026-12-01T09:00:00") });
    expect([complaint.isPublic, denunciation.isPublic]).toEqual([false, false]);
    // Complaint: accepted within 10 days (Law on Complaints 2011 Art. 27). Denunciation: classified within 7 working days (Art. 24.1).
    expect(complaint.replyDueAt).toEqual(endOf("2026-12-11"));
    expect(denunciation.replyDueAt).toEqual(endOf("2026-12-10"));
    // The public audit log does not say that a denunciation was filed.
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: denunciation.id } });
    expect(event.details).toEqual({ number: denunciation.number });
  });

  it("staff file for a caller: the sender's name is required; the case is entered by staff, not filed by an account", async () => {
    const filer = { communeId: thienTin, userId: staff, actorRole: "STAFF", source: "STAFF" as const };
    await expect(fileCase(filer, { ...base, kind: "PETITION", categoryId: roads })).rejects.toMatchObject({ status: 422, fields: { senderName: "senderNameRequired" } });
    const filed = await fileCase(filer, { ...base, kind: "PETITION", categoryId: roads, senderName: "Bà Tư", senderPhone: "0905 123 456", notifyBySms: true });
    const row = await db.case.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row).toMatchObject({ filedById: null, enteredById: staff, senderName: "Bà Tư", senderPhone: "+84905123456" });
    // The text waits in the queue with the case and leaves with the scheduler's next run.
    expect(await db.queuedText.count({ where: { phone: "+84905123456", key: { startsWith: `caseReceived:case:${filed.id}:` } } })).toBe(1);
    await sendQueuedTexts();
    expect(await db.smsMessage.count({ where: { phone: "+84905123456", body: { contains: `#${filed.number}` } } })).toBe(1);
  });

  it("refuses bad input with field keys and writes nothing", async () => {
    const before = await db.case.count();
    await expect(fileCase(web(), { ...base, kind: "PETITION", categoryId: null })).rejects.toMatchObject({ status: 422, fields: { categoryId: "categoryRequired" } });
    await expect(fileCase(web(), { ...base, kind: "PETITION", categoryId: roads, lat: 15.1, lng: null })).rejects.toMatchObject({ status: 422, fields: { lat: "pinIncomplete" } });
    await expect(fileCase(web(), { ...base, kind: "PETITION", categoryId: roads, lat: 21.0, lng: 105.8 })).rejects.toMatchObject({ status: 422, fields: { lat: "pinOutsideCommune" } });
    await expect(fileCase(web(), { ...base, kind: "PETITION", categoryId: roads, handlerId: staff })).rejects.toMatchObject({ status: 422 });
    await expect(fileCase(web(), { ...base, kind: "PETITION", categoryId: roads, photoIds: ["nope"] })).rejects.toMatchObject({ status: 422, fields: { photoIds: "unknownPhoto" } });
    expect(await db.case.count()).toBe(before);
  });

  it("stores photos without their metadata, uploaded first or passed as bytes", async () => {
    const uploaded = await uploadCasePhoto({ communeId: thienTin, userId: resident, actorRole: "RESIDENT", photo: { fileName: "o-ga.jpg", data: await jpegWithGps() } });
    const filed = await fileCase(web(), { ...base, kind: "FEEDBACK", categoryId: roads, isPublic: true, photoIds: [uploaded.id] }, { photos: [{ fileName: "them.jpg", data: await jpegWithGps() }] });
    const photos = await db.casePhoto.findMany({ where: { caseId: filed.id } });
    expect(photos).toHaveLength(2);
    for (const photo of photos) {
      const attachment = await db.attachment.findUniqueOrThrow({ where: { id: photo.attachmentId } });
      expect(attachment.kind).toBe("CASE_PHOTO");
      expect(await hasMetadata((await getStorage().get(attachment.storageKey))!)).toBe(false);
    }
    // A photo already used is not attached twice.
    await expect(fileCase(web(), { ...base, kind: "FEEDBACK", categoryId: roads, photoIds: [uploaded.id] })).rejects.toMatchObject({ status: 422 });
  });

  it("shows a public case's photo to anyone, a private case's photo to its sender and staff only", async () => {
    const photo = async () => (await uploadCasePhoto({ communeId: thienTin, userId: resident, actorRole: "RESIDENT", photo: { fileName: "a.jpg", data: await jpegWithGps() } })).id;
    const open = await photo();
    const closed = await photo();
    await fileCase(web(), { ...base, kind: "FEEDBACK", categoryId: roads, isPublic: true, photoIds: [open] });
    await fileCase(web(), { ...base, kind: "DENUNCIATION", isPublic: true, photoIds: [closed] });
    const other = await userId("0901000002");
    expect(await loadCasePhoto("thien-tin", open, null)).not.toBeNull();
    expect(await loadCasePhoto("thien-tin", closed, null)).toBeNull();
    expect(await loadCasePhoto("thien-tin", closed, other)).toBeNull();
    expect(await loadCasePhoto("thien-tin", closed, resident)).not.toBeNull();
    expect(await loadCasePhoto("thien-tin", closed, staff)).not.toBeNull();
    // Through another commune's address, nothing.
    expect(await loadCasePhoto("nghia-hanh", open, null)).toBeNull();
  });
});
