// The conclusion notice (Thông báo kết luận) after a head's reception session (Law 42/2013 Art. 25.2):
// an official document (Decree 30 layout, type TB, lib/documents) listing the session's visits with
// what the head concluded and by when. Issuing takes its number from the register of documents.
import "server-only";

import { errorResponse, requireRouteAccess } from "@/lib/api/commune-route";
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import { formatPlaceDate } from "@/lib/documents/format";
import type { Block, OfficialDocument } from "@/lib/documents/model";
import { issueDocumentNumber } from "@/lib/register/issue-number";
import { renderDocument } from "@/lib/documents/render-cached";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { noticeSignature } from "@/lib/notices/to-document";
import { appendAudit } from "@/lib/oversight/audit";
import { vnDate as dmy } from "@/lib/participation/record-vote";
import { withCommuneRecipients } from "@/lib/documents/recipients";

import { forReader, loadRegister } from "./register";
import { REGISTER_KEEPER_ROLES, REGISTER_READER_ROLES } from "./roles";

const vnDay = (d: Date) => formatPlaceDate("", d).replace(/^, /, "");

export const CONCLUSION_RECIPIENTS = [
  "Các công dân có tên tại mục I",
  "Thường trực Đảng ủy, HĐND xã",
  "Ủy ban MTTQ Việt Nam xã",
  "Các bộ phận, cá nhân được giao xử lý",
  "Lưu: VT, hồ sơ tiếp công dân",
];

type SessionForNotice = { heldOn: Date; hostName: string; hostTitle: string | null; place: string };
type VisitForNotice = { number: number; kind: string; visitorName: string | null; visitorAddress: string | null; summary: string; conclusion: string | null; deadline: Date | null };

export function conclusionDocument(input: {
  communeName: string;
  session: SessionForNotice;
  visits: VisitForNotice[];
  numberLabel: string | null;
  issuedAt: Date | null;
  /** Not yet issued ("DỰ THẢO" on every page); by default, while it has no number. */
  draft?: boolean;
}): OfficialDocument {
  const { session, visits } = input;
  const host = `${session.hostTitle ?? "Chủ tịch"} UBND xã ${session.hostName}`.trim();
  const body: Block[] = [
    {
      kind: "paragraph",
      content: [
        `Thực hiện Điều 18 và Điều 25 Luật Tiếp công dân năm 2013, ${vnDay(session.heldOn)}, tại ${session.place}, đồng chí ${host} đã tiếp công dân định kỳ. Ủy ban nhân dân xã thông báo ý kiến kết luận của người chủ trì như sau:`,
      ],
    },
    { kind: "heading", level: 1, text: "I. CÔNG DÂN ĐẾN VÀ NỘI DUNG KẾT LUẬN" },
    {
      kind: "table",
      header: ["Số TT sổ", "Công dân", "Nội dung", "Kết luận", "Thời hạn"],
      widths: [1, 2.2, 3.4, 3.4, 1.4],
      align: ["center", "left", "left", "left", "center"],
      rows: visits.map((v) => [
        String(v.number),
        // A denouncer's identity is never written in a notice that goes to others (Law 25/2018 Art. 4).
        v.kind === "DENUNCIATION" || !v.visitorName ? "Người tố cáo (giữ bí mật)" : `${v.visitorName}${v.visitorAddress ? `, ${v.visitorAddress}` : ""}`,
        v.summary,
        v.conclusion ?? "Đang xem xét, sẽ trả lời bằng văn bản",
        v.deadline ? dmy(v.deadline) : "—",
      ]),
    },
    { kind: "heading", level: 1, text: "II. TỔ CHỨC THỰC HIỆN" },
    {
      kind: "paragraph",
      content: [
        "Các bộ phận, cá nhân được giao có trách nhiệm giải quyết dứt điểm các nội dung trên trong thời hạn nêu tại mục I, báo cáo kết quả cho Chủ tịch UBND xã và trả lời công dân theo quy định. Công chức phụ trách tiếp công dân theo dõi, đôn đốc việc thực hiện.",
      ],
    },
  ];
  return {
    issuerLines: ["Ủy ban nhân dân", `xã ${input.communeName}`],
    type: "TB",
    numberLabel: input.numberLabel,
    place: input.communeName,
    issuedAt: input.issuedAt,
    subject: `Kết luận của ${session.hostTitle ?? "Chủ tịch"} UBND xã tại buổi tiếp công dân ngày ${dmy(session.heldOn)}`,
    body,
    recipients: CONCLUSION_RECIPIENTS,
    // The host signs: the chair on behalf of the committee, a vice-chair for the chair (Decree 30).
    signature: noticeSignature({ name: session.hostName, title: session.hostTitle }),
    draft: input.draft ?? input.numberLabel === null,
  };
}

