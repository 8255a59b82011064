// What a resident sees of a ballot: for each question whether they may vote and, if not, why; their
// own vote with its receipt; or, for a household vote cast by someone else, who cast it and when —
// never the choice.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Channel } from "@/lib/generated/prisma/enums";

import { loadBallot, loadVoter, residentIdOf } from "./ballot-scope";
import { checkVoter, checkVoteWindow, isBallotOpen, voterKeyOf } from "./eligibility";

export type MyQuestionState = {
  questionId: string;
  /** Why this person may not vote on the web now (message key), or null. */
  refusal: { code: string; params?: Record<string, string | number> } | null;
  own: { receiptCode: string; optionIds: string[]; createdAt: Date; updatedAt: Date; changeCount: number } | null;
  /** The household's (or person's) vote recorded through another channel or by another member. */
  other: { channel: Channel; at: Date; byName: string | null } | null;
  /** The village's figures come from its meeting of this date: a vote here would not count. */
  countedAtMeetingOn: Date | null;
};

export async function getMyBallot(access: CommuneAccess, consultationId: string, now = new Date()) {
  const residentId = residentIdOf(access);
  const [ballot, voter] = await Promise.all([loadBallot(access.communeId, consultationId), loadVoter(access.communeId, residentId)]);
  const questionIds = ballot.questions.map((q) => q.id);
  const keys = [voterKeyOf("HOUSEHOLD", voter), voterKeyOf("RESIDENT", voter)];
  const [votes, sources] = await Promise.all([
    db.vote.findMany({
      where: { questionId: { in: questionIds }, voterKey: { in: keys } },
      select: { questionId: true, voterKey: true, channel: true, userId: true, receiptCode: true, createdAt: true, updatedAt: true, changeCount: true, choices: { select: { optionId: true } } },
    }),
    db.villageTallySource.findMany({
      where: { questionId: { in: questionIds }, villageId: voter.villageId, source: "MEETING" },
      select: { questionId: true, meetingId: true },
    }),
  ]);
  const others = votes.filter((v) => v.userId !== access.userId && v.userId !== null).map((v) => v.userId!);
  const [names, meetings] = await Promise.all([
    others.length ? db.user.findMany({ where: { id: { in: others } }, select: { id: true, displayName: true } }) : [],
    db.meetingRecord.findMany({ where: { id: { in: sources.map((s) => s.meetingId).filter((id): id is string => id !== null) } }, select: { id: true, heldAt: true } }),
  ]);

  const questions: MyQuestionState[] = ballot.questions.map((q) => {
    const vote = votes.find((v) => v.questionId === q.id && v.voterKey === voterKeyOf(q.votingUnit, voter));
    const own = vote && vote.userId === access.userId && vote.channel === "WEB" ? vote : null;
    const source = sources.find((s) => s.questionId === q.id);
    return {
      questionId: q.id,
      refusal: checkVoteWindow(ballot.window, "WEB", now) ?? checkVoter(ballot.window, q.votingUnit, voter, now),
      own: own
        ? { receiptCode: own.receiptCode, optionIds: own.choices.map((c) => c.optionId), createdAt: own.createdAt, updatedAt: own.updatedAt, changeCount: own.changeCount }
        : null,
      other: vote && !own ? { channel: vote.channel, at: vote.createdAt, byName: names.find((n) => n.id === vote.userId)?.displayName ?? null } : null,
      countedAtMeetingOn: source ? (meetings.find((m) => m.id === source.meetingId)?.heldAt ?? null) : null,
    };
  });
  return { isOpen: isBallotOpen(ballot.window, now), closesAt: ballot.commentEndsAt, questions };
}
