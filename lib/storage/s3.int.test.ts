// The S3 driver against a real S3-compatible server (s3rver, started here on a free port with a data
// folder of its own): what the app stores there can be read back byte for byte, a missing key reads as
// "nothing", a failed database write removes the object it had stored, and a bucket that cannot be
// reached writes no attachment row. The disk driver is tested in storage.test.ts.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { communeId, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

const BUCKET = "danban-test";
// The app reads its storage settings once, when lib/env is first imported, as a deployment sets them
// (README "Settings"): they are set before any import, with a port of this run's own for s3rver.
const { port, endpoint } = vi.hoisted(() => {
  const port = 40_000 + (process.pid % 5_000) * 2;
  const endpoint = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    STORAGE_DRIVER: "s3",
    S3_ENDPOINT: endpoint,
    S3_BUCKET: "danban-test",
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
  return { port, endpoint };
});
let server: S3rver;
let dataDir: string;

// A real one-page PDF header (inspectUpload judges content, not names).
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(async () => {
  await seedDemo();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "danban-s3rver-"));
  server = new S3rver({ address: "127.0.0.1", port, silent: true, directory: dataDir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await server.run();
});

afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The keys s3rver holds in the bucket, read from its data folder (not through the driver under test). */
async function storedKeys(): Promise<string[]> {
  const root = path.join(dataDir, BUCKET);
  const found: string[] = [];
  async function walk(dir: string, prefix: string) {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith("._S3rver_object")) found.push(`${prefix}${entry.name.replace(/\._S3rver_object$/, "")}`);
    }
  }
  await walk(root, "");
  return found.sort();
}

describe("S3 storage (against s3rver)", () => {
  it("stores, reads back and deletes an object; a missing key reads as null", async () => {
    const { s3Storage } = await import("./storage");
    const storage = s3Storage({ bucket: BUCKET, region: "us-east-1", endpoint, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });
    await storage.put("c1/2026/a.pdf", PDF, "application/pdf");
    expect(await storedKeys()).toContain("c1/2026/a.pdf");
    expect(await storage.get("c1/2026/a.pdf")).toEqual(PDF);
    expect(await storage.get("c1/2026/none.pdf")).toBeNull();
    await storage.delete("c1/2026/a.pdf");
    expect(await storage.get("c1/2026/a.pdf")).toBeNull();
    expect(await storedKeys()).not.toContain("c1/2026/a.pdf");
    // Keys that would leave the commune's prefix are refused before any request.
    await expect(storage.put("../x.pdf", PDF, "application/pdf")).rejects.toThrow();
  });

  it("saveAttachment stores in the bucket under the commune's prefix, and the row names the object", async () => {
    const { saveAttachment } = await import("./save-attachment");
    const { getStorage } = await import("./storage");
    const { inspectUpload } = await import("./inspect-upload");
    const { db } = await import("@/lib/db");
    const commune = await communeId("thien-tin");
    const uploader = await userId(STAFF_EMAIL);
    const inspected = await inspectUpload(PDF, ["application/pdf"]);
    const saved = await saveAttachment({ communeId: commune, kind: "DOCUMENT", fileName: "Tờ trình.pdf", uploadedById: uploader, data: PDF, inspected });
    expect(saved.storageKey.startsWith(`${commune}/`)).toBe(true);
    expect(await storedKeys()).toContain(saved.storageKey);
    expect(await getStorage().get(saved.storageKey)).toEqual(PDF);
    await db.attachment.delete({ where: { id: saved.id } });
    await getStorage().delete(saved.storageKey);
  });

  it("removes the stored object again when the attachment row cannot be written (nothing half-written)", async () => {
    const { saveAttachment } = await import("./save-attachment");
    const { inspectUpload } = await import("./inspect-upload");
    const before = await storedKeys();
    const inspected = await inspectUpload(PDF, ["application/pdf"]);
    // A consultation that does not exist: the foreign key refuses the row after the object was stored.
    await expect(
      saveAttachment({ communeId: await communeId("thien-tin"), consultationId: "no-such-consultation", kind: "DOCUMENT", fileName: "x.pdf", uploadedById: await userId(STAFF_EMAIL), data: PDF, inspected }),
    ).rejects.toThrow();
    expect(await storedKeys()).toEqual(before);
  });

  it("writes no attachment row when the bucket cannot be reached, and works again when it is back", async () => {
    const { saveAttachment } = await import("./save-attachment");
    const { inspectUpload } = await import("./inspect-upload");
    const { db } = await import("@/lib/db");
    const commune = await communeId("thien-tin");
    const uploader = await userId(STAFF_EMAIL);
    const inspected = await inspectUpload(PDF, ["application/pdf"]);
    const count = await db.attachment.count({ where: { communeId: commune } });
    // Stopped, with the connections the driver keeps open closed too (as when the server goes away).
    await server.close();
    await expect(saveAttachment({ communeId: commune, kind: "DOCUMENT", fileName: "x.pdf", uploadedById: uploader, data: PDF, inspected })).rejects.toThrow();
    expect(await db.attachment.count({ where: { communeId: commune } })).toBe(count);
    // The same server comes back on the same port with its data: the next upload is stored.
    server = new S3rver({ address: "127.0.0.1", port, silent: true, directory: dataDir });
    await server.run();
    const saved = await saveAttachment({ communeId: commune, kind: "DOCUMENT", fileName: "x.pdf", uploadedById: uploader, data: PDF, inspected });
    expect(await storedKeys()).toContain(saved.storageKey);
    expect(await db.attachment.count({ where: { communeId: commune } })).toBe(count + 1);
  });
});
