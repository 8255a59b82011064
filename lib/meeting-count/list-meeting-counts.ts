// Every proposal to count a village by its meeting, with who proposed and what the Front decided:
// shown on the results page and to the Front, so anyone can see why a village's votes were set aside.
import { db } from "@/lib/db";

export async function listMeetingCountProposals(communeId: string, consultationId: string) {
  const rows = await db.meetingCountProposal.findMany({
    where: { communeId, consultationId },
    select: { id: true, villageId: true, meetingId: true, reason: true, status: true, proposedAt: true, decidedAt: true, decisionNote: true },
    orderBy: { proposedAt: "asc" },
  });
  const [villages, meetings] = await Promise.all([
    db.village.findMany({ where: { id: { in: rows.map((r) => r.villageId) } }, select: { id: true, name: true } }),
    db.meetingRecord.findMany({ where: { id: { in: rows.map((r) => r.meetingId) } }, select: { id: true, heldAt: true } }),
  ]);
  return rows.map((r) => ({
    ...r,
    village: villages.find((v) => v.id === r.villageId)?.name ?? "—",
    meetingHeldAt: meetings.find((m) => m.id === r.meetingId)?.heldAt ?? null,
  }));
}
