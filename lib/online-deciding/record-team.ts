// The online-voting team of a village (Decree 59/2023 Art. 5): 3 to 5 people led by the Front's
// representative. Recording it replaces the team recorded before; a team the rule refuses is not written.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";
import { assertNotFrozen } from "@/lib/reports/freeze";

import { checkTeam, type TeamMember } from "./online-deciding-rules";
import { assertVoteNotClosed, loadVillageFor, villageRecord } from "./village-scope";

export async function recordTeam(access: CommuneAccess, input: { consultationId: string; villageId: string; members: TeamMember[] }, now = new Date()) {
  const refusal = checkTeam(input.members);
  if (refusal) throw new AppError(refusal.code, 422, refusal.params, { members: refusal.code });
  const { consultation, village } = await loadVillageFor(access, input.consultationId, input.villageId);
  assertVoteNotClosed(consultation, now);
  return db.$transaction(async (tx) => {
    await assertNotFrozen(tx, consultation.id);
    const record = await villageRecord(tx, access.communeId, consultation.id, village.id);
    const before = await tx.onlineVotingTeamMember.findMany({ where: { onlineDecidingId: record.id }, select: { fullName: true, role: true, isLeader: true }, orderBy: { position: "asc" } });
    await tx.onlineVotingTeamMember.deleteMany({ where: { onlineDecidingId: record.id } });
    await tx.onlineVotingTeamMember.createMany({ data: input.members.map((m, position) => ({ ...m, position, onlineDecidingId: record.id })) });
    await tx.onlineDeciding.update({ where: { id: record.id }, data: { updatedById: access.userId } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "onlineDeciding.team",
      entityType: "OnlineDeciding",
      entityId: record.id,
      before,
      after: input.members,
      details: { consultationId: consultation.id, villageId: village.id, village: village.name, members: input.members.length },
    });
    return { villageId: village.id, members: input.members.length };
  });
}
