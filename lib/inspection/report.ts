import "server-only";

// The board's reports to the Front each quarter, half-year and year (Decree 59/2023 Art. 14), built
// from what was recorded in the period, as an official document in the Decree 30/2020 layout with the
// board as the issuer (under the commune Front committee), signed by its head.
import { errorResponse, requireRouteAccess } from "@/lib/api/commune-route";
import type { CommuneAccess } from "@/lib/auth/authorize";
import { vnDate } from "@/lib/calendar/working-days";
import { db } from "@/lib/db";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import type { Block, OfficialDocument } from "@/lib/documents/model";
import { renderDocument } from "@/lib/documents/render-cached";
import { invalid, notFound } from "@/lib/errors";

import { boardWithVillages } from "./board";
import { type ItemRow, listItems } from "./items";
import { WORKSPACE_READER_ROLES } from "./roles";
import { answerClock, parseReportPeriod, periodLabel, type ReportPeriod } from "./rules";

const dmy = (d: Date | null) => (d ? vnDate(d).split("-").reverse().join("/") : "—");

export type ReportFigures = {
  plansSent: number;
  requests: number;
  requestsAnswered: number;
  verifications: number;
  recommendations: number;
  recommendationsCountersigned: number;
  answeredOnTime: number;
  answeredLate: number;
  overdue: number;
  waiting: number;
  minutesCountersigned: number;
};

/** The counts of a period's records, with each recommendation's clock as it stands `now`. */
export function reportFigures(items: ItemRow[], now = new Date()): ReportFigures {
  const of = (k: ItemRow["kind"]) => items.filter((i) => i.kind === k);
  const recs = of("RECOMMENDATION");
  const clocks = recs.map((r) => answerClock(r, now)?.state);
  return {
    plansSent: of("PLAN").filter((p) => p.sentAt).length,
    requests: of("REQUEST").length,
    requestsAnswered: of("REQUEST").filter((r) => r.answeredAt).length,
    verifications: of("VERIFICATION").length,
    recommendations: recs.length,
    recommendationsCountersigned: recs.filter((r) => r.countersignedAt).length,
    answeredOnTime: clocks.filter((c) => c === "answered").length,
    answeredLate: clocks.filter((c) => c === "answeredLate").length,
    overdue: clocks.filter((c) => c === "overdue").length,
    waiting: clocks.filter((c) => c === "waiting").length,
    minutesCountersigned: of("MINUTES").filter((m) => m.countersignedAt).length,
  };
}

const recommendationState = (r: ItemRow, now: Date) => {
  const c = answerClock(r, now);
  if (!r.countersignedAt) return "Chờ MTTQ ký xác nhận";
  if (!c) return "—";
  if (c.state === "answered") return `Đã trả lời ngày ${dmy(r.answeredAt)} (đúng hạn)`;
  if (c.state === "answeredLate") return `Đã trả lời ngày ${dmy(r.answeredAt)} (quá hạn)`;
  if (c.state === "overdue") return `Quá hạn, chưa trả lời (hạn ${dmy(r.dueAt)})`;
  return `Đang chờ trả lời (hạn ${dmy(r.dueAt)})`;
};

