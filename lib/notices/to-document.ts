// The outcome notice as an official document (Decree 30 layout, type TB): the same model the report
// uses, so the DOCX and PDF renderers draw it unchanged. The body staff edit is plain text: blank lines
// separate paragraphs, "- " lines make a list, "I. …" lines are section headings.
import { type Block, type OfficialDocument, type Signature, signatureFor } from "@/lib/documents/model";

export function bodyToBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").map((l) => l.trim()).filter(Boolean);
    let bullets: string[] = [];
    const flush = () => {
      if (bullets.length) blocks.push({ kind: "bullets", items: bullets.map((b) => [b]) });
      bullets = [];
    };
    for (const line of lines) {
      if (/^[-–•]\s+/.test(line)) {
        bullets.push(line.replace(/^[-–•]\s+/, ""));
        continue;
      }
      flush();
      if (/^[IVX]+\.\s+\S/.test(line) && line.length <= 120) blocks.push({ kind: "heading", level: 1, text: line });
      else if (/^\d+\.\s+\S/.test(line) && line.length <= 120) blocks.push({ kind: "heading", level: 2, text: line });
      else blocks.push({ kind: "paragraph", content: [line] });
    }
    flush();
  }
  return blocks;
}

export const NOTICE_RECIPIENTS = [
  "Nhân dân trong xã (niêm yết, đăng trên trang lấy ý kiến trực tuyến)",
  "Thường trực Đảng ủy, HĐND xã",
  "Ủy ban MTTQ Việt Nam xã",
  "Các thôn trong phạm vi lấy ý kiến",
  "Lưu: VT, VP",
];

/** The signer: the approving leader by title, or the chair while the notice awaits approval. */
export function noticeSignature(signer: { name: string; title: string | null } | null): Signature {
  if (!signer) return signatureFor("CHAIR", "");
  const isVice = /phó/i.test(signer.title ?? "");
  return isVice ? signatureFor("VICE_CHAIR", signer.name, { collective: true }) : signatureFor("CHAIR", signer.name);
}

export function noticeDocument(input: {
  communeName: string;
  title: string;
  body: string;
  numberLabel: string | null;
  issuedAt: Date | null;
  signer: { name: string; title: string | null } | null;
  /** Not yet approved ("DỰ THẢO" on every page); by default, while it has no number. */
  draft?: boolean;
}): OfficialDocument {
  return {
    issuerLines: ["Ủy ban nhân dân", `xã ${input.communeName}`],
    type: "TB",
    numberLabel: input.numberLabel,
    place: input.communeName,
    issuedAt: input.issuedAt,
    subject: input.title,
    body: bodyToBlocks(input.body),
    recipients: NOTICE_RECIPIENTS,
    signature: noticeSignature(input.signer),
    draft: input.draft ?? input.numberLabel === null,
  };
}
