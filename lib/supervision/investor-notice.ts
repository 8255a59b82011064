// The Front's notice to the investor of a community investment supervision board's plan and members
// (Law 10/2022/QH15 Art. 45.1.b: at least 45 days before supervision starts), as an official document in
// the Decree 30/2020 layout (DOCX and PDF through lib/documents), issued by the commune Front committee
// and signed by the Front officer who set the board up. It is built from the board as recorded: the plan,
// the start date, the notice date and each member with the capacity they sit in. Unnumbered: the Front's
// own register of documents is not kept here (lib/documents/numbering.ts numbers the commune's).
import "server-only";

import { errorResponse, requireRouteAccess } from "@/lib/api/commune-route";
import { db } from "@/lib/db";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import type { OfficialDocument } from "@/lib/documents/model";
import { renderDocument } from "@/lib/documents/render-cached";
import { notFound } from "@/lib/errors";

import { OVERSEE_ROLES } from "./roles";
import { isoDate, NOTIFY_DAYS_AHEAD } from "./rules";

const dmy = (d: Date) => isoDate(d).split("-").reverse().join("/");
const KIND = { FRONT: "Đại diện Ủy ban MTTQ Việt Nam xã", INSPECTION_BOARD: "Đại diện Ban Thanh tra nhân dân", RESIDENT: "Người dân" } as const;

export type InvestorNoticeInput = {
  communeName: string;
  work: { title: string; investor: string | null; contractor: string | null; supervisor: string | null };
  plan: string;
  investorNotifiedOn: Date;
  supervisionStartOn: Date;
  members: { name: string; kind: keyof typeof KIND; village: string | null; isHead: boolean }[];
  signerName: string;
};

export function investorNoticeDocument(input: InvestorNoticeInput): OfficialDocument {
  const investor = input.work.investor?.trim() || "Chủ đầu tư";
  return {
    issuerLines: ["Ủy ban MTTQ Việt Nam", `xã ${input.communeName}`],
    issuerCode: "MTTQ",
    type: "TB",
    numberLabel: null,
    place: input.communeName,
    issuedAt: input.investorNotifiedOn,
    subject: `Kế hoạch giám sát và danh sách thành viên Ban giám sát đầu tư của cộng đồng công trình ${input.work.title}`,
    body: [
      {
        kind: "paragraph",
        content: [
          `Căn cứ các điều 41, 42, 43 và điểm b khoản 1 Điều 45 Luật Thực hiện dân chủ ở cơ sở năm 2022, Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã ${input.communeName} thông báo tới ${investor} kế hoạch giám sát và danh sách thành viên Ban giám sát đầu tư của cộng đồng đối với công trình ${input.work.title}, trước ít nhất ${NOTIFY_DAYS_AHEAD} ngày kể từ ngày bắt đầu giám sát, như sau:`,
        ],
      },
      { kind: "heading", level: 1, text: "I. KẾ HOẠCH GIÁM SÁT" },
      { kind: "paragraph", content: [input.plan] },
      { kind: "paragraph", content: [`Thời gian bắt đầu giám sát: ngày ${dmy(input.supervisionStartOn)}.`] },
      { kind: "heading", level: 1, text: "II. DANH SÁCH THÀNH VIÊN BAN GIÁM SÁT" },
      {
        kind: "table",
        header: ["STT", "Họ và tên", "Thành phần", "Thôn", "Chức danh trong Ban"],
        widths: [0.8, 3, 3, 2, 2],
        align: ["center", "left", "left", "left", "left"],
        rows: input.members.map((m, i) => [String(i + 1), m.name, KIND[m.kind], m.village ?? "", m.isHead ? "Trưởng ban" : "Thành viên"]),
      },
      {
        kind: "paragraph",
        content: [
          `Mỗi thành viên đã ký cam kết không có quan hệ gia đình, lợi ích hay công việc với chủ đầu tư, nhà thầu thi công${input.work.contractor ? ` (${input.work.contractor})` : ""} và đơn vị giám sát${input.work.supervisor ? ` (${input.work.supervisor})` : ""} của công trình (Điều 42).`,
        ],
      },
      { kind: "heading", level: 1, text: "III. ĐỀ NGHỊ" },
      {
        kind: "paragraph",
        content: [
          `Đề nghị ${investor} cung cấp cho Ban giám sát quyết định đầu tư, thông tin liên hệ, tiến độ, mặt bằng và các hồ sơ liên quan theo khoản 2 Điều 43, và trả lời kiến nghị của Ban trong thời hạn 15 ngày (điểm c khoản 2 Điều 45 Luật Thực hiện dân chủ ở cơ sở năm 2022).`,
        ],
      },
    ],
    recipients: [investor, "Ủy ban nhân dân xã", "Thành viên Ban giám sát", "Lưu: MTTQ"],
    signature: { authorityLines: ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], signerName: input.signerName },
  };
}

export async function loadInvestorNotice(communeId: string, boardId: string) {
  const board = await db.supervisionBoard.findFirst({
    where: { id: boardId, communeId },
    select: {
      id: true,
      plan: true,
      investorNotifiedOn: true,
      supervisionStartOn: true,
      createdById: true,
      work: { select: { title: true, investor: true, contractor: true, supervisor: true } },
      members: { orderBy: [{ isHead: "desc" }, { createdAt: "asc" }], select: { userId: true, kind: true, villageId: true, isHead: true } },
    },
  });
  if (!board) throw notFound("supervisionBoardNotFound");
  const [commune, people, villages] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true } }),
    db.user.findMany({ where: { id: { in: [board.createdById, ...board.members.map((m) => m.userId)] } }, select: { id: true, name: true } }),
    db.village.findMany({ where: { communeId, id: { in: board.members.flatMap((m) => (m.villageId ? [m.villageId] : [])) } }, select: { id: true, name: true } }),
  ]);
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? "";
  return {
    board,
    doc: investorNoticeDocument({
      communeName: commune.name,
      work: board.work,
      plan: board.plan,
      investorNotifiedOn: board.investorNotifiedOn,
      supervisionStartOn: board.supervisionStartOn,
      members: board.members.map((m) => ({ name: name(m.userId), kind: m.kind, village: villages.find((v) => v.id === m.villageId)?.name ?? null, isHead: m.isHead })),
      signerName: name(board.createdById),
    }),
  };
}

/** GET the notice as DOCX or PDF: the Front and the commune's staff and leaders. */
export async function handleInvestorNotice(slug: string, boardId: string, format: string, userId: string | null): Promise<Response> {
  try {
    const { access } = await requireRouteAccess(userId, slug, OVERSEE_ROLES);
    if (!isDocumentFormat(format)) throw notFound();
    const { doc, board } = await loadInvestorNotice(access.communeId, boardId);
    const bytes = await renderDocument(doc, format, { store: false });
    return documentResponse(bytes, format, `thong-bao-chu-dau-tu-ban-giam-sat-${isoDate(board.investorNotifiedOn)}.${format}`);
  } catch (error) {
    return errorResponse(error, "supervision/investor-notice");
  }
}
