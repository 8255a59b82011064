// A village meeting's record holds the opinions raised at it (entered with channel MEETING and the
// meeting named: enter-opinion.ts), each shown with its answer on the meeting's page.
import { db } from "@/lib/db";

/** The opinions of each meeting of a consultation, by meeting id, in number order. */
export async function listMeetingOpinions(communeId: string, consultationId: string) {
  const rows = await db.opinion.findMany({
    where: { communeId, consultationId, meetingId: { not: null } },
    select: { id: true, number: true, body: true, stance: true, meetingId: true, answer: { select: { kind: true, body: true } } },
    orderBy: { number: "asc" },
  });
  const byMeeting = new Map<string, typeof rows>();
  for (const row of rows) byMeeting.set(row.meetingId!, [...(byMeeting.get(row.meetingId!) ?? []), row]);
  return byMeeting;
}

export type MeetingOpinion = Awaited<ReturnType<typeof listMeetingOpinions>> extends Map<string, (infer T)[]> ? T : never;
