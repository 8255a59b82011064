// The summary report as an official document (Decree 30 layout, lib/documents): built from a version's
// snapshot and the staff's text, in Vietnamese, whatever the reader's language — it is what the
// leader signs. A draft carries "DỰ THẢO" at the top of every page (lib/documents), no number and no
// date; the approved report its number from the register (lib/register) and the approval date.
//
// Its structure is the law's (domain.md, "Generated documents"): I. how the consultation was organised;
// II. the results, with the table per village of households, taking part, agreeing, disagreeing and
// other opinions, then the votes, the themes and the opinion groups; III. what was taken on board and
// what was explained; IV. recommendations. No internal id is printed: opinions are cited by number.
import { type Block, type Inline, type OfficialDocument, signatureFor } from "@/lib/documents/model";
import { vnDateParts, vnNumber } from "@/lib/documents/format";
import type { Channel, PostingChannel } from "@/lib/generated/prisma/enums";
import { basisText, shareText, verdictText } from "@/lib/participation/counting-text";
import { isSuppressed } from "@/lib/participation/secret-results";
import { SECRET_MIN_SHOWN } from "@/lib/participation/secret-vote-rules";
import type { CommuneOutcome } from "@/lib/participation/tally";

import { pinMapSvg } from "./pin-map";
import type { ReportContent } from "./report-workflow";
import type { ReportSnapshot, SnapshotOpinion, SnapshotVillageResult } from "./snapshot";

const CHANNEL: Record<Channel, string> = {
  WEB: "Trực tuyến (trang lấy ý kiến của xã)",
  PAPER: "Phiếu lấy ý kiến",
  MEETING: "Hội nghị thôn",
  ASSISTED: "Cán bộ ghi giúp",
  COMMENT_BOX: "Hòm thư góp ý",
  HOTLINE: "Đường dây nóng",
  FRONT: "Qua Ủy ban MTTQ",
  CONFERENCE: "Hội nghị đối thoại",
};
const POSTING: Record<PostingChannel, string> = {
  WEB_PORTAL: "Cổng thông tin điện tử",
  NOTICE_BOARD: "Niêm yết tại bảng tin",
  LOUDSPEAKER: "Đài truyền thanh xã",
  VILLAGE_HEAD: "Qua Trưởng thôn",
  DOCUMENTS_TO_HOUSEHOLDS: "Gửi tài liệu đến hộ gia đình",
  CONFERENCE: "Hội nghị",
  MESSAGE_TO_HOUSEHOLDS: "Tin nhắn đến đại diện hộ",
  SOCIAL_NETWORK: "Mạng xã hội",
};
const ANSWER: Record<string, string> = { TAKEN_ON_BOARD: "Tiếp thu", EXPLAINED: "Giải trình", OUT_OF_SCOPE: "Ngoài phạm vi" };
const RULE: Record<string, string> = {
  MAJORITY_OF_ALL_IN_SCOPE: "trên tổng số hộ (người) trong phạm vi",
  MAJORITY_OF_VOTES_CAST: "trên tổng số phiếu tham gia",
  NONE: "lấy ý kiến tham khảo, không xét tỷ lệ thông qua",
};
/** Opinion numbers listed per theme before "và … ý kiến khác". */
const THEME_NUMBERS = 40;

export const RECIPIENTS = ["Thường trực Đảng ủy xã", "Thường trực HĐND xã", "Ủy ban MTTQ Việt Nam xã", "Chủ tịch, các Phó Chủ tịch UBND xã", "Lưu: VT, VP"];

/** "05/02/2026", Vietnam time. */
const MAP_SIZE = { width: 480, height: 340 };

export function shortDate(isoDate: string | null): string {
  if (!isoDate) return "…";
  const { day, month, year } = vnDateParts(new Date(isoDate));
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** 1.820 and 66,7: Vietnamese digit grouping and decimal comma. */
export { vnNumber };
const percent = (part: number, whole: number) => (whole > 0 ? vnNumber((part / whole) * 100, 1) : "–");

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean)
    .map((p) => ({ kind: "paragraph", content: [p] }));

