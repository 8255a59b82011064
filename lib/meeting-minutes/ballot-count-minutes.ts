// The ballot-count minutes of a village meeting (biên bản kiểm phiếu), printed from what the village
// head recorded, for the counting team to sign: Decree 59/2023/NĐ-CP asks that a village's vote be
// recorded in its ballot-count minutes and the community's minutes (the Decree's appendix of forms; the
// exact layout of its form could not be read, so the content follows what the form must hold: time and
// place, households of the village and present, the count per option against all households, the
// signatures). Laid out as a Decree 30/2020 document (type BB) by lib/documents.
import type { Block, OfficialDocument } from "@/lib/documents/model";
import { vnNumber } from "@/lib/documents/format";
import type { MeetingForm } from "@/lib/generated/prisma/enums";

export type MinutesInput = {
  communeName: string;
  villageName: string;
  consultationTitle: string;
  heldAt: Date;
  form: MeetingForm;
  householdsPresent: number;
  householdsTotal: number;
  questions: { position: number; text: string; options: { label: string; count: number }[] }[];
  notes: string | null;
};

const VN = { timeZone: "Asia/Ho_Chi_Minh" } as const;
const part = (d: Date, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...VN, ...o }).format(d);

/** "hồi 19 giờ 30 ngày 03 tháng 12 năm 2026", Vietnam time. */
export function heldAtWords(d: Date): string {
  return `hồi ${part(d, { hour: "2-digit", hourCycle: "h23" })} giờ ${part(d, { minute: "2-digit" }).padStart(2, "0")} ngày ${part(d, { day: "2-digit" })} tháng ${part(d, { month: "2-digit" })} năm ${part(d, { year: "numeric" })}`;
}

/** Share of all households of the village, one decimal, the way the law counts (Art. 21.1). */
export const share = (n: number, total: number) => (total > 0 ? `${vnNumber((n * 100) / total, 1)}%` : "—");

type CountedQuestion = { position: number; text: string; options: { label: string; count: number }[] };

/**
 * Each question's count per option against all households of the village: the table every village
 * minutes of a vote holds (this document, and the online vote's form 03 in lib/online-deciding).
 * `after` adds what follows a question's table (its result, where the minutes state one).
 */
export function villageCountBlocks<Q extends CountedQuestion>(questions: Q[], households: number, after: (q: Q) => Block[] = () => []): Block[] {
  return questions.flatMap((q): Block[] => [
    questions.length > 1 ? { kind: "heading", level: 2, text: `${q.position + 1}. ${q.text}` } : { kind: "paragraph", content: [{ text: q.text, bold: true }] },
    {
      kind: "table",
      header: ["Phương án", "Số hộ", "Tỷ lệ so với tổng số hộ của thôn"],
      rows: q.options.map((o) => [o.label, vnNumber(o.count), share(o.count, households)]),
      widths: [3, 1, 2],
      align: ["left", "right", "right"],
    },
    ...after(q),
  ]);
}

export function ballotCountMinutes(input: MinutesInput): OfficialDocument {
  const form = input.form === "SECRET_BALLOT" ? "bỏ phiếu kín" : "giơ tay";
  const body: Block[] = [
    {
      kind: "paragraph",
      content: [`Hôm nay, ${heldAtWords(input.heldAt)}, tại hội nghị thôn ${input.villageName}, xã ${input.communeName}, Tổ kiểm phiếu tiến hành kiểm phiếu biểu quyết của đại diện hộ gia đình về: ${input.consultationTitle}.`],
    },
    { kind: "heading", level: 1, text: "I. SỐ HỘ GIA ĐÌNH" },
    {
      kind: "bullets",
      items: [
        [`Tổng số hộ gia đình của thôn: ${vnNumber(input.householdsTotal)} hộ.`],
        [`Số hộ gia đình có đại diện tham dự hội nghị: ${vnNumber(input.householdsPresent)} hộ, bằng ${share(input.householdsPresent, input.householdsTotal)} tổng số hộ.`],
        [`Hình thức biểu quyết: ${form}.`],
      ],
    },
    { kind: "heading", level: 1, text: "II. KẾT QUẢ KIỂM PHIẾU" },
    ...villageCountBlocks(input.questions, input.householdsTotal),
  ];
  if (input.notes) body.push({ kind: "heading", level: 1, text: "III. GHI CHÚ" }, { kind: "paragraph", content: [input.notes] });
  body.push({
    kind: "paragraph",
    content: ["Biên bản được lập xong ngay sau khi kiểm phiếu, đã đọc lại cho hội nghị cùng nghe và thống nhất; gửi Ủy ban nhân dân xã và Ban Công tác Mặt trận thôn."],
  });
  return {
    issuerLines: [`xã ${input.communeName}`, `thôn ${input.villageName}`],
    type: "BB",
    numberLabel: null,
    issuerCode: "TKP",
    place: input.communeName,
    issuedAt: input.heldAt,
    subject: `Kiểm phiếu biểu quyết về ${input.consultationTitle}`,
    body,
    recipients: [`UBND xã ${input.communeName}`, "Ủy ban MTTQ Việt Nam xã", `Ban Công tác Mặt trận thôn ${input.villageName}`, "Lưu: thôn"],
    signature: { authorityLines: ["TM. TỔ KIỂM PHIẾU", "TỔ TRƯỞNG"], signerName: "" },
  };
}
