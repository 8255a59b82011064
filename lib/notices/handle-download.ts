import "server-only";

// GET the notice as DOCX or PDF. Once published it is public, like the notice board it replaces;
// before that only staff, leaders and the Front of the commune may read the draft.
import { errorResponse, requireRouteAccess } from "@/lib/api/commune-route";
import { FRONT_ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { db } from "@/lib/db";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import { renderDocument } from "@/lib/documents/render-cached";
import { notFound } from "@/lib/errors";
import { withCommuneRecipients } from "@/lib/documents/recipients";

import { noticeDocument } from "./to-document";

export const NOTICE_READER_ROLES = [...STAFF_ROLES, ...FRONT_ROLES];


export async function loadNoticeDocument(communeId: string, consultationId: string) {
  const notice = await db.outcomeNotice.findFirst({
    where: { communeId, consultationId },
    select: {
      id: true,
      status: true,
      title: true,
      body: true,
      approvedById: true,
      document: { select: { label: true, issuedAt: true, number: true } },
    },
  });
  if (!notice) return null;
  // The signer: the approving leader; a draft is prepared for the chair's signature.
  const membership = await db.membership.findFirst({
    where: notice.approvedById
      ? { communeId, userId: notice.approvedById, role: "LEADER" }
      : { communeId, role: "LEADER", status: "VERIFIED", title: { equals: "Chủ tịch", mode: "insensitive" } },
    select: { title: true, user: { select: { name: true } } },
  });
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true, settings: true } });
  const built = noticeDocument({
    communeName: commune.name,
    title: notice.title,
    body: notice.body,
    numberLabel: notice.document?.label ?? null,
    issuedAt: notice.document?.issuedAt ?? null,
    draft: !notice.document,
    signer: membership ? { name: membership.user.name, title: membership.title } : null,
  });
  const doc = withCommuneRecipients(built, commune.settings);
  return { notice, doc };
}

export async function handleNoticeDownload(slug: string, consultationId: string, format: string, userId: string | null): Promise<Response> {
  try {
    if (!isDocumentFormat(format)) throw notFound();
    const commune = await getCommuneBySlug(slug);
    if (!commune) throw notFound("communeNotFound");
    const loaded = await loadNoticeDocument(commune.id, consultationId);
    if (!loaded) throw notFound("noticeNotFound");
    const isPublic = loaded.notice.status === "PUBLISHED";
    if (!isPublic) await requireRouteAccess(userId, slug, NOTICE_READER_ROLES);
    // The published notice is rendered once per version and kept (lib/documents/render-cached.ts).
    const bytes = await renderDocument(loaded.doc, format, { store: isPublic });
    const number = loaded.notice.document ? `-${String(loaded.notice.document.number).padStart(2, "0")}-TB` : "-du-thao";
    return documentResponse(bytes, format, `thong-bao-ket-qua-${consultationId}${number}.${format}`, { isPublic });
  } catch (error) {
    return errorResponse(error, "notice/download");
  }
}
