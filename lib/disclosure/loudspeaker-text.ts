// The text the commune loudspeaker (Đài truyền thanh xã) reads out for a publication: plain spoken
// Vietnamese from a fixed template, short enough to read in under two minutes at a slow pace. The
// broadcast is in Vietnamese whatever the reader's language, so the template lives here with the
// domain rather than in the UI catalogues. Everything comes from the publication's own fields;
// nothing is invented, and when the text is too long the least needed parts go first.
import { toVnDate } from "@/lib/consultations/periods";
import type { Channel, MatterKind } from "@/lib/generated/prisma/enums";

import { measureText } from "./vi-numbers";

/** A slow reading pace for a loudspeaker (120–130 words a minute). */
export const WORDS_PER_MINUTE = 125;
/** The budget of written words (Vietnamese syllables: each counts as a word, which errs long). */
export const MAX_WORDS = 220;
/**
 * The reading time allowed, counted on spoken words (numbers read out in full) at WORDS_PER_MINUTE:
 * under two minutes with a few seconds to spare for the reader's pauses.
 */
export const MAX_SECONDS = 115;

export type LoudspeakerInput = {
  communeName: string;
  title: string;
  summary: string;
  matterKind: MatterKind;
  commentStartsAt: Date | null;
  commentEndsAt: Date | null;
  postingStartsAt: Date | null;
  postingEndsAt: Date | null;
  /** Village names, or null for the whole commune. */
  villages: string[] | null;
  channels: Channel[];
  /** Ballot questions put to residents, in order. */
  questions: string[];
  /** Where the full text is posted on notice boards. */
  noticeBoards: string[];
};

export type LoudspeakerText = {
  paragraphs: string[];
  text: string;
  /** Written words. */
  words: number;
  /** Words as read aloud (numbers spelled out). */
  spokenWords: number;
  /** Estimated reading time at WORDS_PER_MINUTE. */
  seconds: number;
  /** Whether parts were left out to stay within the time. */
  isShortened: boolean;
};

/** "ngày 5 tháng 12 năm 2026": spoken dates carry no leading zeros. */
export function spokenDate(instant: Date): string {
  const [y, m, d] = toVnDate(instant).split("-").map(Number);
  return `ngày ${d} tháng ${m} năm ${y}`;
}

const CHANNEL_PHRASES: Record<Channel, { long: string; short: string }> = {
  WEB: { long: "góp ý trên trang lấy ý kiến trực tuyến của xã", short: "trực tuyến" },
  MEETING: { long: "phát biểu tại hội nghị thôn", short: "hội nghị thôn" },
  PAPER: { long: "điền phiếu lấy ý kiến gửi về từng hộ", short: "phiếu lấy ý kiến" },
  ASSISTED: { long: "đến trụ sở xã nhờ cán bộ ghi giúp", short: "cán bộ xã ghi giúp" },
  COMMENT_BOX: { long: "bỏ thư vào hòm thư góp ý ở trụ sở xã", short: "hòm thư góp ý" },
  HOTLINE: { long: "gọi đường dây nóng của xã", short: "đường dây nóng" },
  FRONT: { long: "gửi ý kiến qua Mặt trận Tổ quốc xã", short: "Mặt trận Tổ quốc xã" },
  CONFERENCE: { long: "dự hội nghị đối thoại với Nhân dân", short: "hội nghị đối thoại" },
};

const INTRO: Record<MatterKind, string> = {
  CONSULTATION: "Ủy ban nhân dân xã lấy ý kiến Nhân dân về",
  DECISION: "Ủy ban nhân dân xã đưa ra để Nhân dân bàn và quyết định nội dung",
  DISCLOSURE: "Ủy ban nhân dân xã công khai để Nhân dân biết",
};

const ASK: Record<MatterKind, string> = {
  CONSULTATION: "Đề nghị bà con tìm hiểu và góp ý.",
  DECISION: "Đề nghị đại diện các hộ gia đình tham gia bàn bạc và biểu quyết.",
  DISCLOSURE: "Đề nghị bà con theo dõi và cùng giám sát việc thực hiện.",
};

