// The first draft of an outcome notice (Thông báo kết quả lấy ý kiến, Law 10/2022 Art. 27): written
// from what was recorded — the consultation, participation, ballot results with their thresholds and
// the answers given to opinions. Staff edit it before a leader approves. Pure functions: the loader
// (draft-notice.ts) reads the facts, these turn them into text.
import { toSpoken } from "@/lib/disclosure/loudspeaker-text";
import { readInteger } from "@/lib/disclosure/vi-numbers";
import { vnNumber } from "@/lib/documents/format";
import type { AnswerKind, Channel, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";
import { basisText, verdictText } from "@/lib/participation/counting-text";
import { isSuppressed } from "@/lib/participation/secret-results";
import { SECRET_MIN_SHOWN } from "@/lib/participation/secret-vote-rules";
import type { CommuneOutcome, VillageRow } from "@/lib/participation/tally";

export type NoticeFacts = {
  communeName: string;
  consultation: {
    title: string;
    commentStartsAt: Date | null;
    commentEndsAt: Date | null;
    /** Village names, or null for the whole commune. */
    villages: string[] | null;
  };
  /** "05/BC-UBND", when the report has its number. */
  reportLabel: string | null;
  reportIssuedAt: Date | null;
  opinions: { total: number; byChannel: Partial<Record<Channel, number>> };
  /** Distinct accounts that posted, reacted or voted online (null: a report version taken before it was kept). */
  onlineParticipants: number | null;
  questions: {
    text: string;
    votingUnit: VotingUnit;
    participants: number;
    eligible: number;
    agree: number;
    rule: ThresholdRule;
    thresholdPercent: number;
    numerator: number;
    denominator: number;
    percent: number | null;
    passed: boolean | null;
    /** A secret ballot: with 1 or 2 votes the figures read "dưới 3". */
    secret?: boolean;
    /** A decision counted village by village (Law 10/2022 Art. 21.1); absent for a consultation question. */
    decision?: { villages: VillageRow[]; commune: CommuneOutcome } | null;
  }[];
  answers: { counts: Record<AnswerKind, number>; takenOnBoard: string[]; explained: string[] };
};

export type NoticeDraft = { title: string; body: string; loudspeakerText: string };

const CHANNEL_NAMES: Record<Channel, string> = {
  WEB: "trực tuyến",
  MEETING: "tại hội nghị thôn",
  PAPER: "qua phiếu lấy ý kiến",
  ASSISTED: "do cán bộ ghi giúp",
  COMMENT_BOX: "qua hòm thư góp ý",
  HOTLINE: "qua đường dây nóng",
  FRONT: "qua Mặt trận Tổ quốc xã",
  CONFERENCE: "tại hội nghị đối thoại",
};

const UNIT: Record<VotingUnit, string> = { HOUSEHOLD: "hộ", RESIDENT: "người" };

/** "66,7%": Vietnamese decimal comma. */
const percentText = (p: number | null) => (p === null ? "—" : `${String(p).replace(".", ",")}%`);
/** "1.820": Vietnamese thousands separator. */
const dayText = (d: Date) => {
  const [y, m, day] = new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10).split("-");
  return `${day}/${m}/${y}`;
};

export const noticeTitle = (consultationTitle: string) => `Kết quả lấy ý kiến Nhân dân về ${consultationTitle.trim()}`;

function scopeText(villages: string[] | null): string {
  if (!villages || villages.length === 0) return "toàn xã";
  return `các thôn ${villages.join(", ")}`;
}

function ruleText(q: NoticeFacts["questions"][number]): string {
  const unit = UNIT[q.votingUnit];
  if (q.rule === "NONE") return "câu hỏi lấy ý kiến, không áp dụng tỷ lệ thông qua";
  const of = q.rule === "MAJORITY_OF_VOTES_CAST" ? `số ${unit} tham gia biểu quyết` : `tổng số ${unit} trong phạm vi`;
  return `cần trên ${q.thresholdPercent}% ${of}`;
}

