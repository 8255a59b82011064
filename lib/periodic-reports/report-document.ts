// The periodic report on grassroots democracy as an official document (Decree 30/2020 layout, type
// BC): to the commune People's Council at its nearest session, and sent to the Front (Law 10/2022
// Art. 14.3, 23.1, 28.5). The figures come from lib/periodic-reports/figures.ts; the text around them
// (introduction, assessment, recommendations) is what staff wrote and saved.
import type { Block, OfficialDocument, Signature } from "@/lib/documents/model";
import { vnNumber } from "@/lib/documents/format";

import type { PeriodicFigures } from "./figures";
import { CASE_KIND_WORDS, CHANNEL_WORDS, dmy, POSTING_WORDS, UNIT_TOTAL_WORDS, UNIT_WORDS } from "./wording";

export type PeriodicTexts = { introduction: string; assessment: string; recommendations: string };

export const PERIODIC_REPORT_RECIPIENTS = ["Thường trực HĐND xã", "Ủy ban MTTQ Việt Nam xã", "Chủ tịch, các Phó Chủ tịch UBND xã", "Lưu: VT, VP"];

export const periodicReportSubject = (f: Pick<PeriodicFigures, "period">) => `Kết quả thực hiện dân chủ ở cơ sở ${f.period.label}`;

/** The text a new draft starts from; staff rewrite it. */
export function defaultTexts(communeName: string, f: Pick<PeriodicFigures, "period">): PeriodicTexts {
  return {
    introduction: `Thực hiện khoản 3 Điều 14, khoản 1 Điều 23 và khoản 5 Điều 28 Luật Thực hiện dân chủ ở cơ sở, Ủy ban nhân dân xã ${communeName} báo cáo kết quả thực hiện dân chủ ở cơ sở ${f.period.label} (từ ngày ${dmy(f.period.firstDay)} đến ngày ${dmy(f.period.lastDay)}) như sau:`,
    assessment: "Ủy ban nhân dân xã đã thực hiện công khai, lấy ý kiến và tổ chức để Nhân dân bàn, quyết định theo đúng quy định.",
    recommendations: "Đề nghị Thường trực HĐND xã, Ủy ban MTTQ Việt Nam xã tiếp tục giám sát việc thực hiện dân chủ ở cơ sở trên địa bàn xã.",
  };
}

const n = (x: number) => vnNumber(x);
const pct = (x: number | null) => (x === null ? "—" : `${vnNumber(x, 1)}%`);
const verdict = (passed: boolean | null) => (passed === null ? "Không xét tỷ lệ" : passed ? "Thông qua" : "Không thông qua");

/** Paragraphs from the text staff wrote: blank lines separate them. */
const paragraphs = (text: string): Block[] =>
  text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean)
    .map((p) => ({ kind: "paragraph", content: [p] }));

