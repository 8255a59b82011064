// Proposals to count a village by its meeting that wait for the Front, across the commune.
import { db } from "@/lib/db";

export async function listPendingMeetingCounts(communeId: string) {
  const rows = await db.meetingCountProposal.findMany({
    where: { communeId, status: "PROPOSED" },
    select: { id: true, consultationId: true, villageId: true, meetingId: true, reason: true, proposedAt: true },
    orderBy: { proposedAt: "asc" },
  });
  const [villages, meetings, consultations] = await Promise.all([
    db.village.findMany({ where: { id: { in: rows.map((r) => r.villageId) } }, select: { id: true, name: true } }),
    db.meetingRecord.findMany({ where: { id: { in: rows.map((r) => r.meetingId) } }, select: { id: true, heldAt: true, householdsPresent: true, householdsTotal: true } }),
    db.consultation.findMany({ where: { id: { in: rows.map((r) => r.consultationId) } }, select: { id: true, title: true } }),
  ]);
  return rows.map((r) => ({
    ...r,
    village: villages.find((v) => v.id === r.villageId)?.name ?? "—",
    meeting: meetings.find((m) => m.id === r.meetingId) ?? null,
    consultation: consultations.find((c) => c.id === r.consultationId)?.title ?? "—",
  }));
}
