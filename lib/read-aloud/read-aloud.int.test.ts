// Texts read aloud with the real engine (Debian's espeak-ng and lame), the real storage and the real
// database: what the public may read can be heard, as MP3, made once per version; drafts, other
// communes' records and unknown kinds are 404; byte ranges, revalidation and the radio's download.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/db";
import { communeId, seedDemo } from "@/scripts/test/fixtures";

import { audioFor } from "./audio-cache";
import { serveReadAloud } from "./audio-route";
import { espeakNgEngine, type SpeechEngine } from "./engine";

// Debian's espeak-ng and lame are needed (README "On a fresh machine"): skipped with a note where they
// are missing, except under CI, which installs them and must run these tests.
const installed = await espeakNgEngine().available();
if (!installed && process.env.CI) throw new Error("espeak-ng and lame must be installed under CI (apt-get install espeak-ng lame)");
if (!installed) console.warn("[read-aloud] espeak-ng or lame is not installed: the read-aloud tests are skipped");

let roadId: string;
let draftId: string;
let otherCommuneConsultationId: string;
let originalSummary: string;

/** The real engine, counting how often it is asked to speak. */
function countingEngine(): SpeechEngine & { calls: number } {
  const real = espeakNgEngine();
  const engine = { id: real.id, calls: 0, available: () => real.available(), toMp3: (text: string, voice: "vi") => ((engine.calls += 1), real.toMp3(text, voice)) };
  return engine;
}

const get = (slug: string, kind: string, id: string, headers: Record<string, string> = {}, query = "") =>
  serveReadAloud(new Request(`http://localhost/api/communes/${slug}/read-aloud/${kind}/${id}${query}`, { headers }), slug, kind, id);

/** An MP3 file starts with an ID3 tag or an MPEG audio frame sync (11 bits set). */
const isMp3 = (b: Buffer) => b.subarray(0, 3).toString("latin1") === "ID3" || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0);

beforeAll(async () => {
  await seedDemo();
  const thienTin = await communeId("thien-tin");
  const road = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp" } }, select: { id: true, summary: true } });
  roadId = road.id;
  originalSummary = road.summary;
  draftId = (await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, status: "DRAFT" }, select: { id: true } })).id;
  otherCommuneConsultationId = (await db.consultation.findFirstOrThrow({ where: { communeId: await communeId("nghia-hanh"), status: { not: "DRAFT" } }, select: { id: true } })).id;
});

afterAll(async () => {
  await db.consultation.update({ where: { id: roadId }, data: { summary: originalSummary } });
});

describe.runIf(installed)("reading a public text aloud", () => {
  it("answers a published consultation's summary as MP3, inline, with its version as ETag", async () => {
    const res = await get("thien-tin", "consultation", roadId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="Nang-cap-mo-rong-tuyen-duong-lien-thon-Phu-Khuong-Long-Binh-Tan-Hoa\.mp3"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(isMp3(bytes)).toBe(true);
    // A summary of several sentences is seconds of speech: kilobytes, not a few bytes of silence.
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(Number(res.headers.get("content-length"))).toBe(bytes.length);

    const again = await get("thien-tin", "consultation", roadId, { "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("gives the commune radio a download with a plain file name", async () => {
    const res = await get("thien-tin", "consultation", roadId, {}, "?download=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="Nang-cap[^"]*\.mp3"; filename\*=UTF-8''N%C3%A2ng%20c%E1%BA%A5p/);
  });

  it("answers byte ranges as a phone's player asks for them, and refuses one past the end", async () => {
    const whole = Buffer.from(await (await get("thien-tin", "consultation", roadId)).arrayBuffer());
    const first = await get("thien-tin", "consultation", roadId, { range: "bytes=0-99" });
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-99/${whole.length}`);
    expect(Buffer.from(await first.arrayBuffer())).toEqual(whole.subarray(0, 100));
    const last = await get("thien-tin", "consultation", roadId, { range: "bytes=-10" });
    expect(Buffer.from(await last.arrayBuffer())).toEqual(whole.subarray(whole.length - 10));
    const open = await get("thien-tin", "consultation", roadId, { range: `bytes=${whole.length - 1}-` });
    expect((await open.arrayBuffer()).byteLength).toBe(1);
    const past = await get("thien-tin", "consultation", roadId, { range: `bytes=${whole.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${whole.length}`);
  });

  it("reads the loudspeaker text of the register entry", async () => {
    const res = await get("thien-tin", "loudspeaker", roadId);
    expect(res.status).toBe(200);
    expect(isMp3(Buffer.from(await res.arrayBuffer()))).toBe(true);
  });

  it("is 404 for a draft, another commune's record, an unknown kind and an unknown commune", async () => {
    for (const [slug, kind, id] of [
      ["thien-tin", "consultation", draftId],
      ["thien-tin", "loudspeaker", draftId],
      ["thien-tin", "consultation", otherCommuneConsultationId],
      ["thien-tin", "dialogue", roadId],
      ["thien-tin", "anything", roadId],
      ["no-such-commune", "consultation", roadId],
    ] as const) {
      const res = await get(slug, kind, id);
      expect(res.status, `${slug}/${kind}/${id}`).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/json/);
    }
  });
});

describe.runIf(installed)("the audio cache", () => {
  it("makes each version once: the same text is served from storage, an edited one is made anew", async () => {
    const commune = await communeId("thien-tin");
    const engine = countingEngine();
    const text = `Kiểm tra bộ nhớ đệm ${Date.now()}.`;
    const [a, b] = await Promise.all([audioFor(commune, engine, "vi", text), audioFor(commune, engine, "vi", text)]);
    expect(engine.calls).toBe(1); // two listeners at once wait for one synthesis
    expect(a.bytes).toEqual(b.bytes);
    const c = await audioFor(commune, engine, "vi", text);
    expect(c.made).toBe(false);
    expect(engine.calls).toBe(1);
    const edited = await audioFor(commune, engine, "vi", `${text} Sửa đổi.`);
    expect(edited.made).toBe(true);
    expect(edited.etag).not.toBe(c.etag);
    const southern = await audioFor(commune, engine, "vi-vn-x-south", text);
    expect(southern.made).toBe(true);
    expect(engine.calls).toBe(3);
  });

  it("a changed summary changes what is heard (a new ETag)", async () => {
    const before = (await get("thien-tin", "consultation", roadId)).headers.get("etag");
    await db.consultation.update({ where: { id: roadId }, data: { summary: `${originalSummary}\n\nBổ sung: làm thêm mương thoát nước.` } });
    const after = (await get("thien-tin", "consultation", roadId)).headers.get("etag");
    expect(after).not.toBe(before);
  });
});

describe("without a speech engine", () => {
  it("answers 503 with a message in the reader's language, not an error page", async () => {
    vi.resetModules();
    process.env.SPEECH_ENGINE = "off";
    try {
      const { serveReadAloud: serveOff } = await import("./audio-route");
      const res = await serveOff(new Request(`http://localhost/x`, { headers: { "accept-language": "vi" } }), "thien-tin", "consultation", roadId);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { message: string }).message).toMatch(/chưa cài bộ đọc tiếng Việt/);
    } finally {
      delete process.env.SPEECH_ENGINE;
      vi.resetModules();
    }
  });
});