/** Abbreviations and units a reader would otherwise have to expand on air. */
const SPOKEN_FORMS: [RegExp, string][] = [
  [/\bUBMTTQ(?:VN)?\b/gu, "Ủy ban Mặt trận Tổ quốc"],
  [/\bUBND\b/gu, "Ủy ban nhân dân"],
  [/\bHĐND\b/gu, "Hội đồng nhân dân"],
  [/\bMTTQ(?:VN)?\b/gu, "Mặt trận Tổ quốc"],
  [/\bTDP\b/gu, "tổ dân phố"],
  [/(\d)\s?km²/gu, "$1 ki-lô-mét vuông"],
  [/(\d)\s?km\b/gu, "$1 ki-lô-mét"],
  [/(\d)\s?m[²2](?![\p{L}\d])/gu, "$1 mét vuông"],
  [/(\d)\s?m(?![\p{L}\d])/gu, "$1 mét"],
  [/(\d)\s?ha(?![\p{L}\d])/gu, "$1 héc-ta"],
  [/(\d)\s?%/gu, "$1 phần trăm"],
];

/** Text as it should be read aloud: abbreviations and units in full words. */
export function toSpoken(text: string): string {
  return SPOKEN_FORMS.reduce((out, [pattern, words]) => out.replace(pattern, words), text);
}