function figuresBlocks(f: PeriodicFigures): Block[] {
  const channels = Object.entries(f.disclosed.byChannel).filter(([, v]) => v > 0) as [keyof typeof POSTING_WORDS, number][];
  return [
    { kind: "heading", level: 2, text: "1. Công khai thông tin (Điều 11 đến Điều 14)" },
    { kind: "paragraph", content: [`Ủy ban nhân dân xã đã công khai ${n(f.disclosed.count)} thông tin; danh mục thông tin đã công khai được niêm yết hằng quý theo khoản 2 Điều 13.`] },
    ...(channels.length
      ? [{ kind: "table", header: ["Hình thức công khai", "Số thông tin"], widths: [5, 1.5], align: ["left", "center"], rows: channels.map(([c, v]) => [POSTING_WORDS[c], n(v)]) } satisfies Block]
      : []),
    { kind: "heading", level: 2, text: "2. Nhân dân bàn và quyết định (Điều 15 đến Điều 23)" },
    { kind: "paragraph", content: [`Số nội dung Nhân dân bàn và quyết định: ${n(f.decided.count)}, trong đó thông qua: ${n(f.decided.passed)}.`] },
    ...(f.decided.items.length
      ? [
          {
            kind: "table",
            header: ["Nội dung", "Kết thúc", "Hộ tham gia / tổng số hộ", "Tỷ lệ", "Mức đóng góp", "Kết quả"],
            widths: [3, 1.3, 1.6, 1, 2, 1.4],
            align: ["left", "center", "center", "center", "left", "center"],
            rows: f.decided.items.map((d) => [
              d.title,
              dmy(d.closedOn),
              `${n(d.participants)}/${n(d.eligible)}`,
              pct(d.turnoutPercent),
              d.contribution ? `${n(d.contribution.levelPerHousehold)} ${UNIT_WORDS[d.contribution.unit]} (${n(d.contribution.valueAtLevel)} ${UNIT_TOTAL_WORDS[d.contribution.unit]})` : "—",
              verdict(d.passed),
            ]),
          } satisfies Block,
        ]
      : []),
    { kind: "heading", level: 2, text: "3. Nhân dân tham gia ý kiến (Điều 25 đến Điều 29)" },
    {
      kind: "paragraph",
      content: [`Số nội dung lấy ý kiến Nhân dân: ${n(f.consulted.count)}. Số ý kiến đã nhận: ${n(f.opinions.received)}; đã trả lời (tiếp thu, giải trình): ${n(f.opinions.answered)}.`],
    },
    ...(f.consulted.items.length
      ? [{ kind: "table", header: ["Nội dung lấy ý kiến", "Ngày công bố", "Số ý kiến"], widths: [5, 1.5, 1.2], align: ["left", "center", "center"], rows: f.consulted.items.map((c) => [c.title, dmy(c.publishedOn), n(c.opinions)]) } satisfies Block]
      : []),
    ...(f.opinions.byChannel.length
      ? [{ kind: "table", header: ["Hình thức tiếp nhận ý kiến", "Đã nhận", "Đã trả lời"], widths: [4, 1.5, 1.5], align: ["left", "center", "center"], rows: f.opinions.byChannel.map((c) => [CHANNEL_WORDS[c.channel], n(c.received), n(c.answered)]) } satisfies Block]
      : []),
    { kind: "heading", level: 2, text: "4. Hội nghị thôn, tổ dân phố" },
    {
      kind: "paragraph",
      content: [`Số hội nghị đã tổ chức: ${n(f.meetings.count)}, tại ${n(f.meetings.villages)} thôn, tổ dân phố; số hộ dự: ${n(f.meetings.householdsPresent)}/${n(f.meetings.householdsTotal)} hộ.`],
    },
    { kind: "heading", level: 2, text: "5. Tiếp nhận, giải quyết kiến nghị, phản ánh, khiếu nại, tố cáo" },
    {
      kind: "table",
      header: ["Loại", "Đã tiếp nhận", "Đã giải quyết"],
      widths: [3, 1.5, 1.5],
      align: ["left", "center", "center"],
      rows: [...f.cases.byKind.map((k) => [CASE_KIND_WORDS[k.kind], n(k.received), n(k.resolved)]), ["Cộng", n(f.cases.received), n(f.cases.resolved)]],
    },
    { kind: "paragraph", content: [`Số vụ việc còn đang giải quyết đến ngày ${dmy(f.period.lastDay)}: ${n(f.cases.pendingAtEnd)}.`] },
    { kind: "heading", level: 2, text: "6. Hội nghị đối thoại (Điều 32)" },
    {
      kind: "paragraph",
      content: [`Số hội nghị đối thoại đã tổ chức: ${n(f.dialogues.held)}; số người dự: ${n(f.dialogues.attendance)}; số câu hỏi, ý kiến: ${n(f.dialogues.questions)}, đã trả lời: ${n(f.dialogues.answered)}.`],
    },
    { kind: "heading", level: 2, text: "7. Nhân dân đánh giá sự hài lòng (điểm a khoản 2 Điều 35)" },
    {
      kind: "paragraph",
      content: [
        f.ratings.overall === null
          ? `Số lượt đánh giá: ${n(f.ratings.answers)} (chưa đủ 5 lượt để tính điểm trung bình).`
          : `Số lượt đánh giá: ${n(f.ratings.answers)}; điểm hài lòng chung trung bình: ${vnNumber(f.ratings.overall, 1)}/5.`,
      ],
    },
    { kind: "heading", level: 2, text: "8. Theo thôn, tổ dân phố" },
    {
      kind: "table",
      header: ["Thôn, tổ dân phố", "Ý kiến", "Hội nghị (hộ dự)", "Hộ tham gia biểu quyết / tổng số hộ", "Kiến nghị, phản ánh"],
      widths: [2.6, 1, 1.6, 2.2, 1.4],
      align: ["left", "center", "center", "center", "center"],
      rows: f.villages.map((v) => [v.name, n(v.opinions), `${n(v.meetings)} (${n(v.meetingHouseholdsPresent)})`, `${n(v.decisionParticipants)}/${n(v.decisionEligible)}`, n(v.cases)]),
    },
  ];
}

export function periodicReportDocument(input: {
  communeName: string;
  figures: PeriodicFigures;
  texts: PeriodicTexts;
  numberLabel: string | null;
  issuedAt: Date | null;
  signature: Signature;
}): OfficialDocument {
  const { figures: f, texts } = input;
  return {
    issuerLines: ["Ủy ban nhân dân", `xã ${input.communeName}`],
    type: "BC",
    numberLabel: input.numberLabel,
    place: input.communeName,
    issuedAt: input.issuedAt,
    subject: periodicReportSubject(f),
    body: [
      ...paragraphs(texts.introduction),
      { kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN" },
      ...figuresBlocks(f),
      { kind: "heading", level: 1, text: "II. ĐÁNH GIÁ CHUNG" },
      ...paragraphs(texts.assessment),
      { kind: "heading", level: 1, text: "III. KIẾN NGHỊ, ĐỀ XUẤT" },
      ...paragraphs(texts.recommendations),
    ],
    recipients: PERIODIC_REPORT_RECIPIENTS,
    signature: input.signature,
  };
}