export type ReportSigner = { title: "CHAIR" | "VICE_CHAIR"; name: string };

export type ReportDocumentInput = {
  snapshot: ReportSnapshot;
  content: ReportContent;
  /** "05/BC-UBND" once approved and numbered; null on a draft, and while the office's register has not given the number. */
  numberLabel: string | null;
  /** Not yet approved; by default, while it has no number. */
  draft?: boolean;
  issuedAt: Date | null;
  signer: ReportSigner;
  subject: string;
};

function organisation(s: ReportSnapshot): Block[] {
  const c = s.consultation;
  const items: Inline[][] = [[{ text: "Nội dung lấy ý kiến: ", bold: true }, c.title]];
  if (c.legalBasis.trim()) items.push([{ text: "Căn cứ: ", bold: true }, c.legalBasis.trim()]);
  items.push([{ text: "Thời gian: ", bold: true }, `niêm yết từ ngày ${shortDate(c.postingStartsAt ?? c.publishedAt)}; nhận ý kiến từ ngày ${shortDate(c.commentStartsAt ?? c.publishedAt)} đến hết ngày ${shortDate(c.commentEndsAt ?? c.closedAt)}.`]);
  items.push([{ text: "Hình thức: ", bold: true }, `${c.allowedChannels.map((ch) => CHANNEL[ch]).join("; ") || "…"}.`]);
  items.push([
    { text: "Phạm vi: ", bold: true },
    c.isCommuneWide ? `toàn xã (${s.scopeVillages.length} thôn).` : `${s.scopeVillages.length} thôn: ${s.scopeVillages.join(", ")}.`,
  ]);
  if (c.responsibleOfficer.trim()) items.push([{ text: "Đơn vị chủ trì: ", bold: true }, `${c.responsibleOfficer.trim().replace(/\.$/, "")}.`]);
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "I. CÁCH THỨC TỔ CHỨC LẤY Ý KIẾN" }, { kind: "bullets", items }];
  blocks.push({ kind: "paragraph", content: [{ text: "Công khai, niêm yết (theo sổ công khai): ", bold: true }, s.postings.length ? "" : "chưa ghi nhận nơi niêm yết ngoài trang lấy ý kiến trực tuyến."] });
  if (s.postings.length) {
    blocks.push({
      kind: "table",
      header: ["Hình thức", "Địa điểm", "Từ ngày", "Đến ngày"],
      rows: s.postings.map((p) => [POSTING[p.channel] + (p.broadcastDays ? ` (${p.broadcastDays} ngày phát)` : ""), p.location || "–", shortDate(p.startsAt), p.endsAt ? shortDate(p.endsAt) : "–"]),
      widths: [3, 4, 1.6, 1.6],
    });
  }
  if (s.meetings.length) {
    blocks.push({
      kind: "bullets",
      items: s.meetings.map((m) => [`Hội nghị thôn ${m.village} ngày ${shortDate(m.heldAt)}: ${vnNumber(m.householdsPresent)}/${vnNumber(m.householdsTotal)} hộ dự (${percent(m.householdsPresent, m.householdsTotal)}%).`]),
    });
  }
  return blocks;
}

