// An official document of a commune People's Committee, independent of the file format: the DOCX and
// PDF renderers draw the same model in the Decree 30/2020 layout (Appendix I).
import type { DocumentType } from "@/lib/generated/prisma/enums";

/** A run of text inside a paragraph; bold or italic where the author wants emphasis. */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean };

export type Block =
  /** Level 1: "I. CÁCH THỨC TỔ CHỨC" (bold); level 2: "1. Thời gian" (bold); level 3: "a) …" (italic). */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; content: Inline[] }
  /** Printed as "- item" lines, the way officials write lists. */
  | { kind: "bullets"; items: Inline[][] }
  /** A simple grid: a header row, then rows; widths are relative (they are scaled to the text width). */
  | { kind: "table"; header: string[]; rows: string[][]; widths?: number[]; align?: ("left" | "center" | "right")[] }
  /** A drawing (SVG), centred, `widthMm` wide at its own aspect ratio, with its caption in italics under it. */
  | { kind: "figure"; svg: string; widthPx: number; heightPx: number; widthMm: number; caption: string };

export type Signature = {
  /** Capitals, bold: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] or ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  authorityLines: string[];
  signerName: string;
};

export type OfficialDocument = {
  /** The issuing body, one line each, printed in capitals: ["ỦY BAN NHÂN DÂN", "XÃ THIỆN TÍN"]. */
  issuerLines: string[];
  type: DocumentType;
  /** "05/BC-UBND" once issued; null on a draft, which leaves room for the number. */
  numberLabel: string | null;
  /** The issuer's code in the number ("UBND"). */
  issuerCode?: string;
  /** The place in the date line: the commune's name without "xã" ("Thiện Tín"). */
  place: string;
  /** The signing date; null on a draft. */
  issuedAt: Date | null;
  /** Trích yếu: what the document is about, printed bold under the type name. */
  subject: string;
  body: Block[];
  /** Nơi nhận entries without the leading dash or the closing punctuation; the last is the archive. */
  recipients: string[];
  signature: Signature;
  /** A draft (not yet approved or issued): "DỰ THẢO" is printed at the top of every page. */
  draft?: boolean;
};

/** Printed at the top of every page of a draft, right of the page number (layout.ts: DRAFT_MARK_SIZE). */
export const DRAFT_MARK = "DỰ THẢO";

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const END_MARK = "./.";
export const RECIPIENTS_HEADING = "Nơi nhận:";

/**
 * Decree 30 (Appendix I, II.8): a collective body's document is signed "TM." (on behalf of) the
 * committee by its chair; a vice-chair signs "KT." (for) the chair, and "TM." the committee above it
 * when the document is issued in the committee's name.
 */
export function signatureFor(
  title: "CHAIR" | "VICE_CHAIR",
  signerName: string,
  options: { collective?: boolean; body?: string } = {},
): Signature {
  const body = options.body ?? "ỦY BAN NHÂN DÂN";
  if (title === "CHAIR") return { authorityLines: [`TM. ${body}`, "CHỦ TỊCH"], signerName };
  const lines = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"];
  return { authorityLines: options.collective ? [`TM. ${body}`, ...lines] : lines, signerName };
}

/** "- Thường trực HĐND xã;" … "- Lưu: VT, VP." — each entry ends with ";", the last with ".". */
export function recipientLines(recipients: string[]): string[] {
  return recipients.map((r, i) => `- ${r.replace(/[;.]+$/, "")}${i === recipients.length - 1 ? "." : ";"}`);
}

export const inlineText = (inline: Inline) => (typeof inline === "string" ? inline : inline.text);

/** The body with the end mark "./." right after its last word, as Decree 30 places it. */
export function withEndMark(body: Block[]): Block[] {
  const last = body.at(-1);
  if (last?.kind !== "paragraph" || last.content.length === 0) return [...body, { kind: "paragraph", content: [END_MARK] }];
  const final = last.content.at(-1)!;
  // "…chỉ đạo chung." becomes "…chỉ đạo chung./.", never "chung../.".
  const text = inlineText(final).replace(/\s*\.?\s*$/, "") + END_MARK;
  const marked: Inline = typeof final === "string" ? text : { ...final, text };
  return [...body.slice(0, -1), { kind: "paragraph", content: [...last.content.slice(0, -1), marked] }];
}
