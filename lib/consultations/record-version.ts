import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

import { type ConsultationChange, type ConsultationSnapshot, diffConsultation } from "./diff-consultation";
import { PUBLIC_STATUSES } from "./get-consultation";

/**
 * After publication every change is public: it becomes a numbered version with what changed, the
 * state after it, and the officer's note. Before publication nothing is recorded here (the audit log
 * still has every edit). Returns the changes and the new version number, if one was written.
 */
export async function recordVersion(
  tx: Tx,
  input: {
    communeId: string;
    consultation: { id: string; status: ConsultationStatus; version: number };
    before: ConsultationSnapshot;
    after: ConsultationSnapshot;
    note?: string | null;
    actorId: string;
  },
): Promise<{ changes: ConsultationChange[]; version: number | null }> {
  const changes = diffConsultation(input.before, input.after);
  if (changes.length === 0 || !PUBLIC_STATUSES.includes(input.consultation.status)) return { changes, version: null };
  const version = input.consultation.version + 1;
  await tx.consultationVersion.create({
    data: {
      communeId: input.communeId,
      consultationId: input.consultation.id,
      version,
      changes: changes as unknown as Prisma.InputJsonValue,
      snapshot: input.after as unknown as Prisma.InputJsonValue,
      note: input.note?.trim() || null,
      createdById: input.actorId,
    },
  });
  await tx.consultation.update({ where: { id: input.consultation.id }, data: { version } });
  return { changes, version };
}