/** A decision: each village's figures and verdict, then the commune-level result and the rule applied. */
function decisionLines(q: NoticeFacts["questions"][number], d: NonNullable<NoticeFacts["questions"][number]["decision"]>, index: number): string {
  const law = d.villages.find((v) => v.outcome)?.outcome;
  const verdict = d.commune.passed === null ? "" : d.commune.passed ? " Kết quả: ĐƯỢC THÔNG QUA." : " Kết quả: KHÔNG ĐƯỢC THÔNG QUA.";
  const lines = [`- Câu ${index + 1}: ${q.text.trim().replace(/[.?]$/, "")}: ${vnNumber(d.commune.villagesPassed)}/${vnNumber(d.commune.villages)} thôn thông qua.${verdict}`];
  for (const v of d.villages) {
    // A secret ballot: a village with 1 or 2 votes shows no figure that could reveal them.
    const few = isSuppressed(q.secret, v.agree + (v.disagree ?? 0) + (v.other ?? 0));
    const fig = (n: number) => (few ? `dưới ${SECRET_MIN_SHOWN}` : vnNumber(n));
    lines.push(
      `- ${/^thôn\s/i.test(v.village) ? v.village : `Thôn ${v.village}`}: ${vnNumber(v.households)} hộ; đồng ý ${fig(v.agree)}, không đồng ý ${fig(v.disagree ?? 0)}, ý kiến khác ${fig(v.other ?? 0)}` +
        (v.outcome ? ` (${few ? "–" : percentText(v.outcome.percent)}); ${verdictText(v.outcome.passed)}.` : "."),
    );
  }
  if (law) lines.push(basisText(law, d.commune));
  return lines.join("\n");
}

function questionLine(q: NoticeFacts["questions"][number], index: number): string {
  if (q.decision) return decisionLines(q, q.decision, index);
  const unit = UNIT[q.votingUnit];
  const verdict = q.passed === null ? "" : q.passed ? " Kết quả: ĐẠT." : " Kết quả: KHÔNG ĐẠT.";
  const few = isSuppressed(q.secret, q.participants);
  const num = (n: number) => (few ? `dưới ${SECRET_MIN_SHOWN}` : vnNumber(n));
  return (
    `- Câu ${index + 1}: ${q.text.trim().replace(/[.?]$/, "")}: ${num(q.participants)}/${vnNumber(q.eligible)} ${unit} tham gia; ` +
    `${num(q.numerator)}/${vnNumber(q.denominator)} ${unit} đồng ý (${few ? "–" : percentText(q.percent)}); ${ruleText(q)}.${verdict}`
  );
}

