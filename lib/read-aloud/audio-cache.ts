// Each text is made into audio once per version: the file's key is a hash of the engine, the voice and
// the exact text, so an edited summary or notice gets a new file and an unchanged one is never made
// again. Files live in the commune's storage (disk or S3) beside its other files; two requests for the
// same new text in one process wait for one synthesis.
import { createHash } from "node:crypto";

import { getStorage } from "@/lib/storage/storage";

import { type SpeechEngine, type Voice } from "./engine";

export type Audio = { bytes: Buffer; etag: string; made: boolean };

const inFlight = new Map<string, Promise<Audio>>();

export function audioKey(communeId: string, engine: SpeechEngine, voice: Voice, text: string): { key: string; etag: string } {
  const hash = createHash("sha256").update(`${engine.id}\n${voice}\n${text}`).digest("hex");
  return { key: `${communeId}/read-aloud/${hash.slice(0, 40)}.mp3`, etag: `"${hash.slice(0, 32)}"` };
}

/** The text's audio: from the cache, or made now and stored (`made` says which). */
export async function audioFor(communeId: string, engine: SpeechEngine, voice: Voice, text: string): Promise<Audio> {
  const { key, etag } = audioKey(communeId, engine, voice, text);
  const storage = getStorage();
  const cached = await storage.get(key);
  if (cached) return { bytes: cached, etag, made: false };
  let pending = inFlight.get(key);
  if (!pending) {
    pending = (async () => {
      const bytes = await engine.toMp3(text, voice);
      await storage.put(key, bytes, "audio/mpeg");
      return { bytes, etag, made: true };
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}