/** Ends a clause as a sentence, without doubling a full stop the text already has. */
const sentence = (s: string) => {
  const trimmed = s.trim().replace(/\s+/g, " ");
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** "A, B và C". */
export function joinVi(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} và ${items.at(-1)}`;
}

const HAS_UNIT_PREFIX = /^(thôn|tổ dân phố|tổ|xóm|ấp|bản|làng)\s/i;

function scopeSentence(villages: string[] | null, compact: boolean): string {
  if (!villages || villages.length === 0) return "Phạm vi: toàn xã.";
  if (compact && villages.length > 3) return `Phạm vi: ${villages.length} thôn trong xã, danh sách thôn xem tại bản niêm yết.`;
  if (villages.every((v) => !HAS_UNIT_PREFIX.test(v))) {
    return `Phạm vi: ${villages.length === 1 ? "thôn" : "các thôn"} ${joinVi(villages)}.`;
  }
  return `Phạm vi: ${joinVi(villages.map((v) => (HAS_UNIT_PREFIX.test(v) ? v : `thôn ${v}`)))}.`;
}

function channelSentence(channels: Channel[], compact: boolean): string | null {
  const unique = [...new Set(channels)];
  if (unique.length === 0) return null;
  if (compact) return `Bà con có thể tham gia qua: ${joinVi(unique.map((c) => CHANNEL_PHRASES[c].short))}.`;
  if (unique.length === 1) return `Bà con tham gia bằng cách ${CHANNEL_PHRASES[unique[0]!].long}.`;
  return `Bà con có thể tham gia bằng các cách: ${unique.map((c) => CHANNEL_PHRASES[c].long).join("; ")}.`;
}

function periodSentence(input: LoudspeakerInput): string | null {
  if (input.matterKind === "DISCLOSURE") {
    const from = input.postingStartsAt ?? input.commentStartsAt;
    const to = input.postingEndsAt ?? input.commentEndsAt;
    return from && to ? `Thời gian công khai từ ${spokenDate(from)} đến hết ${spokenDate(to)}.` : null;
  }
  if (!input.commentStartsAt || !input.commentEndsAt) return null;
  return `Thời gian nhận ý kiến từ ${spokenDate(input.commentStartsAt)} đến hết ${spokenDate(input.commentEndsAt)}.`;
}

function whereSentence(noticeBoards: string[], compact: boolean): string {
  const places = [...new Set(noticeBoards.map((p) => p.trim()).filter(Boolean))];
  if (places.length === 0) return "Toàn văn được đăng trên trang lấy ý kiến trực tuyến của xã.";
  if (compact || places.length > 3) return `Toàn văn được đăng trên trang lấy ý kiến trực tuyến của xã và niêm yết tại ${places.length} địa điểm.`;
  return `Toàn văn được đăng trên trang lấy ý kiến trực tuyến của xã và niêm yết tại ${joinVi(places)}.`;
}

function questionSentences(questions: string[], count: number): string[] {
  const chosen = questions.slice(0, count).map((q) => q.trim()).filter(Boolean);
  if (chosen.length === 0) return [];
  if (chosen.length === 1) return [`Nội dung hỏi ý kiến: ${sentence(chosen[0]!)}`];
  return [`Các nội dung hỏi ý kiến: ${chosen.map((q, i) => `thứ ${i === 0 ? "nhất" : i === 1 ? "hai" : "ba"}, ${sentence(q)}`).join(" ")}`];
}

const splitSentences = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+(?=\p{Lu}|\d)/u)
    .filter(Boolean);

function limitWords(text: string, max: number): string {
  const tokens = text.trim().split(/\s+/);
  return tokens.length <= max ? text.trim() : tokens.slice(0, max).join(" ");
}

type Plan = { summarySentences: number; questions: number; compactChannels: boolean; compactPlaces: boolean; compactScope: boolean; titleWords: number };

function compose(raw: LoudspeakerInput, plan: Plan): string[] {
  const input = {
    ...raw,
    title: toSpoken(raw.title),
    summary: toSpoken(raw.summary),
    questions: raw.questions.map(toSpoken),
    noticeBoards: raw.noticeBoards.map(toSpoken),
  };
  const title = limitWords(input.title, plan.titleWords);
  const summary = splitSentences(input.summary).slice(0, plan.summarySentences).map(sentence).join(" ");
  return [
    `Thông báo của Ủy ban nhân dân xã ${input.communeName}.`,
    `Kính thưa bà con Nhân dân!`,
    [`${INTRO[input.matterKind]}: ${sentence(title)}`, summary].filter(Boolean).join(" "),
    [ASK[input.matterKind], ...questionSentences(input.questions, plan.questions)].join(" "),
    [periodSentence(input), scopeSentence(input.villages, plan.compactScope)].filter(Boolean).join(" "),
    channelSentence(input.channels, plan.compactChannels),
    whereSentence(input.noticeBoards, plan.compactPlaces),
    `Ủy ban nhân dân xã ${input.communeName} trân trọng thông báo.`,
  ].filter((p): p is string => Boolean(p));
}

/**
 * The loudspeaker text for a publication. When the full text would take too long, parts go in this
 * order until it fits: the summary's last sentences, the ballot questions, then the
 * long forms of channels, places and villages; a very long title is cut last.
 */
export function composeLoudspeakerText(input: LoudspeakerInput): LoudspeakerText {
  const summaryCount = splitSentences(input.summary).length;
  const full: Plan = { summarySentences: summaryCount, questions: Math.min(3, input.questions.length), compactChannels: false, compactPlaces: false, compactScope: false, titleWords: Number.MAX_SAFE_INTEGER };
  const plans: Plan[] = [];
  for (let s = summaryCount; s >= 0; s--) plans.push({ ...full, summarySentences: s });
  const bare = { ...full, summarySentences: 0 };
  for (let q = full.questions - 1; q >= 0; q--) plans.push({ ...bare, questions: q });
  const steps: Partial<Plan>[] = [{ compactChannels: true }, { compactPlaces: true }, { compactScope: true }, { titleWords: 40 }, { titleWords: 25 }];
  let plan: Plan = { ...bare, questions: 0 };
  for (const step of steps) plans.push((plan = { ...plan, ...step }));

  for (const [i, p] of plans.entries()) {
    const paragraphs = compose(input, p);
    const text = paragraphs.join("\n\n");
    const { words, spokenWords } = measureText(text);
    const seconds = Math.ceil((spokenWords / WORDS_PER_MINUTE) * 60);
    if ((words <= MAX_WORDS && seconds <= MAX_SECONDS) || i === plans.length - 1) {
      return { paragraphs, text, words, spokenWords, seconds, isShortened: i > 0 };
    }
  }
  throw new Error("unreachable");
}

/** A loudspeaker text written elsewhere (an outcome notice's), measured the same way. */
export function measureStoredText(text: string): LoudspeakerText {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const { words, spokenWords } = measureText(text);
  return { paragraphs, text, words, spokenWords, seconds: Math.ceil((spokenWords / WORDS_PER_MINUTE) * 60), isShortened: false };
}
