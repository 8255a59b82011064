import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { cleanFileName, inspectUpload } from "./inspect-upload";
import { assertSafeKey, diskStorage } from "./storage";

// The smallest real files of each kind: the bytes their formats begin with.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0")]);

describe("inspectUpload", () => {
  it("recognises a PDF and an image by their content", async () => {
    await expect(inspectUpload(PDF, ["application/pdf"])).resolves.toMatchObject({ mimeType: "application/pdf", extension: "pdf", sizeBytes: PDF.length });
    await expect(inspectUpload(PNG, ["image/png"])).resolves.toMatchObject({ mimeType: "image/png", extension: "png" });
  });

  it("refuses a program whatever its name, an empty file, and a file over the limit", async () => {
    await expect(inspectUpload(EXE, ["application/pdf"])).rejects.toMatchObject({ code: "uploadTypeNotAllowed", status: 415, params: { allowed: "PDF" } });
    await expect(inspectUpload(Buffer.alloc(0), ["application/pdf"])).rejects.toMatchObject({ code: "uploadEmpty", status: 422 });
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    await expect(inspectUpload(big, ["application/pdf"])).rejects.toMatchObject({ code: "uploadTooLarge", status: 413, params: { maxMb: 20 } });
  });

  it("cleans file names and gives them the detected extension", () => {
    expect(cleanFileName("C:\\Users\\x\\Bản vẽ tuyến <1>.exe", "pdf")).toBe("Bản vẽ tuyến 1.pdf");
    expect(cleanFileName("../../etc/passwd", "png")).toBe("passwd.png");
  });
});

describe("diskStorage", () => {
  it("writes, reads back and deletes files under its root only", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "danban-storage-"));
    const storage = diskStorage(root);
    await storage.put("c1/2026/a.pdf", PDF, "application/pdf");
    expect(await storage.get("c1/2026/a.pdf")).toEqual(PDF);
    expect(await readdir(path.join(root, "c1/2026"))).toEqual(["a.pdf"]); // no temporary file left
    await storage.delete("c1/2026/a.pdf");
    expect(await storage.get("c1/2026/a.pdf")).toBeNull();
  });

  it("refuses keys that would leave the root", () => {
    for (const key of ["../x", "/etc/passwd", "a/../../b", "a//b", ""]) expect(() => assertSafeKey(key)).toThrow();
    expect(() => assertSafeKey("c1/2026/abc.pdf")).not.toThrow();
  });
});