/** "II. KẾT QUẢ LẤY Ý KIẾN", 1: the table per village (Decree 321/2025's model), 2: by channel. */
function results(s: ReportSnapshot): Block[] {
  const p = s.participation;
  const hasPositions = p.totals.takingPart !== undefined;
  const takingPart = (v: { participated: number; takingPart?: number }) => v.takingPart ?? v.participated;
  // A secret ballot: a village with 1 or 2 votes shows no figure that could reveal them (as in the ballot's own table).
  const secret = p.positionsFrom?.kind === "question" && p.positionsFrom.secret;
  const fig = (n: number, row: { agree?: number; disagree?: number; other?: number }) =>
    secret && isSuppressed(true, (row.agree ?? 0) + (row.disagree ?? 0) + (row.other ?? 0)) ? `dưới ${SECRET_MIN_SHOWN}` : vnNumber(n);
  const source =
    p.positionsFrom?.kind === "question"
      ? `Số hộ đồng ý, không đồng ý và có ý kiến khác theo kết quả biểu quyết nội dung "${p.positionsFrom.text}".`
      : "Số hộ đồng ý, không đồng ý và có ý kiến khác theo ý kiến gần nhất của mỗi hộ.";
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "II. KẾT QUẢ LẤY Ý KIẾN" },
    {
      kind: "paragraph",
      content: [
        `Tổng số hộ gia đình trong phạm vi lấy ý kiến là ${vnNumber(p.totals.households)} hộ; số hộ tham gia ý kiến là ${vnNumber(takingPart(p.totals))} hộ, đạt ${percent(takingPart(p.totals), p.totals.households)}%. Tổng số ý kiến nhận được: ${vnNumber(s.counts.opinions)} ý kiến; số phiếu biểu quyết: ${vnNumber(s.counts.votes)} phiếu.`,
      ],
    },
    { kind: "heading", level: 2, text: "1. Kết quả theo thôn (tính trên tổng số hộ gia đình của thôn)" },
  ];
  if (hasPositions) {
    const row = (name: string, v: (typeof p.villages)[number] | typeof p.totals) => [
      name,
      vnNumber(v.households),
      vnNumber(takingPart(v)),
      percent(takingPart(v), v.households),
      fig(v.agree ?? 0, v),
      fig(v.disagree ?? 0, v),
      fig(v.other ?? 0, v),
    ];
    blocks.push({
      kind: "table",
      header: ["Thôn", "Tổng số hộ", "Số hộ tham gia", "Tỷ lệ tham gia (%)", "Đồng ý", "Không đồng ý", "Ý kiến khác"],
      rows: [...p.villages.map((v) => row(v.village, v)), row("Cộng", p.totals)],
      widths: [2.6, 1.3, 1.4, 1.4, 1.2, 1.3, 1.2],
      align: ["left", "right", "right", "right", "right", "right", "right"],
    });
    const notes = [source];
    if ((p.totals.atMeeting ?? 0) > 0) notes.push(`Số hộ tham gia gồm ${vnNumber(p.totals.atMeeting!)} hộ có đại diện dự hội nghị thôn và các hộ có ý kiến hoặc biểu quyết qua các hình thức khác.`);
    blocks.push({ kind: "paragraph", content: [{ text: notes.join(" "), italic: true }] });
  } else {
    // A version taken before the table per village had its positions.
    blocks.push({
      kind: "table",
      header: ["Thôn", "Tổng số hộ", "Hộ có ý kiến", "Hộ biểu quyết", "Hộ tham gia", "Tỷ lệ (%)"],
      rows: [
        ...p.villages.map((v) => [v.village, vnNumber(v.households), vnNumber(v.withOpinion), vnNumber(v.voted), vnNumber(v.participated), percent(v.participated, v.households)]),
        ["Cộng", vnNumber(p.totals.households), vnNumber(p.totals.withOpinion), vnNumber(p.totals.voted), vnNumber(p.totals.participated), percent(p.totals.participated, p.totals.households)],
      ],
      widths: [3, 1.6, 1.6, 1.6, 1.6, 1.4],
      align: ["left", "right", "right", "right", "right", "right"],
    });
  }
  blocks.push(
    { kind: "heading", level: 2, text: "2. Theo hình thức tham gia" },
    p.byChannel.length
      ? {
          kind: "table",
          header: ["Hình thức", "Số ý kiến", "Số phiếu biểu quyết"],
          rows: p.byChannel.map((c) => [CHANNEL[c.channel], vnNumber(c.opinions), vnNumber(c.votes)]),
          widths: [4, 2, 2],
          align: ["left", "right", "right"],
        }
      : { kind: "paragraph", content: ["Chưa có ý kiến, phiếu biểu quyết nào."] },
  );
  return blocks;
}

