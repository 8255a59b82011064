import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Files go to a folder of this run only, so that "nothing was stored" can be checked on disk.
const storageDir = await vi.hoisted(async () => {
  const [{ mkdtempSync }, os, path] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  const dir = mkdtempSync(path.join(os.tmpdir(), "danban-attachments-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { newConsultationValues } from "@/scripts/test/consultation-values";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, STAFF_EMAIL, seedDemo, userId } from "@/scripts/test/fixtures";

import { createConsultation } from "../create-consultation";
import { listConsultationVersions } from "../list-versions";
import { publishConsultation } from "../publish-consultation";
import { acceptAttachmentUpload } from "./accept-upload";
import { removeConsultationAttachment, renameConsultationAttachment } from "./change-attachment";
import { listConsultationAttachments } from "./list-attachments";
import { serveAttachment } from "./serve-attachment";

// Real files of each kind, made here: a tiny valid PDF, a program with an MZ header named like a PDF.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from("PE\0\0"), Buffer.alloc(200)]);

let staff: Awaited<ReturnType<typeof accessAs>>;
let thienTin: string;

beforeAll(async () => {
  await seedDemo();
  staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
  thienTin = staff.communeId;
});

afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

function filesOnDisk(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return walk(storageDir);
}

function uploadRequest(file: Buffer, name: string, title = "", headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(file)], name));
  form.set("title", title);
  return new Request("http://localhost/api/upload", { method: "POST", body: form, headers });
}

async function upload(identifier: string | null, target: { communeId: string; consultationId: string }, file = PDF, name = "Bản vẽ mặt bằng.pdf", title = "") {
  return acceptAttachmentUpload(uploadRequest(file, name, title), target, identifier ? await userId(identifier) : null);
}

const outcome = async <T>(run: () => Promise<T>) => {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
};

const download = async (attachmentId: string, identifier: string | null, headers: Record<string, string> = {}) =>
  serveAttachment(new Request(`http://localhost/api/attachments/${attachmentId}`, { headers }), attachmentId, async () => (identifier ? userId(identifier) : null));

const draft = async (title: string) => (await createConsultation(staff, newConsultationValues(thienTin, { title }))).id;

describe("uploading", () => {
  it("stores a PDF on a draft, file and row together, and audits it without a public version", async () => {
    const id = await draft("Tài liệu của bản nháp");
    const before = filesOnDisk().length;
    const saved = await upload(STAFF_EMAIL, { communeId: thienTin, consultationId: id }, PDF, "C:\\Tài liệu\\Bản vẽ mặt bằng.pdf");
    expect(saved).toMatchObject({ title: "Bản vẽ mặt bằng", fileName: "Bản vẽ mặt bằng.pdf", mimeType: "application/pdf", sizeBytes: PDF.length });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ kind: "DOCUMENT", consultationId: id, communeId: thienTin, removedAt: null });
    expect(filesOnDisk()).toHaveLength(before + 1);
    expect(filesOnDisk().some((f) => f.endsWith(row.storageKey))).toBe(true);
    expect(await db.consultationVersion.count({ where: { consultationId: id } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: saved.id } });
    expect(event).toMatchObject({ action: "attachment.add", actorRole: "STAFF", details: { consultationId: id, title: "Bản vẽ mặt bằng" } });
  });

  it("refuses a program renamed .pdf, an empty file, a missing file and a 50 MB declared body, leaving no file and no row", async () => {
    const id = await draft("Tệp bị từ chối");
    const target = { communeId: thienTin, consultationId: id };
    const user = await userId(STAFF_EMAIL);
    const files = filesOnDisk().length;
    const rows = await db.attachment.count();

    await expect(upload(STAFF_EMAIL, target, EXE, "bien-ban.pdf")).rejects.toMatchObject({ code: "uploadTypeNotAllowed", status: 415 });
    await expect(upload(STAFF_EMAIL, target, Buffer.alloc(0), "rong.pdf")).rejects.toMatchObject({ code: "uploadEmpty", status: 422 });
    const noFile = new Request("http://localhost/api/upload", { method: "POST", body: new FormData() });
    await expect(acceptAttachmentUpload(noFile, target, user)).rejects.toMatchObject({ code: "uploadMissing", status: 422 });
    const huge = uploadRequest(PDF, "lon.pdf", "", { "content-length": String(50 * 1024 * 1024) });
    await expect(acceptAttachmentUpload(huge, target, user)).rejects.toMatchObject({ code: "uploadTooLarge", status: 413, params: { maxMb: 20 } });
    expect(huge.bodyUsed).toBe(false);

    expect(filesOnDisk()).toHaveLength(files);
    expect(await db.attachment.count()).toBe(rows);
    expect(await db.auditEvent.count({ where: { action: "attachment.add", details: { path: ["consultationId"], equals: id } } })).toBe(0);
  });

  it.each([
    ["staff", STAFF_EMAIL, "ok"],
    ["the chair", "chutich@thientin.danban.local", "ok"],
    ["the administrator", "admin@danban.local", "ok"],
    ["the Front reviewer", "mttq@thientin.danban.local", 403],
    ["a village head", "truongthon.phukhuong@thientin.danban.local", 403],
    ["a resident", RESIDENT_PHONE, 403],
    ["a visitor", null, 401],
    ["staff of another commune", OTHER_STAFF_EMAIL, 403],
  ] as const)("upload by %s", async (who, identifier, expected) => {
    const id = await draft(`Quyền tải lên: ${who}`);
    expect(await outcome(() => upload(identifier, { communeId: thienTin, consultationId: id }))).toBe(expected);
    expect(await db.attachment.count({ where: { consultationId: id } })).toBe(expected === "ok" ? 1 : 0);
  });

  it("refuses staff of another commune as not found when they name their own commune", async () => {
    const id = await draft("Tải lên từ xã khác");
    const nghiaHanh = await communeId("nghia-hanh");
    expect(await outcome(() => upload(OTHER_STAFF_EMAIL, { communeId: nghiaHanh, consultationId: id }))).toBe(404);
    expect(await db.attachment.count({ where: { consultationId: id } })).toBe(0);
  });
});

