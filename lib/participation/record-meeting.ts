// A village head (for their own village) or staff record a village meeting: when, how the vote was
// taken, households present, the tally per option, the minutes. A show-of-hands meeting names no
// households, so a village's figures come from the meeting or from the individual votes, never both:
// when the village already has individual votes, the person recording must choose, is told what would
// be set aside, and the choice is logged. Choosing the meeting over votes already cast is only a
// proposal by staff, which the Front confirms (lib/meeting-count); until then the votes count.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { loadCommuneSettings } from "@/lib/communes/commune-settings";
import { endOfDayVn, startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import type { TallySource } from "@/lib/generated/prisma/enums";
import { proposeMeetingCount, replacesVotes } from "@/lib/meeting-count/propose-meeting-count";
import { appendAudit } from "@/lib/oversight/audit";
import { assertNotFrozen, checkNotFrozen } from "@/lib/reports/freeze";

import { assertMayEnterFor, loadBallot, refuse } from "./ballot-scope";
import type { MeetingValues } from "./ballot-schemas";
import { checkVoteWindow, isVillageInScope } from "./eligibility";
import { checkLateEntry } from "./late-entry";
import { meetingHasQuorum } from "./tally";

const OFFSET_MS = 7 * 60 * 60 * 1000;

/** "2026-12-03" and "19:30", Vietnam time, as an instant. */
export const vnInstant = (date: string, time: string) => new Date(Date.parse(`${date}T${time}:00Z`) - OFFSET_MS);

/** Individual votes of a village on a consultation's questions, per channel. */
export async function countIndividualVotes(db_: Tx | typeof db, consultationId: string, villageId: string) {
  const rows = await db_.vote.groupBy({ by: ["channel"], where: { consultationId, villageId, voidedAt: null }, _count: { _all: true } });
  const count = (c: string) => rows.find((r) => r.channel === c)?._count._all ?? 0;
  return { WEB: count("WEB"), PAPER: count("PAPER"), ASSISTED: count("ASSISTED") };
}

export async function recordMeeting(access: CommuneAccess, values: MeetingValues, now = new Date()) {
  await checkNotFrozen(db, values.consultationId);
  const ballot = await loadBallot(access.communeId, values.consultationId);
  refuse(checkVoteWindow(ballot.window, "MEETING", now), 409);
  // The meeting's own date is checked against the voting period below.
  refuse(checkLateEntry(ballot.window, (await loadCommuneSettings(access.communeId)).lateEntryDays, now, null), 409);
  if (ballot.questions.length === 0) throw conflict("noBallot");
  const village = await db.village.findFirst({ where: { id: values.villageId, communeId: access.communeId }, select: { id: true, name: true } });
  if (!village) throw invalid("unknownVillage", {}, { villageId: "unknownVillage" });
  assertMayEnterFor(access, village.id);
  if (!isVillageInScope(ballot.window, village.id)) throw invalid("outsideScope", {}, { villageId: "outsideScope" });

  // Held within the consultation's period (from its posting or comment start), and not in the future.
  const heldAt = vnInstant(values.heldOn, values.heldTime);
  const from = ballot.postingStartsAt && ballot.commentStartsAt && ballot.postingStartsAt < ballot.commentStartsAt ? ballot.postingStartsAt : ballot.commentStartsAt;
  const until = ballot.commentEndsAt && ballot.commentEndsAt < now ? ballot.commentEndsAt : now;
  if ((from && heldAt < startOfDayVn(toVnDate(from))) || heldAt > endOfDayVn(toVnDate(until)) || heldAt > now) {
    const params = { from: from ? toVnDate(from).split("-").reverse().join("/") : "—", to: toVnDate(until).split("-").reverse().join("/") };
    throw invalid("meetingDateOutside", params, { heldOn: "meetingDateOutside" });
  }

  const householdsTotal = await db.household.count({ where: { communeId: access.communeId, villageId: village.id, isActive: true } });
  if (values.householdsPresent > householdsTotal) {
    throw invalid("presentExceedsTotal", { total: householdsTotal }, { householdsPresent: "presentExceedsTotal" });
  }

  // One count per option of every question; a household question's counts cannot exceed the households present.
  const tallies = new Map<string, number>();
  for (const t of values.tallies) {
    const question = ballot.questions.find((q) => q.id === t.questionId);
    if (!question?.options.some((o) => o.id === t.optionId)) throw invalid("unknownOption");
    if (tallies.has(t.optionId)) throw invalid("optionCountedTwice");
    tallies.set(t.optionId, t.count);
  }
  for (const q of ballot.questions) {
    const counts = q.options.map((o) => tallies.get(o.id) ?? 0);
    const field = `tallies.${q.id}`;
    if (q.votingUnit === "HOUSEHOLD") {
      const over = q.kind === "MULTIPLE_CHOICE" ? Math.max(...counts) : counts.reduce((a, b) => a + b, 0);
      if (over > values.householdsPresent) throw invalid("talliesExceedPresent", { number: q.position + 1, present: values.householdsPresent }, { [field]: "talliesExceedPresent" });
    }
  }

  const minutes = await db.attachment.findFirst({
    where: { id: values.minutesId, communeId: access.communeId, consultationId: ballot.id, kind: "MINUTES" },
    select: { id: true },
  });
  if (!minutes) throw invalid("minutesRequired", {}, { minutesId: "minutesRequired" });
  if (await db.meetingRecord.findFirst({ where: { minutesId: minutes.id }, select: { id: true } })) {
    throw invalid("minutesAlreadyUsed", {}, { minutesId: "minutesAlreadyUsed" });
  }

  const setAside = await countIndividualVotes(db, ballot.id, village.id);
  const hasVotes = setAside.WEB + setAside.PAPER + setAside.ASSISTED > 0;
  if (hasVotes && values.sourceChoice === null) {
    throw new AppError("individualVotesExist", 409, { village: village.name, ...setAside });
  }
  const quorumOf = (q: (typeof ballot.questions)[number]) => meetingHasQuorum(values.householdsPresent, householdsTotal, q.quorumPercent);
  if (values.sourceChoice === "MEETING" && ballot.questions.some((q) => !quorumOf(q))) {
    const quorum = Math.max(...ballot.questions.map((q) => q.quorumPercent ?? 0));
    throw invalid("meetingLacksQuorum", { present: values.householdsPresent, total: householdsTotal, quorum }, { householdsPresent: "meetingLacksQuorum" });
  }

  // The meeting over the votes already cast: a proposal (by staff) for the Front to confirm.
  const proposes = hasVotes && values.sourceChoice === "MEETING";
  const mayPropose = access.roles.some((r) => STAFF_ROLES.includes(r));
  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, ballot.id);
    const meeting = await tx.meetingRecord.create({
      data: {
        communeId: access.communeId,
        consultationId: ballot.id,
        villageId: village.id,
        heldAt,
        form: values.form,
        householdsPresent: values.householdsPresent,
        householdsTotal,
        minutesId: minutes.id,
        notes: values.notes || null,
        enteredById: access.userId,
      },
      select: { id: true },
    });
    await tx.meetingTally.createMany({
      data: ballot.questions.flatMap((q) => q.options.map((o) => ({ communeId: access.communeId, meetingId: meeting.id, questionId: q.id, optionId: o.id, count: tallies.get(o.id) ?? 0 }))),
    });
    // Per question: the meeting counts when it has the quorum and no individual votes compete, or
    // when the recorder chose it over them; otherwise the individual votes keep counting.
    const sources: Record<string, TallySource | "unchanged"> = {};
    for (const q of ballot.questions) {
      const source: TallySource | null = !quorumOf(q) || proposes ? (hasVotes ? "INDIVIDUAL" : null) : hasVotes ? values.sourceChoice! : "MEETING";
      sources[q.id] = source ?? "unchanged";
      if (!source) continue;
      const row = { source, meetingId: source === "MEETING" ? meeting.id : null, reason: values.reason || null, decidedById: access.userId, decidedAt: new Date() };
      await tx.villageTallySource.upsert({
        where: { questionId_villageId: { questionId: q.id, villageId: village.id } },
        create: { communeId: access.communeId, questionId: q.id, villageId: village.id, ...row },
        update: row,
      });
    }
    const proposal =
      proposes && mayPropose
        ? await proposeMeetingCount(tx, access, { consultationId: ballot.id, villageId: village.id, village: village.name, meetingId: meeting.id, reason: values.reason || "—" }, setAside)
        : null;
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "meeting.record",
      entityType: "MeetingRecord",
      entityId: meeting.id,
      after: { ...values, heldAt, householdsTotal },
      details: {
        consultationId: ballot.id,
        villageId: village.id,
        village: village.name,
        heldAt: heldAt.toISOString(),
        form: values.form,
        householdsPresent: values.householdsPresent,
        householdsTotal,
        sources,
        // What the choice set aside: the individual votes (if the meeting counts) or the meeting.
        ...(hasVotes ? { choice: values.sourceChoice!, setAside: proposes ? {} : { meeting: 1 } } : {}),
        ...(proposes ? { meetingCount: proposal ? "PROPOSED" : "STAFF_TO_PROPOSE", proposalId: proposal?.id ?? null } : {}),
      },
    });
    // Nothing is set aside before the Front confirms: `wouldSetAside` is what confirmation would set aside.
    const meetingCount = proposes ? (proposal ? ("PROPOSED" as const) : ("STAFF_TO_PROPOSE" as const)) : null;
    return { id: meeting.id, sources, setAside: null, wouldSetAside: proposes ? setAside : null, meetingCount, proposalId: proposal?.id ?? null, householdsTotal };
  });
}