/**
 * A decision counted village by village (Law 10/2022 Art. 21.1): households, agreeing, disagreeing and
 * other per village, the rule and the verdict of each; then the commune-level rule, with its "Căn cứ".
 */
function decisionBlocks(villages: SnapshotVillageResult[], commune: CommuneOutcome, secret: boolean | undefined): Block[] {
  const law = villages.find((v) => v.outcome)?.outcome;
  const blocks: Block[] = [
    {
      kind: "table",
      header: ["Thôn", "Tổng số hộ", "Đồng ý", "Không đồng ý", "Ý kiến khác", "Quy tắc", "Kết quả"],
      rows: villages.map((v) => {
        // A secret ballot: a village with 1 or 2 votes shows no figure that could reveal them.
        const few = isSuppressed(secret, v.agree + (v.disagree ?? 0) + (v.other ?? 0));
        const fig = (n: number) => (few ? `dưới ${SECRET_MIN_SHOWN}` : vnNumber(n));
        return [
          v.village,
          vnNumber(v.households),
          fig(v.agree),
          fig(v.disagree ?? 0),
          fig(v.other ?? 0),
          v.outcome ? shareText(v.outcome.share, v.outcome.raisedPercent) : "–",
          v.outcome ? `${verdictText(v.outcome.passed)} (${few ? "–" : `${vnNumber(v.outcome.numerator)}/${vnNumber(v.outcome.denominator)}`})` : "–",
        ];
      }),
      widths: [2.4, 1.2, 1.1, 1.2, 1.1, 3, 1.8],
      align: ["left", "right", "right", "right", "right", "left", "left"],
    },
  ];
  const communeVerdict = commune.passed === null ? "đang biểu quyết" : commune.passed ? "ĐƯỢC THÔNG QUA" : "KHÔNG ĐƯỢC THÔNG QUA";
  blocks.push({
    kind: "paragraph",
    content: [`${vnNumber(commune.villagesPassed)}/${vnNumber(commune.villages)} thôn thông qua. Kết quả: `, { text: communeVerdict, bold: true }, "."],
  });
  if (law) blocks.push({ kind: "paragraph", content: [{ text: basisText(law, commune), italic: true }] });
  return blocks;
}

function ballot(s: ReportSnapshot, n: string): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: `${n}. Kết quả biểu quyết` }];
  s.ballot.questions.forEach((q, i) => {
    const o = q.outcome;
    const unit = q.votingUnit === "HOUSEHOLD" ? "hộ" : "người";
    // A secret ballot with 1 or 2 votes: every figure reads "dưới 3", so that no household's choice can be worked out.
    const few = isSuppressed(q.secret, q.participants);
    const num = (n: number) => (few ? `dưới ${SECRET_MIN_SHOWN}` : vnNumber(n));
    const pct = (part: number, whole: number) => (few ? "–" : percent(part, whole));
    blocks.push({ kind: "heading", level: 3, text: `${String.fromCharCode(97 + (i % 26))}) ${q.text}` });
    blocks.push({
      kind: "table",
      header: ["Phương án", "Số phiếu", `Tỷ lệ trên số ${unit} tham gia (%)`, `Tỷ lệ trên tổng số ${unit} (%)`],
      rows: q.options.map((opt) => [opt.label, num(opt.count), pct(opt.count, q.participants), pct(opt.count, q.eligible)]),
      widths: [4, 1.6, 2.2, 2.2],
      align: ["left", "right", "right", "right"],
    });
    if (q.commune && q.villages) {
      blocks.push(...decisionBlocks(q.villages, q.commune, q.secret));
      return;
    }
    const verdict = o.passed === null ? "kết quả dùng để tham khảo" : o.passed ? "ĐẠT tỷ lệ thông qua" : "KHÔNG ĐẠT tỷ lệ thông qua";
    blocks.push({
      kind: "paragraph",
      content: [
        `Số ${unit} tham gia: ${num(q.participants)}/${vnNumber(q.eligible)}. Quy tắc: trên ${vnNumber(o.thresholdPercent)}% ${RULE[o.rule] ?? ""}. Số đồng ý: ${num(o.numerator)}/${vnNumber(o.denominator)} (${o.percent === null || few ? "–" : vnNumber(o.percent, 1)}%); `,
        { text: verdict, bold: true },
        ".",
      ],
    });
  });
  return blocks;
}