describe("downloading, per role", () => {
  it("serves a draft's file to the commune's staff only; to everyone once published; 404 across communes", async () => {
    const id = await draft("Tải về theo vai trò");
    const saved = await upload(STAFF_EMAIL, { communeId: thienTin, consultationId: id });

    const asDraft: [string | null, number][] = [
      [null, 404],
      [RESIDENT_PHONE, 404],
      [OTHER_STAFF_EMAIL, 404],
      [STAFF_EMAIL, 200],
      ["truongthon.phukhuong@thientin.danban.local", 200],
      ["mttq@thientin.danban.local", 200],
    ];
    for (const [who, status] of asDraft) expect([who, (await download(saved.id, who)).status]).toEqual([who, status]);
    const privateCopy = await download(saved.id, STAFF_EMAIL);
    expect(privateCopy.headers.get("cache-control")).toBe("private, no-store");

    await publishConsultation(staff, id);
    const response = await download(saved.id, null);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "cache-control": "public, max-age=300, must-revalidate",
      "x-content-type-options": "nosniff",
    });
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''B%E1%BA%A3n%20v%E1%BA%BD%20m%E1%BA%B7t%20b%E1%BA%B1ng.pdf");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
    expect((await download(saved.id, OTHER_STAFF_EMAIL)).status).toBe(200);
    // A cache holding the same file asks again and is told nothing changed.
    expect((await download(saved.id, null, { "if-none-match": response.headers.get("etag")! })).status).toBe(304);
    const missing = await download("does-not-exist", STAFF_EMAIL);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "attachmentNotFound", message: "Không tìm thấy tài liệu đính kèm." });
  });
});

describe("after publication", () => {
  it("records additions, renames and withdrawals as public versions, and keeps a withdrawn file", async () => {
    const id = await draft("Tài liệu sau khi công bố");
    await publishConsultation(staff, id);
    const added = await upload(STAFF_EMAIL, { communeId: thienTin, consultationId: id }, PDF, "du-toan.pdf", "Dự toán kinh phí");
    await renameConsultationAttachment(staff, added.id, "Dự toán kinh phí (điều chỉnh)");
    const removed = await removeConsultationAttachment(staff, added.id);
    expect(removed).toMatchObject({ fileKept: true });

    const versions = await listConsultationVersions(id);
    expect(versions.map((v) => [v.version, v.changes])).toEqual([
      [4, [{ kind: "attachment", change: "removed", title: "Dự toán kinh phí (điều chỉnh)" }]],
      [3, [{ kind: "attachment", change: "renamed", title: "Dự toán kinh phí (điều chỉnh)", beforeTitle: "Dự toán kinh phí" }]],
      [2, [{ kind: "attachment", change: "added", title: "Dự toán kinh phí" }]],
    ]);
    const row = await db.attachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.removedAt).not.toBeNull();
    expect(row.removedById).toBe(staff.userId);
    expect(filesOnDisk().some((f) => f.endsWith(row.storageKey))).toBe(true);
    expect(await listConsultationAttachments(id)).toEqual([]);
    // Withdrawn: gone for the public, still there for the commune's staff.
    expect((await download(added.id, null)).status).toBe(404);
    expect((await download(added.id, STAFF_EMAIL)).status).toBe(200);
    await expect(removeConsultationAttachment(staff, added.id)).rejects.toMatchObject({ code: "attachmentNotFound", status: 404 });
    expect((await db.auditEvent.findMany({ where: { entityId: added.id }, orderBy: { seq: "asc" } })).map((e) => e.action)).toEqual([
      "attachment.add",
      "attachment.rename",
      "attachment.remove",
    ]);
  });

  it("deletes a draft's attachment outright, file and all", async () => {
    const id = await draft("Gỡ tài liệu của bản nháp");
    const saved = await upload(STAFF_EMAIL, { communeId: thienTin, consultationId: id });
    const key = (await db.attachment.findUniqueOrThrow({ where: { id: saved.id } })).storageKey;
    await removeConsultationAttachment(staff, saved.id);
    expect(await db.attachment.count({ where: { id: saved.id } })).toBe(0);
    expect(filesOnDisk().some((f) => f.endsWith(key))).toBe(false);
    expect(await db.consultationVersion.count({ where: { consultationId: id } })).toBe(0);
  });

  it("lets no one of another commune rename or remove", async () => {
    const id = await draft("Tài liệu không ai ngoài xã được gỡ");
    const saved = await upload(STAFF_EMAIL, { communeId: thienTin, consultationId: id });
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    await expect(removeConsultationAttachment(other, saved.id)).rejects.toMatchObject({ status: 404 });
    await expect(renameConsultationAttachment(other, saved.id, "Đổi tên trái phép")).rejects.toMatchObject({ status: 404 });
    expect(await db.attachment.findUniqueOrThrow({ where: { id: saved.id }, select: { title: true, removedAt: true } })).toEqual({ title: "Bản vẽ mặt bằng", removedAt: null });
  });
});