/** Staff change a village's source later, e.g. after checking the minutes; the reason is required and logged. */
export async function chooseTallySource(
  access: CommuneAccess,
  values: { consultationId: string; villageId: string; source: TallySource; meetingId: string | null; reason: string },
) {
  await checkNotFrozen(db, values.consultationId);
  const ballot = await loadBallot(access.communeId, values.consultationId);
  if (ballot.status !== "PUBLISHED" && ballot.status !== "CLOSED") throw conflict("votingClosed");
  const village = await db.village.findFirst({ where: { id: values.villageId, communeId: access.communeId }, select: { id: true, name: true } });
  if (!village || !isVillageInScope(ballot.window, village.id)) throw notFound("unknownVillage");
  let meeting: { id: string; householdsPresent: number; householdsTotal: number } | null = null;
  if (values.source === "MEETING") {
    meeting = await db.meetingRecord.findFirst({
      where: { id: values.meetingId ?? "", consultationId: ballot.id, villageId: village.id },
      select: { id: true, householdsPresent: true, householdsTotal: true },
    });
    if (!meeting) throw invalid("meetingNotFound");
    const lacking = ballot.questions.find((q) => !meetingHasQuorum(meeting!.householdsPresent, meeting!.householdsTotal, q.quorumPercent));
    if (lacking) throw invalid("meetingLacksQuorum", { present: meeting.householdsPresent, total: meeting.householdsTotal, quorum: lacking.quorumPercent ?? 0 });
  }
  const individual = await countIndividualVotes(db, ballot.id, village.id);
  if (meeting && replacesVotes(individual)) {
    // Setting cast votes aside is the Front's to confirm: staff's choice becomes a proposal.
    const proposal = await db.$transaction((tx) => proposeMeetingCount(tx, access, { consultationId: ballot.id, villageId: village.id, village: village.name, meetingId: meeting!.id, reason: values.reason }, individual));
    return { source: "PROPOSED" as const, proposalId: proposal.id, setAside: null };
  }
  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, ballot.id);
    const before = await tx.villageTallySource.findMany({ where: { questionId: { in: ballot.questions.map((q) => q.id) }, villageId: village.id }, select: { questionId: true, source: true, meetingId: true } });
    for (const q of ballot.questions) {
      const row = { source: values.source, meetingId: meeting?.id ?? null, reason: values.reason, decidedById: access.userId, decidedAt: new Date() };
      await tx.villageTallySource.upsert({
        where: { questionId_villageId: { questionId: q.id, villageId: village.id } },
        create: { communeId: access.communeId, questionId: q.id, villageId: village.id, ...row },
        update: row,
      });
    }
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "tally.source",
      entityType: "VillageTallySource",
      entityId: `${ballot.id}:${village.id}`,
      before,
      after: { source: values.source, meetingId: meeting?.id ?? null, reason: values.reason },
      details: { consultationId: ballot.id, villageId: village.id, village: village.name, source: values.source, setAside: values.source === "MEETING" ? individual : { meeting: 1 } },
    });
    return { source: values.source, proposalId: null, setAside: values.source === "MEETING" ? individual : null };
  });
}
