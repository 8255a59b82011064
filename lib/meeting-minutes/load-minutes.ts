// What the ballot-count minutes print, read from the meeting record as the village head entered it.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

import type { MinutesInput } from "./ballot-count-minutes";

export async function loadMinutesInput(communeId: string, meetingId: string): Promise<MinutesInput> {
  const meeting = await db.meetingRecord.findFirst({
    where: { id: meetingId, communeId },
    select: {
      heldAt: true,
      form: true,
      householdsPresent: true,
      householdsTotal: true,
      notes: true,
      villageId: true,
      consultation: { select: { title: true, commune: { select: { name: true } } } },
      tallies: { select: { questionId: true, optionId: true, count: true } },
    },
  });
  if (!meeting) throw notFound("meetingNotFound");
  const [village, questions] = await Promise.all([
    db.village.findUniqueOrThrow({ where: { id: meeting.villageId }, select: { name: true } }),
    db.ballotQuestion.findMany({
      where: { id: { in: [...new Set(meeting.tallies.map((t) => t.questionId))] } },
      select: { id: true, position: true, text: true, options: { select: { id: true, label: true }, orderBy: { position: "asc" } } },
      orderBy: { position: "asc" },
    }),
  ]);
  return {
    communeName: meeting.consultation.commune.name,
    villageName: village.name,
    consultationTitle: meeting.consultation.title,
    heldAt: meeting.heldAt,
    form: meeting.form,
    householdsPresent: meeting.householdsPresent,
    householdsTotal: meeting.householdsTotal,
    notes: meeting.notes,
    questions: questions.map((q) => ({
      position: q.position,
      text: q.text,
      options: q.options.map((o) => ({ label: o.label, count: meeting.tallies.find((t) => t.optionId === o.id)?.count ?? 0 })),
    })),
  };
}
