import "server-only";

// What the pages show: the public list and page of conferences, and the follow-up lists for staff and
// the Front. Hidden questions go only to those who oversee (staff and the Front), with their history.
import { db } from "@/lib/db";

import { countVoters } from "./requests";
import { isCommitmentOverdue, publishClock, signaturesNeeded } from "./rules";

const conferenceCard = { id: true, title: true, startsAt: true, place: true, onlineLink: true, resultsPublishedAt: true, recordedAt: true, announcedAt: true } as const;

export async function listConferences(communeId: string, now = new Date()) {
  const all = await db.dialogueConference.findMany({ where: { communeId }, orderBy: { startsAt: "desc" }, select: { ...conferenceCard, _count: { select: { questions: true } } } });
  const withClock = all.map((c) => ({ ...c, clock: publishClock(c, now) }));
  return {
    upcoming: withClock.filter((c) => c.startsAt > now).reverse(),
    past: withClock.filter((c) => c.startsAt <= now),
  };
}

export async function listRequests(communeId: string, now = new Date()) {
  const [requests, voters] = await Promise.all([
    db.dialogueRequest.findMany({ where: { communeId }, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, subject: true, reachedAt: true, createdAt: true, _count: { select: { signatures: true } } } }),
    countVoters(communeId, now),
  ]);
  const answered = await db.dialogueConference.findMany({ where: { communeId, requestId: { in: requests.map((r) => r.id) } }, select: { id: true, title: true, requestId: true } });
  return {
    voters,
    needed: signaturesNeeded(voters),
    requests: requests.map((r) => ({ id: r.id, subject: r.subject, reachedAt: r.reachedAt, createdAt: r.createdAt, signatures: r._count.signatures, conference: answered.find((c) => c.requestId === r.id) ?? null })),
  };
}

/** The requests this resident has signed, to show "signed" instead of a button. */
export async function signedRequestIds(communeId: string, residentId: string | null) {
  if (!residentId) return new Set<string>();
  const rows = await db.dialogueSignature.findMany({ where: { communeId, residentId }, select: { requestId: true } });
  return new Set(rows.map((r) => r.requestId));
}

export async function getConference(communeId: string, conferenceId: string, options: { oversee: boolean; userId: string | null }, now = new Date()) {
  const conference = await db.dialogueConference.findFirst({
    where: { id: conferenceId, communeId },
    select: {
      ...conferenceCard,
      topics: true,
      officials: true,
      minutesText: true,
      minutesAttachmentId: true,
      attendanceCount: true,
      requestId: true,
      villages: { select: { villageId: true, attended: true } },
      questions: {
        where: options.oversee ? {} : { moderationState: "VISIBLE" },
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          source: true,
          askedBy: true,
          authorId: true,
          body: true,
          agreeCount: true,
          moderationState: true,
          answer: true,
          responsible: true,
          deadline: true,
          status: true,
          doneAt: true,
          createdAt: true,
          moderation: options.oversee ? { orderBy: { createdAt: "asc" }, select: { action: true, reason: true, details: true, createdAt: true } } : false,
        },
      },
    },
  });
  if (!conference) return null;
  const villageNames = await db.village.findMany({ where: { communeId, id: { in: conference.villages.map((v) => v.villageId) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const agreed = options.userId
    ? new Set((await db.dialogueQuestionAgree.findMany({ where: { userId: options.userId, question: { conferenceId } }, select: { questionId: true } })).map((a) => a.questionId))
    : new Set<string>();
  const published = conference.resultsPublishedAt !== null;
  // Before publication the results are the committee's working record: the public sees the questions only.
  const showResults = published || options.oversee;
  return {
    ...conference,
    minutesText: showResults ? conference.minutesText : null,
    minutesAttachmentId: showResults ? conference.minutesAttachmentId : null,
    attendanceCount: showResults ? conference.attendanceCount : null,
    villages: villageNames.map((v) => ({ ...v, attended: showResults && (conference.villages.find((x) => x.villageId === v.id)?.attended ?? false) })),
    questions: conference.questions.map((q) => ({
      ...q,
      isMine: options.userId !== null && q.authorId === options.userId,
      authorId: undefined,
      hasAgreed: agreed.has(q.id),
      answer: showResults ? q.answer : null,
      responsible: showResults ? q.responsible : null,
      deadline: showResults ? q.deadline : null,
      status: showResults ? q.status : "UNANSWERED",
      isOverdue: showResults && isCommitmentOverdue(q, now),
    })),
    clock: publishClock(conference, now),
    isOpenForQuestions: now < conference.startsAt,
    isHeld: now >= conference.startsAt,
  };
}

export type ConferenceView = NonNullable<Awaited<ReturnType<typeof getConference>>>;

/** For the Front's page and staff's follow-up: results overdue, commitments open and overdue, hidden questions. */
export async function followUp(communeId: string, now = new Date()) {
  const [unpublished, commitments, hidden] = await Promise.all([
    db.dialogueConference.findMany({ where: { communeId, resultsPublishedAt: null, startsAt: { lte: now } }, orderBy: { startsAt: "asc" }, select: { id: true, title: true, startsAt: true, resultsPublishedAt: true } }),
    db.dialogueQuestion.findMany({
      where: { communeId, status: "IN_PROGRESS" },
      orderBy: [{ deadline: "asc" }, { number: "asc" }],
      select: { id: true, number: true, body: true, answer: true, responsible: true, deadline: true, status: true, conference: { select: { id: true, title: true } } },
    }),
    db.dialogueQuestion.findMany({
      where: { communeId, moderationState: { not: "VISIBLE" } },
      orderBy: { updatedAt: "desc" },
      select: { id: true, number: true, body: true, conference: { select: { id: true, title: true } }, moderation: { orderBy: { createdAt: "desc" }, take: 1, select: { reason: true, details: true, createdAt: true } } },
    }),
  ]);
  return {
    results: unpublished.map((c) => ({ ...c, clock: publishClock(c, now) })),
    commitments: commitments.map((q) => ({ ...q, isOverdue: isCommitmentOverdue(q, now) })),
    hidden,
  };
}

export async function listVillages(communeId: string) {
  return db.village.findMany({ where: { communeId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function loudspeakerInputOf(communeId: string, conferenceId: string) {
  const [commune, conference] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true } }),
    db.dialogueConference.findFirst({ where: { id: conferenceId, communeId }, select: { title: true, startsAt: true, place: true, onlineLink: true, topics: true, villages: { select: { villageId: true } } } }),
  ]);
  if (!conference) return null;
  const [villages, total] = await Promise.all([
    db.village.findMany({ where: { communeId, id: { in: conference.villages.map((v) => v.villageId) } }, select: { name: true }, orderBy: { name: "asc" } }),
    db.village.count({ where: { communeId } }),
  ]);
  return { communeName: commune.name, ...conference, villages: villages.map((v) => v.name), isCommuneWide: villages.length === total };
}
