// Staff (and the village head for their own village) record the steps of online deciding in a village
// (Decree 59/2023 Art. 5): the agreement of the head and the Front working committee, the notice to the
// People's Committee and the Front, and — after the vote — the day the form 03 minutes were sent.
// Each is audited; a report already with the Front freezes them (lib/reports/freeze.ts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { assertNotFrozen } from "@/lib/reports/freeze";

import { assertVoteNotClosed, loadVillageFor, villageRecord } from "./village-scope";

type VillageRef = { consultationId: string; villageId: string };

async function recordStep(access: CommuneAccess, ref: VillageRef, action: string, data: Record<string, Date | string>, now: Date) {
  const { consultation, village } = await loadVillageFor(access, ref.consultationId, ref.villageId);
  if (!("minutesSentOn" in data)) assertVoteNotClosed(consultation, now);
  for (const [field, value] of Object.entries(data)) {
    // A record of something done: never a day in the future.
    if (value instanceof Date && value > now) throw invalid("dateInFuture", {}, { [field]: "dateInFuture" });
  }
  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, consultation.id);
    const before = await villageRecord(tx, access.communeId, consultation.id, village.id);
    const after = await tx.onlineDeciding.update({ where: { id: before.id }, data: { ...data, updatedById: access.userId }, select: { id: true } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action,
      entityType: "OnlineDeciding",
      entityId: after.id,
      before,
      after: data,
      details: { consultationId: consultation.id, villageId: village.id, village: village.name },
    });
    return { villageId: village.id };
  });
}

const day = (iso: string) => startOfDayVn(iso);

export function recordAgreement(access: CommuneAccess, input: VillageRef & { agreedOn: string; villageHeadName: string; frontCommitteeName: string }, now = new Date()) {
  return recordStep(access, input, "onlineDeciding.agreement", { agreedOn: day(input.agreedOn), villageHeadName: input.villageHeadName, frontCommitteeName: input.frontCommitteeName }, now);
}

export function recordNotice(access: CommuneAccess, input: VillageRef & { notifiedOn: string }, now = new Date()) {
  return recordStep(access, input, "onlineDeciding.notice", { notifiedOn: day(input.notifiedOn) }, now);
}

export async function recordMinutesSent(access: CommuneAccess, input: VillageRef & { sentOn: string }, now = new Date()) {
  const { consultation } = await loadVillageFor(access, input.consultationId, input.villageId);
  const closedAt = consultation.closedAt ?? consultation.commentEndsAt;
  // The minutes are of a closed vote: sent on or after the day it closed.
  if (!closedAt || closedAt > now || input.sentOn < toVnDate(closedAt)) throw invalid("minutesBeforeClose", {}, { sentOn: "minutesBeforeClose" });
  return recordStep(access, input, "onlineDeciding.minutesSent", { minutesSentOn: day(input.sentOn) }, now);
}
