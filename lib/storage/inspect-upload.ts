// An upload is judged by its content, never by its name: a program renamed "bien-ban.pdf" is refused.
import { createHash } from "node:crypto";

import { fileTypeFromBuffer } from "file-type";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const DOCUMENT_TYPES = ["application/pdf"] as const;
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const DOCUMENT_OR_IMAGE = [...DOCUMENT_TYPES, ...IMAGE_TYPES] as const;

export type InspectedUpload = { mimeType: string; extension: string; sizeBytes: number; sha256: string };

export const maxUploadBytes = () => env.MAX_UPLOAD_MB * 1024 * 1024;

/** Throws 413 before the body is read when the declared length is already too large. */
export function assertDeclaredSize(contentLength: string | null): void {
  const max = maxUploadBytes();
  if (contentLength && Number(contentLength) > max + 64 * 1024) {
    throw new AppError("uploadTooLarge", 413, { maxMb: env.MAX_UPLOAD_MB }, { file: "uploadTooLarge" });
  }
}

export async function inspectUpload(data: Buffer, allowed: readonly string[]): Promise<InspectedUpload> {
  if (data.length === 0) throw new AppError("uploadEmpty", 422, {}, { file: "uploadEmpty" });
  if (data.length > maxUploadBytes()) {
    throw new AppError("uploadTooLarge", 413, { maxMb: env.MAX_UPLOAD_MB }, { file: "uploadTooLarge" });
  }
  const detected = await fileTypeFromBuffer(data);
  if (!detected || !allowed.includes(detected.mime)) {
    throw new AppError(
      "uploadTypeNotAllowed",
      415,
      { allowed: allowed.map((m) => m.split("/")[1]!.toUpperCase().replace("JPEG", "JPG")).join(", ") },
      { file: "uploadTypeNotAllowed" },
    );
  }
  return {
    mimeType: detected.mime,
    extension: detected.ext,
    sizeBytes: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
  };
}

/** A file name safe to show and to send in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim().slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, "") || "tep";
  return `${stem}.${extension}`;
}
