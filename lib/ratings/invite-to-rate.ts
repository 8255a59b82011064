import "server-only";

// Inviting people to rate a subject (a consultation after its outcome notice; a petition or feedback
// case once it is resolved: lib/cases calls inviteToRate with subjectType "CASE"). Each person is
// invited once per subject: the unique key (subjectType, subjectId, userId) refuses a second
// invitation, and only those newly invited get the inbox notice.
import type { Tx } from "@/lib/db";
import type { RatingSubjectType } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { tell } from "@/lib/telling/tell";

export type InviteToRate = {
  communeId: string;
  subjectType: RatingSubjectType;
  subjectId: string;
  userIds: readonly string[];
  /** How results are grouped: a consultation's matter kind, a case's kind. Defaults to the subject type. */
  category?: string;
  /** Shown in the invitation ("Rate how … was handled"). */
  title?: string;
};

/** The page where a person rates a subject. */
export const ratePath = (slug: string, subjectType: RatingSubjectType, subjectId: string) => `/${slug}/rate/${subjectType.toLowerCase()}/${subjectId}`;

/** Invites the people not yet invited; returns their ids. Runs in the caller's transaction. */
export async function inviteToRate(tx: Tx, input: InviteToRate): Promise<string[]> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const category = input.category ?? input.subjectType;
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    INSERT INTO "RatingInvite" ("id", "communeId", "subjectType", "subjectId", "category", "userId")
    SELECT gen_random_uuid()::text, ${input.communeId}, ${input.subjectType}::"RatingSubjectType", ${input.subjectId}, ${category}, u
    FROM unnest(${userIds}::text[]) AS u
    ON CONFLICT ("subjectType", "subjectId", "userId") DO NOTHING
    RETURNING "userId"`;
  const invited = rows.map((r) => r.userId);
  if (invited.length === 0) return [];
  const { slug } = await tx.commune.findUniqueOrThrow({ where: { id: input.communeId }, select: { slug: true } });
  await tell(tx, {
    communeId: input.communeId,
    userIds: invited,
    kind: "ratingInvited",
    params: { subject: input.title ?? "" },
    link: ratePath(slug, input.subjectType, input.subjectId),
    about: `${input.subjectType}:${input.subjectId}`,
  });
  await appendAudit(tx, {
    communeId: input.communeId,
    actorId: null,
    actorRole: "SYSTEM",
    action: "rating.invite",
    entityType: input.subjectType === "CASE" ? "Case" : "Consultation",
    entityId: input.subjectId,
    details: { invited: invited.length, category },
  });
  return invited;
}