export function inspectionReportDocument(input: {
  communeName: string;
  period: ReportPeriod;
  board: { termStart: Date; termEnd: Date; recognitionRef: string; members: { name: string; village: string; position: string }[] } | null;
  items: ItemRow[];
  now: Date;
}): OfficialDocument {
  const { period, board, items, now } = input;
  const f = reportFigures(items, now);
  const label = periodLabel(period);
  const head = board?.members.find((m) => m.position === "HEAD");
  const of = (k: ItemRow["kind"]) => items.filter((i) => i.kind === k);
  const body: Block[] = [
    {
      kind: "paragraph",
      content: [
        `Thực hiện Điều 38, Điều 40 Luật Thực hiện dân chủ ở cơ sở năm 2022 và Điều 14 Nghị định số 59/2023/NĐ-CP, Ban Thanh tra nhân dân xã ${input.communeName} báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam xã kết quả hoạt động ${label} (từ ngày ${dmy(period.from)} đến ngày ${dmy(new Date(period.to.getTime() - 1))}) như sau:`,
      ],
    },
    { kind: "heading", level: 1, text: "I. TỔ CHỨC CỦA BAN" },
    {
      kind: "paragraph",
      content: [
        board
          ? `Ban gồm ${board.members.length} thành viên, nhiệm kỳ từ ngày ${dmy(board.termStart)} đến ngày ${dmy(board.termEnd)}, được Ủy ban MTTQ Việt Nam xã công nhận theo ${board.recognitionRef}.`
          : "Chưa ghi nhận Ban Thanh tra nhân dân nhiệm kỳ này.",
      ],
    },
    { kind: "heading", level: 1, text: "II. KẾT QUẢ HOẠT ĐỘNG" },
    {
      kind: "table",
      header: ["Nội dung", "Số lượng"],
      widths: [6, 1.5],
      align: ["left", "center"],
      rows: [
        ["Kế hoạch kiểm tra, giám sát đã gửi", String(f.plansSent)],
        ["Yêu cầu cung cấp thông tin, tài liệu (đã được trả lời)", `${f.requests} (${f.requestsAnswered})`],
        ["Vụ việc đã xác minh", String(f.verifications)],
        ["Kiến nghị (đã được MTTQ ký xác nhận)", `${f.recommendations} (${f.recommendationsCountersigned})`],
        ["Kiến nghị được trả lời đúng hạn 15 ngày", String(f.answeredOnTime)],
        ["Kiến nghị được trả lời quá hạn", String(f.answeredLate)],
        ["Kiến nghị quá hạn chưa được trả lời", String(f.overdue)],
        ["Kiến nghị đang trong thời hạn trả lời", String(f.waiting)],
        ["Biên bản đã được MTTQ ký xác nhận", String(f.minutesCountersigned)],
      ],
    },
    { kind: "heading", level: 2, text: "1. Kế hoạch kiểm tra, giám sát" },
    of("PLAN").length
      ? {
          kind: "table",
          header: ["Số", "Nội dung", "Đối tượng", "Thời gian", "Ngày gửi"],
          widths: [1, 3.5, 2.5, 2, 1.5],
          rows: of("PLAN").map((p) => [p.code, p.title, p.subject ?? "", `${dmy(p.startsOn)}${p.endsOn ? ` – ${dmy(p.endsOn)}` : ""}`, p.sentAt ? dmy(p.sentAt) : "Chưa gửi"]),
        }
      : { kind: "paragraph", content: ["Không có."] },
    { kind: "heading", level: 2, text: "2. Yêu cầu cung cấp thông tin, tài liệu" },
    of("REQUEST").length
      ? { kind: "table", header: ["Số", "Nội dung", "Ngày gửi", "Trả lời"], widths: [1, 4, 1.5, 4], rows: of("REQUEST").map((r) => [r.code, r.title, dmy(r.sentAt), r.answer ? `${dmy(r.answeredAt)}: ${r.answer}` : "Chưa trả lời"]) }
      : { kind: "paragraph", content: ["Không có."] },
    { kind: "heading", level: 2, text: "3. Xác minh vụ việc do Nhân dân phản ánh" },
    of("VERIFICATION").length
      ? { kind: "table", header: ["Số", "Vụ việc", "Kết quả xác minh"], widths: [1, 3, 6], rows: of("VERIFICATION").map((v) => [v.code, v.case ? `#${v.case.number} ${v.case.title}` : "", v.body]) }
      : { kind: "paragraph", content: ["Không có."] },
    { kind: "heading", level: 2, text: "4. Kiến nghị với Ủy ban nhân dân xã" },
    of("RECOMMENDATION").length
      ? {
          kind: "table",
          header: ["Số", "Nội dung kiến nghị", "Ngày gửi", "Tình trạng trả lời"],
          widths: [1, 4.5, 1.5, 3.5],
          rows: of("RECOMMENDATION").map((r) => [r.code, r.title, dmy(r.sentAt), recommendationState(r, now)]),
        }
      : { kind: "paragraph", content: ["Không có."] },
    { kind: "heading", level: 1, text: "III. ĐỀ XUẤT, KIẾN NGHỊ" },
    {
      kind: "paragraph",
      content: [
        f.overdue > 0
          ? `Đề nghị Ban Thường trực Ủy ban MTTQ Việt Nam xã đôn đốc Ủy ban nhân dân xã trả lời ${f.overdue} kiến nghị đã quá thời hạn 15 ngày theo khoản 1 Điều 40 Luật Thực hiện dân chủ ở cơ sở.`
          : "Ban Thanh tra nhân dân tiếp tục thực hiện nhiệm vụ theo chương trình công tác đã đề ra.",
      ],
    },
  ];
  return {
    issuerLines: [`Ủy ban MTTQ Việt Nam xã ${input.communeName}`, "Ban Thanh tra nhân dân"],
    issuerCode: "BTTND",
    type: "BC",
    numberLabel: null,
    place: input.communeName,
    issuedAt: now,
    subject: `Kết quả hoạt động của Ban Thanh tra nhân dân ${label}`,
    body,
    recipients: ["Ban Thường trực Ủy ban MTTQ Việt Nam xã", "Chủ tịch Ủy ban nhân dân xã", "Các thành viên Ban", "Lưu: BTTND"],
    signature: { authorityLines: ["TM. BAN THANH TRA NHÂN DÂN", "TRƯỞNG BAN"], signerName: head?.name ?? "" },
  };
}

export async function loadInspectionReport(access: CommuneAccess, periodKey: string, now = new Date()) {
  const period = parseReportPeriod(periodKey);
  if (!period) throw invalid("inspectionPeriodInvalid");
  const [commune, board, items] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { name: true } }),
    boardWithVillages(access.communeId),
    listItems(access.communeId, { from: period.from, to: period.to }),
  ]);
  return { period, items, doc: inspectionReportDocument({ communeName: commune.name, period, board, items: [...items].reverse(), now }) };
}

/** GET the report as DOCX or PDF: the board, the Front, and the commune's staff and leaders. */
export async function handleInspectionReport(slug: string, format: string, periodKey: string | null, userId: string | null): Promise<Response> {
  try {
    const { access } = await requireRouteAccess(userId, slug, WORKSPACE_READER_ROLES);
    if (!isDocumentFormat(format)) throw notFound();
    const { doc, period } = await loadInspectionReport(access, periodKey ?? "");
    const bytes = await renderDocument(doc, format, { store: false });
    return documentResponse(bytes, format, `bao-cao-ban-thanh-tra-nhan-dan-${period.key}.${format}`);
  } catch (error) {
    return errorResponse(error, "inspection/report");
  }
}