/** The notice body as plain text: paragraphs, "- " list lines and "I. …" headings (see to-document.ts). */
export function composeNoticeBody(facts: NoticeFacts): string {
  const c = facts.consultation;
  const parts: string[] = [];
  const basis = facts.reportLabel
    ? `Căn cứ Báo cáo số ${facts.reportLabel}${facts.reportIssuedAt ? ` ngày ${dayText(facts.reportIssuedAt)}` : ""} tổng hợp, tiếp thu, giải trình ý kiến Nhân dân`
    : "Căn cứ báo cáo tổng hợp, tiếp thu, giải trình ý kiến Nhân dân đã được phê duyệt";
  parts.push(
    `Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; ${basis.charAt(0).toLowerCase()}${basis.slice(1)}, Ủy ban nhân dân xã ${facts.communeName} thông báo kết quả lấy ý kiến Nhân dân về ${c.title.trim()} như sau:`,
  );

  parts.push("I. NỘI DUNG VÀ CÁCH THỨC LẤY Ý KIẾN");
  const period =
    c.commentStartsAt && c.commentEndsAt ? `từ ngày ${dayText(c.commentStartsAt)} đến hết ngày ${dayText(c.commentEndsAt)}` : "theo kế hoạch của Ủy ban nhân dân xã";
  parts.push([`- Nội dung: ${c.title.trim()}.`, `- Thời gian: ${period}.`, `- Phạm vi: ${scopeText(c.villages)}.`].join("\n"));

  parts.push("II. KẾT QUẢ THAM GIA");
  // In one fixed order (the web first), whatever order the facts list them in.
  const channels = (Object.keys(CHANNEL_NAMES) as Channel[])
    .filter((ch) => (facts.opinions.byChannel[ch] ?? 0) > 0)
    .map((ch) => `${vnNumber(facts.opinions.byChannel[ch]!)} ý kiến ${CHANNEL_NAMES[ch]}`);
  const participation = [
    `- Tổng số ý kiến nhận được: ${vnNumber(facts.opinions.total)}${channels.length ? ` (${channels.join("; ")})` : ""}.`,
    ...(facts.onlineParticipants === null ? [] : [`- Số tài khoản tham gia trực tuyến (góp ý, bày tỏ đồng tình hoặc biểu quyết): ${vnNumber(facts.onlineParticipants)}.`]),
  ];
  parts.push(participation.join("\n"));
  if (facts.questions.length > 0) {
    parts.push("Kết quả biểu quyết, tính trên tổng số hộ (hoặc người) trong phạm vi theo quy định:");
    parts.push(facts.questions.map(questionLine).join("\n"));
  }

  parts.push("III. TIẾP THU, GIẢI TRÌNH Ý KIẾN");
  const { counts } = facts.answers;
  parts.push(
    `Ủy ban nhân dân xã đã xem xét toàn bộ ý kiến: tiếp thu ${vnNumber(counts.TAKEN_ON_BOARD)} ý kiến, giải trình ${vnNumber(counts.EXPLAINED)} ý kiến; ${vnNumber(counts.OUT_OF_SCOPE)} ý kiến ngoài phạm vi được chuyển cơ quan có thẩm quyền xem xét.`,
  );
  if (facts.answers.takenOnBoard.length) parts.push(["Những nội dung được tiếp thu:", ...facts.answers.takenOnBoard.map((t) => `- ${t.trim()}`)].join("\n"));
  if (facts.answers.explained.length) parts.push(["Những nội dung được giải trình:", ...facts.answers.explained.map((t) => `- ${t.trim()}`)].join("\n"));

  parts.push("IV. CÁC BƯỚC TIẾP THEO");
  parts.push(
    "Ủy ban nhân dân xã hoàn chỉnh nội dung theo các ý kiến đã tiếp thu, trình cấp có thẩm quyền xem xét, quyết định và tổ chức thực hiện; Nhân dân theo dõi, giám sát việc thực hiện theo quy định. Câu trả lời cho từng ý kiến được đăng trên trang lấy ý kiến trực tuyến của xã, mỗi người góp ý xem tại mục \"Ý kiến của tôi\".",
  );
  parts.push("Ủy ban nhân dân xã thông báo để Nhân dân được biết.");
  return parts.join("\n\n");
}

/** "sáu mươi sáu phẩy bảy": a percentage as it is read aloud. */
export function readPercent(value: number): string {
  const [whole, fraction] = String(Math.round(value * 10) / 10).split(".");
  return fraction ? `${readInteger(Number(whole))} phẩy ${readInteger(Number(fraction))}` : readInteger(Number(whole));
}

const readNumber = (written: string) => {
  const [whole, fraction] = written.replace(/\./g, "").split(",");
  const words = readInteger(Number(whole));
  if (!fraction) return words;
  // "3,25" is "ba phẩy hai mươi lăm"; a fraction with a leading zero is read digit by digit ("không năm").
  const read = fraction.startsWith("0") ? fraction.split("").map((d) => readInteger(Number(d))).join(" ") : readInteger(Number(fraction));
  return `${words} phẩy ${read}`;
};

