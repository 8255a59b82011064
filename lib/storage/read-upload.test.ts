import { describe, expect, it } from "vitest";

import { parseMultipart, readLimitedBody } from "./read-upload";

const MB = 1024 * 1024;

/** A request whose body arrives in chunks and declares no length, as a chunked upload does. */
function streamed(bytes: number, chunk = MB): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n));
    },
  });
  return new Request("http://x/upload", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readLimitedBody", () => {
  it("refuses a declared length over the limit before reading anything", async () => {
    const request = new Request("http://x/upload", { method: "POST", headers: { "content-length": String(50 * MB) }, body: "x" });
    await expect(readLimitedBody(request)).rejects.toMatchObject({ code: "uploadTooLarge", status: 413, params: { maxMb: 20 } });
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading a body that declares nothing once it passes the limit", async () => {
    await expect(readLimitedBody(streamed(30 * MB))).rejects.toMatchObject({ code: "uploadTooLarge", status: 413 });
    expect((await readLimitedBody(streamed(2 * MB))).length).toBe(2 * MB);
  });
});

describe("parseMultipart", () => {
  it("reads the fields of a form upload and refuses anything else", async () => {
    const form = new FormData();
    form.set("file", new File([Buffer.from("%PDF-1.4")], "Bản vẽ.pdf", { type: "application/pdf" }));
    form.set("title", "Bản vẽ mặt bằng");
    const request = new Request("http://x/upload", { method: "POST", body: form });
    const parsed = await parseMultipart(await readLimitedBody(request), request.headers.get("content-type"));
    expect(parsed.get("title")).toBe("Bản vẽ mặt bằng");
    expect((parsed.get("file") as File).name).toBe("Bản vẽ.pdf");
    await expect(parseMultipart(Buffer.from("{}"), "application/json")).rejects.toMatchObject({ code: "uploadUnreadable", status: 400 });
    await expect(parseMultipart(Buffer.from("garbage"), "multipart/form-data; boundary=zzz")).rejects.toMatchObject({ code: "uploadUnreadable" });
  });
});
