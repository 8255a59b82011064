// Staff type the number the commune's own register gave a document (settings.documentNumbering =
// TYPED; Decree 30/2020 Art. 15: one register of outgoing documents, numbered per year from 01).
//
// The duplicate check is the database's: the unique key (communeId, year, type, number) of
// IssuedDocument refuses a number already used in that type and year, so two clerks typing the same
// number at once never both succeed; the code only translates the refusal. The line is updated only
// while it has no number (a conditional update), so a number once given is never overwritten. The
// counter is raised to the typed number, so that switching back to SEQUENCE continues after it.
import "server-only";

import type { z } from "zod";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { revalidateConsultationPages } from "@/lib/consultations/revalidate";
import { db } from "@/lib/db";
import { formatDocumentNumber } from "@/lib/documents/format";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";

import { ISSUING_ROLES } from "./roles";
import type { registerNumberSchema } from "./schemas";

const isDuplicate = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function recordRegisterNumber(access: CommuneAccess, input: z.output<typeof registerNumberSchema>, now = new Date()) {
  if (!ISSUING_ROLES.some((r) => access.roles.includes(r))) throw forbidden();
  const doc = await db.issuedDocument.findFirst({
    where: { id: input.documentId, communeId: access.communeId },
    select: {
      id: true,
      type: true,
      year: true,
      label: true,
      report: { select: { consultationId: true } },
      notice: { select: { consultationId: true } },
    },
  });
  if (!doc) throw notFound("registerDocumentNotFound");
  if (doc.label) throw conflict("registerAlreadyNumbered", { label: doc.label });
  const label = formatDocumentNumber(input.number, doc.type);
  try {
    await db.$transaction(async (tx) => {
      const updated = await tx.issuedDocument.updateMany({
        where: { id: doc.id, communeId: access.communeId, number: null },
        data: { number: input.number, label, numberedAt: now, numberedById: access.userId },
      });
      if (updated.count === 0) throw conflict("registerAlreadyNumbered", { label: "" });
      await tx.$queryRaw`
        INSERT INTO "DocumentCounter" ("communeId", "year", "type", "lastNumber")
        VALUES (${access.communeId}, ${doc.year}, ${doc.type}::"DocumentType", ${input.number})
        ON CONFLICT ("communeId", "year", "type")
        DO UPDATE SET "lastNumber" = GREATEST("DocumentCounter"."lastNumber", EXCLUDED."lastNumber")
        RETURNING "lastNumber"`;
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "document.number",
        entityType: "IssuedDocument",
        entityId: doc.id,
        before: { number: null },
        after: { number: input.number, label },
        details: { type: doc.type, year: doc.year, number: input.number, label },
      });
    });
  } catch (e) {
    if (isDuplicate(e)) throw conflict("registerNumberTaken", { label, year: doc.year });
    throw e;
  }
  const consultationId = doc.report?.consultationId ?? doc.notice?.consultationId;
  if (consultationId) {
    const commune = await db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
    revalidateConsultationPages(commune.slug, consultationId);
  }
  return { label, year: doc.year };
}