/** Every number of a text in words, as the reader says it: "1/500" "một phần năm trăm", "3,2" "ba phẩy hai". */
export function spellNumbers(text: string): string {
  return text
    .replace(/(\d+)\/(\d+)/g, (_, a: string, b: string) => `${readInteger(Number(a))} phần ${readInteger(Number(b))}`)
    .replace(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g, readNumber);
}

/** "ngày hai mươi hai tháng mười một năm hai nghìn không trăm hai mươi sáu", Vietnam time. */
export function spokenDateInWords(instant: Date): string {
  const [y, m, d] = new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10).split("-").map(Number) as [number, number, number];
  return `ngày ${readInteger(d)} tháng ${readInteger(m)} năm ${readInteger(y)}`;
}

/** The loudspeaker text: plain spoken Vietnamese, numbers in words, no abbreviations. */
export function composeLoudspeakerText(facts: NoticeFacts): string {
  const c = facts.consultation;
  const lines: string[] = [];
  const spoken = (text: string) => spellNumbers(toSpoken(text.trim()));
  lines.push(`Ủy ban nhân dân xã ${facts.communeName} thông báo kết quả lấy ý kiến Nhân dân về ${spoken(c.title)}.`);
  if (c.commentStartsAt && c.commentEndsAt) {
    lines.push(`Từ ${spokenDateInWords(c.commentStartsAt)} đến hết ${spokenDateInWords(c.commentEndsAt)}, bà con đã gửi ${readInteger(facts.opinions.total)} ý kiến.`);
  } else {
    lines.push(`Bà con đã gửi ${readInteger(facts.opinions.total)} ý kiến.`);
  }
  for (const q of facts.questions) {
    const unit = UNIT[q.votingUnit];
    if (q.decision) {
      const { commune } = q.decision;
      let said = `Về nội dung: ${spoken(q.text.replace(/[.?]$/, ""))}, có ${readInteger(commune.villagesPassed)} trên ${readInteger(commune.villages)} thôn thông qua`;
      if (commune.passed !== null) said += commune.passed ? ", nội dung được thông qua" : ", nội dung chưa được thông qua";
      lines.push(`${said}.`);
      continue;
    }
    const few = isSuppressed(q.secret, q.participants);
    const agreeing = few ? `dưới ${readInteger(SECRET_MIN_SHOWN)}` : readInteger(q.numerator);
    let sentence = `Về nội dung: ${spoken(q.text.replace(/[.?]$/, ""))}, có ${agreeing} trên tổng số ${readInteger(q.denominator)} ${unit} đồng ý`;
    if (q.percent !== null && !few) sentence += `, đạt ${readPercent(q.percent)} phần trăm`;
    if (q.passed !== null) sentence += q.passed ? `, vượt tỷ lệ ${readInteger(q.thresholdPercent)} phần trăm theo quy định, nội dung được thông qua` : `, chưa đạt tỷ lệ trên ${readInteger(q.thresholdPercent)} phần trăm theo quy định`;
    lines.push(`${sentence}.`);
  }
  const { counts } = facts.answers;
  const outOfScope = counts.OUT_OF_SCOPE > 0 ? `, và chuyển ${readInteger(counts.OUT_OF_SCOPE)} ý kiến ngoài phạm vi đến nơi có thẩm quyền` : "";
  lines.push(`Ủy ban nhân dân xã đã tiếp thu ${readInteger(counts.TAKEN_ON_BOARD)} ý kiến, giải trình ${readInteger(counts.EXPLAINED)} ý kiến${outOfScope}.`);
  lines.push("Toàn văn thông báo và câu trả lời cho từng ý kiến được đăng trên trang lấy ý kiến trực tuyến của xã và niêm yết tại trụ sở Ủy ban nhân dân xã. Xin cảm ơn bà con đã tham gia góp ý.");
  return lines.join("\n\n");
}

export function composeNotice(facts: NoticeFacts): NoticeDraft {
  return { title: noticeTitle(facts.consultation.title), body: composeNoticeBody(facts), loudspeakerText: composeLoudspeakerText(facts) };
}
