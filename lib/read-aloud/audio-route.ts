import "server-only";

// GET /api/communes/[slug]/read-aloud/[kind]/[id](?download=1): a public text as MP3. Anyone may listen
// to what anyone may read; the file is made on first request and cached per version (audio-cache.ts).
// Byte ranges are answered (206) because phones' players, Safari's first of all, ask for them.
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { errorResponse } from "@/lib/disclosure/http";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";

import { audioFor } from "./audio-cache";
import { usableSpeechEngine } from "./engine";
import { isReadAloudKind, spokenTextFor } from "./texts";

/** An ASCII file name for the download (the radio's equipment may not read others), and the real one beside it. */
function downloadName(title: string): { ascii: string; utf8: string } {
  const base = title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  const ascii = `${base.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 80).replace(/^-+|-+$/g, "") || "doc"}.mp3`;
  return { ascii, utf8: `${title.replace(/[\\/:*?"<>|\r\n]+/g, " ").trim().slice(0, 100)}.mp3` };
}

/** The single byte range of a Range header, within `size`; null for none or one we do not serve. */
export function byteRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

export async function serveReadAloud(request: Request, slug: string, kind: string, id: string): Promise<Response> {
  try {
    const commune = slug.length <= 60 ? await getCommuneBySlug(slug) : null;
    if (!commune || !isReadAloudKind(kind)) throw notFound();
    const spoken = await spokenTextFor(commune, kind, id);
    if (!spoken) throw notFound();
    const engine = await usableSpeechEngine();
    if (!engine) throw new AppError("readAloudUnavailable", 503);
    const audio = await audioFor(commune.id, engine, env.SPEECH_VOICE, spoken.text);
    const download = new URL(request.url).searchParams.get("download") === "1";
    const name = downloadName(spoken.title);
    const headers: Record<string, string> = {
      "Content-Type": "audio/mpeg",
      "Accept-Ranges": "bytes",
      // The address names the object, not the version: a changed text must be heard within minutes.
      "Cache-Control": "public, max-age=300",
      ETag: audio.etag,
      "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    };
    if (request.headers.get("if-none-match") === audio.etag) return new Response(null, { status: 304, headers });
    const size = audio.bytes.length;
    const range = byteRange(request.headers.get("range"), size);
    if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
    if (range) {
      const part = audio.bytes.subarray(range.start, range.end + 1);
      return new Response(new Uint8Array(part), {
        status: 206,
        headers: { ...headers, "Content-Range": `bytes ${range.start}-${range.end}/${size}`, "Content-Length": String(part.length) },
      });
    }
    return new Response(new Uint8Array(audio.bytes), { headers: { ...headers, "Content-Length": String(size) } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
