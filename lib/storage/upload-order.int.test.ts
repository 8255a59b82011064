// Every upload entry point settles who is asking before it reads a byte of the body, and stops reading
// at its cap when the body never says how long it is (chunked, no Content-Length). The body here is a
// stream that counts what was pulled from it and never ends on its own.
import { beforeAll, describe, expect, it } from "vitest";

import { acceptAttachmentUpload } from "@/lib/consultations/attachments/accept-upload";
import { db } from "@/lib/db";
import { acceptConferenceMinutes } from "@/lib/dialogues/minutes-route";
import { acceptPostingPhotoUpload } from "@/lib/disclosure/posting-photo";
import { acceptMinutesUpload } from "@/lib/participation/accept-minutes-upload";
import { acceptOpinionPhoto } from "@/lib/participation/upload-opinion-photo";
import { handleListUpload } from "@/lib/people/import/handle-list-upload";
import { communeId, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { maxUploadBytes } from "./inspect-upload";

const CHUNK = 256 * 1024;

/** A chunked multipart body that never ends: `pulled()` says how many bytes the server took. */
function endlessUpload(url: string, contentType = "multipart/form-data; boundary=x") {
  let pulled = 0;
  const chunk = new Uint8Array(CHUNK).fill(0x41);
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(url, {
    method: "POST",
    body,
    // @ts-expect-error: Node's fetch needs it for a stream body; the DOM types do not know it.
    duplex: "half",
    headers: { "content-type": contentType, origin: "http://localhost" },
  });
  return { request, pulled: () => pulled };
}

type Entry = { name: string; call: (request: Request, userId: string | null) => Promise<unknown>; url: string; staffOnly: boolean; contentType?: string };

let thienTin: string;
let roadId: string;
let entries: Entry[];

beforeAll(async () => {
  await seedDemo();
  await db.rateLimit.deleteMany({});
  thienTin = await communeId("thien-tin");
  roadId = (await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp" } }, select: { id: true } })).id;
  const target = { communeId: thienTin, consultationId: roadId };
  entries = [
    { name: "attachment", url: "http://localhost/api/x", staffOnly: true, call: (r, u) => acceptAttachmentUpload(r, target, u) },
    { name: "opinion photo", url: "http://localhost/api/x", staffOnly: false, call: (r, u) => acceptOpinionPhoto(r, target, u) },
    { name: "posting photo", url: "http://localhost/api/x", staffOnly: true, call: (r, u) => acceptPostingPhotoUpload(r, "thien-tin", u) },
    { name: "minutes", url: `http://localhost/api/participation/minutes?communeId=${thienTin}`, staffOnly: true, call: (r, u) => acceptMinutesUpload(r, u) },
    { name: "dialogue conference minutes", url: "http://localhost/api/x", staffOnly: true, call: (r, u) => acceptConferenceMinutes(r, "thien-tin", "any-conference", u) },
    { name: "minutes, commune only in the form", url: "http://localhost/api/participation/minutes", staffOnly: true, call: (r, u) => acceptMinutesUpload(r, u) },
    {
      name: "household list",
      url: "http://localhost/api/communes/thien-tin/residents/import?mode=preview",
      staffOnly: true,
      contentType: "application/octet-stream",
      call: async (r, u) => {
        const response = await handleListUpload(r, "thien-tin", u);
        if (!response.ok) throw Object.assign(new Error("refused"), { status: response.status });
        return response;
      },
    },
  ];
});

describe("uploads: the role before the body, a cap without Content-Length", () => {
  it("refuses a visitor without reading the body", async () => {
    for (const entry of entries) {
      const upload = endlessUpload(entry.url, entry.contentType);
      await expect(entry.call(upload.request, null), entry.name).rejects.toMatchObject({ status: 401 });
      expect(upload.pulled(), entry.name).toBe(0);
    }
  });

  it("refuses a resident at a staff upload without reading the body", async () => {
    const resident = await userId(RESIDENT_PHONE);
    for (const entry of entries.filter((e) => e.staffOnly)) {
      const upload = endlessUpload(entry.url, entry.contentType);
      await expect(entry.call(upload.request, resident), entry.name).rejects.toMatchObject({ status: 403 });
      expect(upload.pulled(), entry.name).toBe(0);
    }
  });

  it("answers 413 to an endless chunked body from an allowed user, having read no more than the cap", async () => {
    const staff = await userId(STAFF_EMAIL);
    const resident = await userId(RESIDENT_PHONE);
    const limit = maxUploadBytes() + 64 * 1024;
    for (const entry of entries) {
      const upload = endlessUpload(entry.url, entry.contentType);
      await expect(entry.call(upload.request, entry.staffOnly ? staff : resident), entry.name).rejects.toMatchObject({ status: 413 });
      expect(upload.pulled(), entry.name).toBeLessThanOrEqual(limit + CHUNK);
    }
  });
});