/** Gives the notice its number (type TB) once the head's session has its visits recorded. */
export async function issueConclusionNotice(access: CommuneAccess, sessionId: string, now = new Date()): Promise<{ label: string | null }> {
  if (!access.roles.some((r) => REGISTER_KEEPER_ROLES.includes(r))) throw forbidden();
  return db.$transaction(async (tx) => {
    const [session] = await tx.$queryRaw<{ id: string; heldOn: Date; isHeadSession: boolean; noticeDocumentId: string | null }[]>`
      SELECT id, "heldOn", "isHeadSession", "noticeDocumentId" FROM "ReceptionSession" WHERE id = ${sessionId} AND "communeId" = ${access.communeId} FOR UPDATE`;
    if (!session) throw notFound("receptionSessionNotFound");
    if (!session.isHeadSession) throw invalid("receptionNoticeHeadOnly");
    if (session.noticeDocumentId) throw invalid("receptionNoticeIssued");
    const visits = await tx.receptionVisit.count({ where: { sessionId, communeId: access.communeId } });
    if (visits === 0) throw invalid("receptionNoticeNoVisits");
    const issued = await issueDocumentNumber(tx, access, { type: "TB", subject: `Kết luận buổi tiếp công dân ngày ${dmy(session.heldOn)}`, issuedAt: now });
    await tx.receptionSession.update({ where: { id: sessionId }, data: { noticeDocumentId: issued.id } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "reception.notice.issue",
      entityType: "ReceptionSession",
      entityId: sessionId,
      after: { noticeDocumentId: issued.id, label: issued.label },
      details: { label: issued.label },
    });
    return { label: issued.label };
  });
}

export async function loadConclusionDocument(access: CommuneAccess, sessionId: string) {
  const session = await db.receptionSession.findFirst({ where: { id: sessionId, communeId: access.communeId } });
  if (!session) throw notFound("receptionSessionNotFound");
  const [commune, visits, issued] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { name: true, settings: true } }),
    loadRegister({ communeId: access.communeId, sessionId }),
    session.noticeDocumentId ? db.issuedDocument.findUnique({ where: { id: session.noticeDocumentId }, select: { label: true, number: true, issuedAt: true } }) : null,
  ]);
  const built = conclusionDocument({
    communeName: commune.name,
    session,
    // The notice never prints an ID number: the reader's view, as the Front would see it.
    visits: visits.map((v) => forReader(v, ["FRONT_REVIEWER"])),
    numberLabel: issued?.label ?? null,
    issuedAt: issued?.issuedAt ?? null,
    draft: !issued,
  });
  const doc = withCommuneRecipients(built, commune.settings);
  return { doc, issued };
}

/** GET the notice as DOCX or PDF: staff, leaders and the Front of the commune (it names complainants). */
export async function handleConclusionDownload(slug: string, sessionId: string, format: string, userId: string | null): Promise<Response> {
  try {
    const { access } = await requireRouteAccess(userId, slug, REGISTER_READER_ROLES);
    if (!isDocumentFormat(format)) throw notFound();
    const { doc, issued } = await loadConclusionDocument(access, sessionId);
    const bytes = await renderDocument(doc, format, { store: false });
    const suffix = issued ? `${String(issued.number).padStart(2, "0")}-TB` : "du-thao";
    return documentResponse(bytes, format, `thong-bao-ket-luan-tiep-cong-dan-${suffix}.${format}`);
  } catch (error) {
    return errorResponse(error, "reception/notice");
  }
}