const numberList = (numbers: number[], limit = THEME_NUMBERS) =>
  numbers.length > limit ? `${numbers.slice(0, limit).join(", ")} và ${vnNumber(numbers.length - limit)} ý kiến khác` : numbers.join(", ");

function themes(s: ReportSnapshot, content: ReportContent, n: string): Block[] {
  const numberOf = new Map(s.opinions.map((o) => [o.id, o.number]));
  const set = content.themes;
  const blocks: Block[] = [{ kind: "heading", level: 2, text: `${n}. Tổng hợp ý kiến theo nhóm nội dung` }];
  if (set.themes.length === 0) return [...blocks, { kind: "paragraph", content: ["Không có ý kiến để phân nhóm."] }];
  blocks.push({
    kind: "paragraph",
    content: [
      `Các ý kiến được phân nhóm tự động theo từ ngữ sử dụng (${vnNumber(set.method.clustered)} trên ${vnNumber(set.method.opinions)} ý kiến, ${set.method.k} nhóm); cán bộ đã rà soát, đặt tên và gộp nhóm khi cần.`,
    ],
  });
  set.themes.forEach((t, i) => {
    const numbers = t.opinionIds.map((id) => numberOf.get(id) ?? 0).filter(Boolean).sort((a, b) => a - b);
    blocks.push({
      kind: "paragraph",
      content: [{ text: `Nhóm ${i + 1}: ${t.label} `, bold: true }, `(${vnNumber(numbers.length)} ý kiến, ${percent(numbers.length, s.counts.opinions - s.counts.hidden)}%): các ý kiến số ${numberList(numbers)}.`],
    });
  });
  return blocks;
}

function groups(s: ReportSnapshot, n: string): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: `${n}. Nhóm quan điểm và ý kiến được đồng tình` }];
  const g = s.groups;
  if (g.status === "ok") {
    blocks.push({
      kind: "paragraph",
      content: [`Những người có cách đồng tình, không đồng tình giống nhau được xếp vào cùng một nhóm quan điểm (${vnNumber(g.participants)} người, ${vnNumber(g.reactions)} lượt bày tỏ):`],
    });
    blocks.push({
      kind: "bullets",
      items: g.groups.map((group, i) => [
        { text: `Nhóm quan điểm ${String.fromCharCode(65 + i)} (${vnNumber(group.size)} người): `, bold: true },
        group.representative.length
          ? `tiêu biểu là ${group.representative.map((r) => `ý kiến số ${r.number} (${r.direction === "agree" ? "đồng tình" : "không đồng tình"} ${r.agreeShare}%)`).join("; ")}.`
          : "không có ý kiến tiêu biểu rõ rệt.",
      ]),
    });
    if (g.consensus.length) {
      blocks.push({ kind: "paragraph", content: [`Ý kiến được mọi nhóm cùng ${g.consensus[0]!.direction === "agree" ? "đồng tình" : "không đồng tình"}: số ${g.consensus.map((c) => c.number).join(", ")}.`] });
    }
  } else {
    blocks.push({
      kind: "paragraph",
      content: [`Chưa đủ lượt đồng tình, không đồng tình để phân nhóm quan điểm (có ${vnNumber(g.actual)}, cần ít nhất ${vnNumber(g.required)}).`],
    });
  }
  const byId = new Map(s.opinions.map((o) => [o.id, o]));
  const top = s.topAgreed.map((t) => byId.get(t.id)).filter((o): o is SnapshotOpinion => Boolean(o));
  if (top.length) {
    blocks.push({ kind: "heading", level: 3, text: "Các ý kiến được đồng tình nhiều nhất" });
    blocks.push({
      kind: "table",
      header: ["Số", "Nội dung ý kiến", "Đồng tình", "Không đồng tình"],
      rows: top.map((o) => [String(o.number), o.body, vnNumber(o.agree), vnNumber(o.disagree)]),
      widths: [0.8, 6, 1.4, 1.6],
      align: ["center", "left", "right", "right"],
    });
  }
  blocks.push({
    kind: "paragraph",
    content: [
      s.pins.length
        ? `Có ${vnNumber(s.pins.length)} ý kiến gắn vị trí trên bản đồ (các ý kiến số ${numberList(s.pins.map((p) => p.number).sort((a, b) => a - b), 30)}); bản đồ và tệp GeoJSON kèm theo trên trang lấy ý kiến trực tuyến của xã.`
        : "Không có ý kiến gắn vị trí trên bản đồ.",
    ],
  });
  const map = pinMapSvg(s.outlines ?? [], s.pins, MAP_SIZE.width, MAP_SIZE.height);
  if (map) {
    blocks.push({
      kind: "figure",
      svg: map,
      widthPx: MAP_SIZE.width,
      heightPx: MAP_SIZE.height,
      widthMm: 150,
      caption: "Sơ đồ vị trí các ý kiến gắn trên bản đồ (hình tròn: đồng tình; hình tam giác: không đồng tình; hình vuông: ý kiến khác; ranh giới thôn là gần đúng).",
    });
  }
  return blocks;
}

