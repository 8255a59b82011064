// Texts read aloud (issue 16 §4): a speech engine turns a Vietnamese text into an MP3 file, on the server,
// behind one small interface so that another engine (a better neural voice, a provider's service) can
// replace it without touching the pages. The engine shipped is espeak-ng from Debian's packages (its
// Vietnamese voices: northern, central, southern), encoded to MP3 by LAME: MP3 plays on every phone and
// on the commune radio's equipment, and at 8–12 kB per second of speech it suits slow mobile data.
// Nothing leaves the server: no network, no third-party service.
import { spawn } from "node:child_process";

import { env } from "@/lib/env";

export const VOICES = ["vi", "vi-vn-x-central", "vi-vn-x-south"] as const;
export type Voice = (typeof VOICES)[number];

/** The longest text an engine is asked to read: about 25 minutes of speech, well past any notice. */
export const MAX_SPOKEN_CHARS = 20_000;

export interface SpeechEngine {
  /** Names the engine and its settings: part of each cached file's key, so a change makes new files. */
  readonly id: string;
  /** Whether the engine can run here (its programs are installed). */
  available(): Promise<boolean>;
  /** The text as MP3 bytes. */
  toMp3(text: string, voice: Voice): Promise<Buffer>;
}

/** Runs a program with `input` on its standard input; its standard output, or an error with its stderr. */
function run(command: string, args: string[], input: Buffer | string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${command} ended with ${signal ?? `code ${code}`}: ${Buffer.concat(err).toString("utf8").slice(0, 500)}`));
    });
    child.stdin.on("error", () => {}); // a program that exits early closes its input: its exit code tells
    child.stdin.end(input);
  });
}

/**
 * espeak-ng, then LAME. The speed is slower than espeak-ng's default (175 words a minute) for listeners
 * who are elderly or hear it over a loudspeaker; the MP3 is mono, variable bit rate, 22 kHz (espeak-ng's rate).
 */
export function espeakNgEngine(options: { wordsPerMinute?: number } = {}): SpeechEngine {
  const wpm = options.wordsPerMinute ?? 150;
  let installed: Promise<boolean> | undefined;
  return {
    id: `espeak-ng:${wpm}:lame-V7`,
    available() {
      installed ??= Promise.all([run("espeak-ng", ["--version"], "", 10_000), run("lame", ["--version"], "", 10_000)]).then(
        () => true,
        () => false,
      );
      return installed;
    },
    async toMp3(text, voice) {
      // The text goes in on standard input (never as an argument): nothing in it is read as an option.
      const wav = await run("espeak-ng", ["-v", voice, "-s", String(wpm), "--stdin", "--stdout"], text, 120_000);
      return run("lame", ["--quiet", "-V", "7", "-m", "m", "-", "-"], wav, 120_000);
    },
  };
}

let configured: SpeechEngine | null | undefined;

/** The engine this deployment configured (SPEECH_ENGINE), or null when reading aloud is off. */
export function speechEngine(): SpeechEngine | null {
  if (configured === undefined) configured = env.SPEECH_ENGINE === "off" ? null : espeakNgEngine();
  return configured;
}

/** The engine when it is configured and can run here; null otherwise (pages then offer no player). */
export async function usableSpeechEngine(): Promise<SpeechEngine | null> {
  const engine = speechEngine();
  return engine && (await engine.available()) ? engine : null;
}
