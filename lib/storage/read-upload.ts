// Reading an upload in a route handler without trusting the client: the declared length is checked
// before the body is read, and the body is read with a cap, so a client that declares nothing (or
// lies) cannot make the server hold more than the limit in memory.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

import { assertDeclaredSize, maxUploadBytes } from "./inspect-upload";

/** Room for the multipart envelope around the file: boundaries, headers, the title field. */
const ENVELOPE_BYTES = 64 * 1024;

const tooLarge = () => new AppError("uploadTooLarge", 413, { maxMb: env.MAX_UPLOAD_MB }, { file: "uploadTooLarge" });

export async function readLimitedBody(request: Request, maxBytes = maxUploadBytes() + ENVELOPE_BYTES): Promise<Buffer> {
  assertDeclaredSize(request.headers.get("content-length"));
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The fields of a multipart/form-data upload, parsed by the platform's own parser. */
export async function parseMultipart(body: Buffer, contentType: string | null): Promise<FormData> {
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) throw new AppError("uploadUnreadable", 400);
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("uploadUnreadable", 400);
  }
}