/**
 * Up to this many opinions, the document prints each one with its answer and id. Beyond it, 1,500 pages
 * of opinions would take minutes to lay out and nobody would print them: the document then prints
 * each answer once with the numbers of the opinions it answers, and every opinion with its id and
 * answer stays in the version's snapshot and in the spreadsheet export of the opinions.
 */
export const FULL_LISTING_MAX = 2000;

/** "1–500, 502, 504–600": opinion numbers as ranges. */
export function numberRanges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Every opinion with its answer, cited by its number (never an internal id). An answer shared by several opinions is
 * printed once as "TL1, TL2…" and referred to, so that opinions answered in groups do not repeat the
 * same paragraph.
 */
function answersSection(s: ReportSnapshot): Block[] {
  const users = new Map<string, number[]>();
  for (const o of s.opinions) if (o.answerId) users.set(o.answerId, [...(users.get(o.answerId) ?? []), o.number]);
  const full = s.opinions.length <= FULL_LISTING_MAX;
  // Shared answers by the first opinion they answer; in a long report every answer is listed so.
  const listed = [...users].filter(([, numbers]) => !full || numbers.length > 1).sort(([, a], [, b]) => a[0]! - b[0]!);
  const code = new Map(listed.map(([id], i) => [id, `TL${i + 1}`]));
  const kinds = { TAKEN_ON_BOARD: 0, EXPLAINED: 0, OUT_OF_SCOPE: 0 } as Record<string, number>;
  for (const [id, numbers] of users) kinds[s.answers[id]!.kind] = (kinds[s.answers[id]!.kind] ?? 0) + numbers.length;

  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "III. TIẾP THU, GIẢI TRÌNH Ý KIẾN" },
    {
      kind: "paragraph",
      content: [
        `Ủy ban nhân dân xã tiếp thu ${vnNumber(kinds.TAKEN_ON_BOARD!)} ý kiến, giải trình ${vnNumber(kinds.EXPLAINED!)} ý kiến; ${vnNumber(kinds.OUT_OF_SCOPE!)} ý kiến ngoài phạm vi được chuyển cơ quan có thẩm quyền xem xét${s.counts.unanswered ? `; còn ${vnNumber(s.counts.unanswered)} ý kiến chưa trả lời` : ""}.`,
      ],
    },
  ];
  if (listed.length) {
    blocks.push({ kind: "heading", level: 2, text: full ? "1. Nội dung trả lời chung" : "1. Nội dung trả lời" });
    for (const [id, numbers] of listed) {
      const a = s.answers[id]!;
      blocks.push({ kind: "paragraph", content: [{ text: `${code.get(id)} – ${ANSWER[a.kind]} (${vnNumber(numbers.length)} ý kiến): `, bold: true }, a.body] });
      if (!full) blocks.push({ kind: "paragraph", content: [{ text: "Các ý kiến số: ", italic: true }, `${numberRanges(numbers)}.`] });
    }
  }
  if (!full) {
    const unanswered = s.opinions.filter((o) => !o.answerId).map((o) => o.number);
    if (unanswered.length) blocks.push({ kind: "paragraph", content: [{ text: "Các ý kiến chưa trả lời: ", bold: true }, `số ${numberRanges(unanswered)}.`] });
    blocks.push({
      kind: "paragraph",
      content: [
        `Nội dung của từng ý kiến trong số ${vnNumber(s.opinions.length)} ý kiến, số thứ tự và nội dung trả lời được lưu kèm báo cáo này và được xuất thành danh sách (tệp XLSX, CSV) gửi kèm.`,
      ],
    });
    return blocks;
  }
  if (listed.length) blocks.push({ kind: "heading", level: 2, text: "2. Từng ý kiến và nội dung trả lời" });
  for (const o of s.opinions) {
    const where = [o.village ? `thôn ${o.village}` : null, CHANNEL[o.channel]].filter(Boolean).join(", ");
    blocks.push({
      kind: "paragraph",
      content: [{ text: `Ý kiến số ${o.number}`, bold: true }, ` (${where}): `, o.hidden ? { text: "nội dung đã bị ẩn theo quy chế kiểm duyệt.", italic: true } : o.body],
    });
    const a = o.answerId ? s.answers[o.answerId] : undefined;
    const answer: Inline[] = !a
      ? [{ text: "Chưa trả lời.", italic: true }]
      : code.has(o.answerId!)
        ? [{ text: `Trả lời: ${ANSWER[a.kind]}, `, italic: true }, `xem ${code.get(o.answerId!)}.`]
        : [{ text: `Trả lời (${ANSWER[a.kind]}): `, italic: true }, a.body];
    blocks.push({ kind: "paragraph", content: answer });
  }
  return blocks;
}

