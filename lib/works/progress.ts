// The rules of a work's progress and status, in one place.
import type { WorkStatus } from "@/lib/generated/prisma/enums";

/**
 * The progress and status a milestone leaves the work in. A work DONE is complete: its progress is 100,
 * whatever was typed. A progress of 100 alone does not close the work (acceptance, nghiệm thu, is a
 * separate step the staff record with the status).
 */
export function afterMilestone(current: { status: WorkStatus; progress: number }, change: { progress: number | null; toStatus: WorkStatus | null }) {
  const status = change.toStatus ?? current.status;
  const progress = status === "DONE" ? 100 : (change.progress ?? current.progress);
  return { status, progress };
}

/** Which statuses may follow which. DONE and CANCELLED are final. */
export const NEXT_WORK_STATUSES: Record<WorkStatus, readonly WorkStatus[]> = {
  PLANNED: ["IN_PROGRESS", "CANCELLED"],
  IN_PROGRESS: ["PAUSED", "DONE", "CANCELLED"],
  PAUSED: ["IN_PROGRESS", "CANCELLED"],
  DONE: [],
  CANCELLED: [],
};
