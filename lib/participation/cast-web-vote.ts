// A verified resident votes on the web: for a household question the representative (or, where none
// is marked, the first adult of the household to vote); for a resident question, each adult. The
// vote can be changed until the ballot closes; the receipt stays the same and the change is counted
// and logged.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { consumeRateLimit } from "@/lib/rate-limit";
import { assertNotFrozen } from "@/lib/reports/freeze";

import { loadVoteContext, refuse, residentIdOf } from "./ballot-scope";
import { checkChoices, checkVoter, checkVoteWindow, checkVotingIdentity, voterKeyOf } from "./eligibility";
import { auditedVote, recordVotes, vnDate, vnTime } from "./record-vote";
import { refuseSecretChange } from "./secret-vote-rules";

type CastInput = { questionId: string; optionIds: string[] };

/** Everything the web path checks before writing, from one read. */
async function prepareWebVote(access: CommuneAccess, input: CastInput, now: Date) {
  const residentId = residentIdOf(access);
  refuse(checkVotingIdentity(access.memberships.find((m) => m.role === "RESIDENT")?.verificationMethod));
  const { question, voter } = await loadVoteContext(access.communeId, input.questionId, residentId);
  refuse(checkVoteWindow(question.window, "WEB", now), 409);
  refuse(checkVoter(question.window, question.votingUnit, voter, now));
  const optionIds = [...new Set(input.optionIds)];
  refuse(checkChoices({ kind: question.kind, maxChoices: question.maxChoices, optionIds: question.options.map((o) => o.id) }, optionIds), 422);
  const voterKey = voterKeyOf(question.votingUnit, voter);
  return { question, voter, optionIds, voterKey };
}

export async function castWebVote(access: CommuneAccess, input: CastInput, now = new Date()) {
  // The rate limit and the checks read at once (a round trip less to wait for); either refusal stops
  // the vote before anything is written, and a used-up limit is the answer whatever the checks found.
  const [limit, prepared] = await Promise.allSettled([consumeRateLimit("vote", access.userId), prepareWebVote(access, input, now)]);
  if (limit.status === "rejected") throw limit.reason;
  if (prepared.status === "rejected") throw prepared.reason;
  const { question, voter, optionIds, voterKey } = prepared.value;
  const [vote] = await recordVotes(
    [
      {
        communeId: access.communeId,
        consultationId: question.consultationId,
        questionId: question.id,
        voterKey,
        householdId: voter.householdId,
        residentId: voter.residentId,
        villageId: voter.villageId,
        userId: access.userId,
        channel: "WEB",
        enteredById: null,
        assistReason: null,
        optionIds,
        secret: question.secret,
      },
    ],
    { actorId: access.userId, actorRole: "RESIDENT", action: "vote.cast" },
  );
  return { questionId: question.id, receiptCode: vote!.receiptCode, createdAt: vote!.createdAt, changeCount: 0, optionIds };
}

class NotOwnVote extends Error {}

/**
 * Changes the voter's own web vote while the ballot is open. Only the account that cast it may change
 * it; a household vote cast on paper, at a meeting or by another member stays as it is.
 */
export async function changeWebVote(access: CommuneAccess, input: CastInput, now = new Date()) {
  await consumeRateLimit("vote", access.userId);
  const { question, optionIds, voterKey } = await prepareWebVote(access, input, now);
  refuseSecretChange(question);
  try {
    return await db.$transaction(async (tx) => {
      await assertNotFrozen(tx, question.consultationId);
      const [vote] = await tx.$queryRaw<{ id: string; receiptCode: string; changeCount: number; updatedAt: Date }[]>`
        UPDATE "Vote" SET "changeCount" = "changeCount" + 1, "updatedAt" = (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC')
        WHERE "questionId" = ${question.id} AND "voterKey" = ${voterKey} AND "channel" = 'WEB' AND "userId" = ${access.userId}
        RETURNING "id", "receiptCode", "changeCount", "updatedAt"`;
      if (!vote) throw new NotOwnVote();
      const before = await tx.voteChoice.findMany({ where: { voteId: vote.id }, select: { optionId: true } });
      await tx.voteChoice.deleteMany({ where: { voteId: vote.id } });
      await tx.voteChoice.createMany({ data: optionIds.map((optionId) => ({ voteId: vote.id, optionId, communeId: access.communeId, questionId: question.id })) });
      await appendAudit(tx, {
        communeId: access.communeId,
        actorId: access.userId,
        actorRole: "RESIDENT",
        action: "vote.change",
        entityType: "Vote",
        entityId: vote.id,
        before: auditedVote(vote, before.map((c) => c.optionId)),
        after: auditedVote(vote, optionIds),
        details: { consultationId: question.consultationId, questionId: question.id, channel: "WEB", changeCount: vote.changeCount },
      });
      return { questionId: question.id, receiptCode: vote.receiptCode, createdAt: vote.updatedAt, changeCount: vote.changeCount, optionIds };
    });
  } catch (error) {
    if (!(error instanceof NotOwnVote)) throw error;
    const existing = await db.vote.findFirst({ where: { questionId: question.id, voterKey }, select: { channel: true, createdAt: true } });
    if (!existing) throw new AppError("noVoteToChange", 404);
    throw new AppError("voteNotYours", 409, { channel: existing.channel, time: vnTime(existing.createdAt), date: vnDate(existing.createdAt) });
  }
}
