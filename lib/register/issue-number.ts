// The commune's outgoing register (sổ đăng ký văn bản đi, Decree 30/2020/NĐ-CP Art. 15 and Appendix I):
// per commune, per calendar year, per type, numbers run 1, 2, 3… with no repeats ("Số: 12/BC-UBND").
//
// Every document the product issues takes its line here. A commune chooses how (its setting
// `documentNumbering`, lib/settings.ts):
// - SEQUENCE: Dân Bàn is the register. The number is taken inside the caller's transaction by one
//   upsert on the counter row; the row stays locked until that transaction ends, so concurrent issuers
//   queue behind it instead of reading the same value, and a rollback consumes no number.
// - TYPED: the office keeps its own register (paper or another system). The line is written without a
//   number, and staff type the number the register gave (record-number.ts); the document prints
//   "Số:      /BC-UBND" until then.
// Either way the unique key on IssuedDocument (communeId, year, type, number) refuses a repeat.
//
// Issuing also records an audit event (unchained, without a lock: the sealer chains it).
import type { CommuneAccess } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db";
import { formatDocumentNumber, vnDateParts } from "@/lib/documents/format";
import { forbidden } from "@/lib/errors";
import type { DocumentType } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { readSettings } from "@/lib/settings";

import { ISSUING_ROLES } from "./roles";

export { ISSUING_ROLES };

export type IssueInput = {
  type: DocumentType;
  /** Trích yếu, kept in the register. */
  subject: string;
  issuedAt?: Date;
  issuerCode?: string;
};

/** `number` and `label` are null while the commune's own register has not given the number yet. */
export type IssuedNumber = { id: string; number: number | null; year: number; label: string | null; issuedAt: Date };

export async function issueDocumentNumber(tx: Tx, access: CommuneAccess, input: IssueInput): Promise<IssuedNumber> {
  if (!ISSUING_ROLES.includes(access.actingRole)) throw forbidden();
  const issuedAt = input.issuedAt ?? new Date();
  // The register restarts on 1 January, Vietnam time.
  const { year } = vnDateParts(issuedAt);
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { settings: true } });
  const typed = readSettings(commune.settings).documentNumbering === "TYPED";

  let number: number | null = null;
  if (!typed) {
    const [counter] = await tx.$queryRaw<{ lastNumber: number }[]>`
      INSERT INTO "DocumentCounter" ("communeId", "year", "type", "lastNumber")
      VALUES (${access.communeId}, ${year}, ${input.type}::"DocumentType", 1)
      ON CONFLICT ("communeId", "year", "type")
      DO UPDATE SET "lastNumber" = "DocumentCounter"."lastNumber" + 1
      RETURNING "lastNumber"`;
    number = counter!.lastNumber;
  }
  const label = number === null ? null : formatDocumentNumber(number, input.type, input.issuerCode);

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
      ...(number === null ? {} : { numberedAt: issuedAt, numberedById: access.userId }),
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
    details: { type: input.type, year, number, label, awaitingNumber: number === null },
  });
  return { id: issued.id, number, year, label, issuedAt };
}
