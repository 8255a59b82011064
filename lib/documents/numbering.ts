// The register of document numbers (sổ đăng ký văn bản đi): per commune, per calendar year, per type,
// numbers run 1, 2, 3… with no gaps and no repeats (Decree 30, Art. 15 and Appendix I).
//
// The number is taken inside the caller's transaction by one upsert on the counter row. The row stays
// locked until that transaction ends, so concurrent issuers queue behind it instead of reading the same
// value; if the caller's transaction rolls back, so does the increment, and no number is consumed. The
// unique key on IssuedDocument (communeId, year, type, number) is the last line of defence.
//
// Issuing also records an audit event (unchained, without a lock: the sealer chains it).
import type { CommuneAccess } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { DocumentType, Role } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";

import { formatDocumentNumber, vnDateParts } from "./format";

/** Staff register documents for signature, leaders sign them; nobody else issues numbers. */
export const ISSUING_ROLES: readonly Role[] = ["LEADER", "STAFF", "ADMIN"];

export type IssueInput = {
  type: DocumentType;
  /** Trích yếu, kept in the register. */
  subject: string;
  issuedAt?: Date;
  issuerCode?: string;
};

export type IssuedNumber = { id: string; number: number; year: number; label: string; issuedAt: Date };

export async function issueDocumentNumber(tx: Tx, access: CommuneAccess, input: IssueInput): Promise<IssuedNumber> {
  if (!ISSUING_ROLES.includes(access.actingRole)) throw forbidden();
  const issuedAt = input.issuedAt ?? new Date();
  // The register restarts on 1 January, Vietnam time.
  const { year } = vnDateParts(issuedAt);

  const [counter] = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "DocumentCounter" ("communeId", "year", "type", "lastNumber")
    VALUES (${access.communeId}, ${year}, ${input.type}::"DocumentType", 1)
    ON CONFLICT ("communeId", "year", "type")
    DO UPDATE SET "lastNumber" = "DocumentCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  const number = counter!.lastNumber;
  const label = formatDocumentNumber(number, input.type, input.issuerCode);

  const issued = await tx.issuedDocument.create({
    data: {
      communeId: access.communeId,
      year,
      type: input.type,
      number,
      label,
      subject: input.subject,
      issuedById: access.userId,
      issuedAt,
    },
    select: { id: true },
  });
  await appendAudit(tx, {
    communeId: access.communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action: "document.issue",
    entityType: "IssuedDocument",
    entityId: issued.id,
    after: { type: input.type, year, number, label, subject: input.subject },
    details: { type: input.type, year, number, label },
  });
  return { id: issued.id, number, year, label, issuedAt };
}
