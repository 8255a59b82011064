// What each audio file reads: only texts the public may already read on the page, composed from the
// stored records (never from the request), so nobody can make the server speak anything else.
//   consultation  the consultation's title and summary, then how long comments are open
//   loudspeaker   the loudspeaker text of a disclosure register entry (a consultation, or an outcome
//                 notice's own loudspeaker text), exactly as the commune radio reads it
//   dialogue      the loudspeaker announcement of a dialogue conference
import type { CommuneSummary } from "@/lib/communes/get-commune";
import { getPublicConsultation } from "@/lib/consultations/get-consultation";
import { conferenceLoudspeakerText } from "@/lib/dialogues/loudspeaker";
import { loudspeakerInputOf } from "@/lib/dialogues/read-dialogues";
import { getNoticeTexts, getRegisterEntry } from "@/lib/disclosure/list-register";
import { loudspeakerTextFor } from "@/lib/disclosure/loudspeaker-for";
import { spokenDate, toSpoken } from "@/lib/disclosure/loudspeaker-text";

import { MAX_SPOKEN_CHARS } from "./engine";

export const READ_ALOUD_KINDS = ["consultation", "loudspeaker", "dialogue"] as const;
export type ReadAloudKind = (typeof READ_ALOUD_KINDS)[number];

export type SpokenText = { text: string; title: string };

export function isReadAloudKind(value: string): value is ReadAloudKind {
  return (READ_ALOUD_KINDS as readonly string[]).includes(value);
}

/** A consultation's summary as it is spoken: abbreviations spelled out, dates in words. */
export function consultationSpeech(c: { title: string; summary: string; commentStartsAt: Date | null; commentEndsAt: Date | null }): string {
  const sentence = (s: string) => {
    const trimmed = toSpoken(s.trim());
    return /[.!?…:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
  };
  const parts = [sentence(c.title), ...c.summary.split(/\n\s*\n/).filter((p) => p.trim()).map(sentence)];
  if (c.commentStartsAt && c.commentEndsAt) parts.push(`Thời gian lấy ý kiến: từ ${spokenDate(c.commentStartsAt)} đến ${spokenDate(c.commentEndsAt)}.`);
  return parts.join("\n\n");
}

/** The text of `kind`/`id` for the public, or null when there is none (unknown, draft, not published). */
export async function spokenTextFor(commune: CommuneSummary, kind: ReadAloudKind, id: string): Promise<SpokenText | null> {
  if (id.length > 40) return null;
  let found: SpokenText | null = null;
  if (kind === "consultation") {
    const c = await getPublicConsultation(commune.id, id);
    found = c ? { title: c.title, text: consultationSpeech(c) } : null;
  } else if (kind === "loudspeaker") {
    const entry = await getRegisterEntry(commune, id);
    if (entry) {
      const notice = entry.kind === "notice" ? await getNoticeTexts(commune.id, entry.id) : null;
      const text = notice ? notice.loudspeakerText : ((await loudspeakerTextFor(commune.id, entry.consultationId))?.paragraphs.join("\n\n") ?? "");
      found = text.trim() ? { title: entry.title, text } : null;
    }
  } else {
    const announcement = await loudspeakerInputOf(commune.id, id);
    found = announcement ? { title: announcement.title, text: conferenceLoudspeakerText(announcement) } : null;
  }
  return found ? { ...found, text: found.text.slice(0, MAX_SPOKEN_CHARS) } : null;
}