export function buildReportDocument(input: ReportDocumentInput): OfficialDocument {
  const { snapshot: s, content } = input;
  const isDraft = input.draft ?? input.numberLabel === null;
  // Inside II, after the table per village (1) and the channels (2): the votes, the themes, the groups.
  const inResults: ((n: string) => Block[])[] = [
    ...(s.ballot.questions.length ? [(n: string) => ballot(s, n)] : []),
    (n) => themes(s, content, n),
    (n) => groups(s, n),
  ];
  const body: Block[] = [
    ...paragraphs(content.introduction),
    ...organisation(s),
    ...results(s),
    ...inResults.flatMap((section, i) => section(String(i + 3))),
    ...answersSection(s),
    { kind: "heading", level: 1, text: "IV. KIẾN NGHỊ, ĐỀ XUẤT" },
    ...paragraphs(content.conclusions),
    {
      kind: "paragraph",
      content: [`Trên đây là báo cáo tổng hợp, tiếp thu, giải trình ý kiến Nhân dân của Ủy ban nhân dân xã ${s.commune.name}.`],
    },
  ];
  return {
    issuerLines: ["Ủy ban nhân dân", `xã ${s.commune.name}`],
    type: "BC",
    numberLabel: input.numberLabel,
    place: s.commune.name,
    issuedAt: isDraft ? null : input.issuedAt,
    subject: input.subject,
    body,
    recipients: RECIPIENTS,
    signature: signatureFor(input.signer.title, input.signer.name, { collective: true }),
    draft: isDraft,
  };
}
