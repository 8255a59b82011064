// What erasing an account (lib/people/data-rights.ts, anonymiseUser) does beyond the account row,
// table by table. The rule (Law 91/2025/QH15 on personal data protection, the right to deletion;
// Decree 356/2025): nothing that names or reaches the person stays, and what the commune must keep for
// a count or a record stays without a person.
//
// - Reactions (agree/disagree): deleted, and the opinion's counters lowered with them: a reaction is
//   a person's current view, not a record the commune must keep.
// - Reports of an opinion and moderation appeals: kept (they explain why an opinion was hidden or
//   restored), the person replaced by a tombstone `erased:<row id>`; a report's free-text details,
//   which may describe the reporter, are dropped.
// - Text messages (SmsMessage) and one-time codes to the person's phone: deleted. They served one
//   delivery; the phone number is the personal data.
// - Follows of consultations: deleted.
// - Votes: the account link (`userId`) goes. The link to the resident register (residentId, and a
//   resident question's voterKey "R:<residentId>") stays while the result can still change: it is what
//   keeps "one vote per person" when a paper ballot is entered late or a vote is contested before the
//   Front. Once the outcome is published (OUTCOME_PUBLISHED) nothing can change, so it is cut too:
//   the vote stays in the count as `erased:<vote id>`. A household question's vote is the
//   household's, not the person's, and stays as it is.
// - Kept on purpose: the data requests and account blocks (the record of how the commune answered),
//   the consent history (the proof of what was agreed), and the audit log's events — but their private
//   link to the account (actorId, and the salt of their private digest) is cleared by audit_forget_actor
//   (lib/oversight/audit.ts), so the chain still verifies and no event names the person any more.
import type { Tx } from "@/lib/db";
import { forgetAuditActor } from "@/lib/oversight/audit";

/** The stand-in for a person who asked to be erased, made unique by the row's own id. */
export const ERASED_PREFIX = "erased:";

export async function eraseLinks(tx: Tx, person: { userId: string; phone: string | null }) {
  const { userId, phone } = person;
  await tx.$executeRaw`
    UPDATE "Opinion" o
       SET "agreeCount" = GREATEST(0, o."agreeCount" - r.agree), "disagreeCount" = GREATEST(0, o."disagreeCount" - r.disagree)
      FROM (SELECT "opinionId", count(*) FILTER (WHERE kind = 'AGREE')::int AS agree, count(*) FILTER (WHERE kind = 'DISAGREE')::int AS disagree
              FROM "Reaction" WHERE "userId" = ${userId} GROUP BY "opinionId") r
     WHERE o.id = r."opinionId"`;
  await tx.reaction.deleteMany({ where: { userId } });
  await tx.$executeRaw`UPDATE "OpinionReport" SET "reporterId" = ${ERASED_PREFIX} || id, details = NULL WHERE "reporterId" = ${userId}`;
  await tx.$executeRaw`UPDATE "ModerationAppeal" SET "authorId" = ${ERASED_PREFIX} || id WHERE "authorId" = ${userId}`;
  await tx.follow.deleteMany({ where: { userId } });
  if (phone) {
    await tx.smsMessage.deleteMany({ where: { phone } });
    await tx.oneTimeCode.deleteMany({ where: { phone } });
  }
  // Final results: the register link goes, the vote stays counted (voterKey stays unique per question).
  await tx.$executeRaw`
    UPDATE "Vote" v
       SET "residentId" = NULL,
           "voterKey" = CASE WHEN v."voterKey" LIKE 'R:%' THEN ${ERASED_PREFIX} || v.id ELSE v."voterKey" END
      FROM "Consultation" c
     WHERE v."consultationId" = c.id AND c.status = 'OUTCOME_PUBLISHED' AND v."userId" = ${userId}`;
  await tx.vote.updateMany({ where: { userId }, data: { userId: null } });
  await forgetAuditActor(tx, userId);
}
