// The legal clocks of a case, in one place. Each kind follows its own law:
//
// - Petition (kiến nghị) and feedback (phản ánh): the official receiving it replies within 10 WORKING
//   days of receipt, directly or in writing — accepted, transferred to the competent body, or refused
//   with the reason (Law 42/2013/QH13 on Citizen Reception, Art. 28).
// - Complaint (khiếu nại): accepted (thụ lý) or refused within 10 days of receipt (Law on Complaints
//   02/2011/QH13, Art. 27); resolved within 30 days of acceptance, 45 days when complex (Art. 28).
// - Denunciation (tố cáo): entered, classified and handled first within 7 WORKING days of receipt
//   (Law on Denunciations 25/2018/QH14, Art. 24.1); resolved within 30 days of acceptance (Art. 30.1).
//
// "Days" are calendar days, "working days" skip weekends and holidays (lib/calendar). A deadline ends
// at 23:59:59 of its last day, Vietnam time. The commune's own expected resolution time comes from the
// case's category (CaseCategory.expectedResolutionDays): a promise, not a legal limit.
import { addCalendarDays, addWorkingDays } from "@/lib/calendar/working-days";
import type { CaseKind, CaseState } from "@/lib/generated/prisma/enums";

/** Law 42/2013/QH13 Art. 28: reply to a petition or feedback within 10 working days. */
export const PETITION_REPLY_WORKING_DAYS = 10;
/** Law on Complaints 2011 Art. 27: accept or refuse within 10 days of receipt. */
export const COMPLAINT_ACCEPT_DAYS = 10;
/** Law on Complaints 2011 Art. 28: resolve within 30 days of acceptance, 45 when complex. */
export const COMPLAINT_RESOLVE_DAYS = 30;
export const COMPLAINT_COMPLEX_RESOLVE_DAYS = 45;
/** Law on Denunciations 2018 Art. 24.1: classify within 7 working days of receipt. */
export const DENUNCIATION_CLASSIFY_WORKING_DAYS = 7;
/** Law on Denunciations 2018 Art. 30.1: resolve within 30 days of acceptance. */
export const DENUNCIATION_RESOLVE_DAYS = 30;

/** The article each kind's first clock rests on, shown beside the due date ("Luật 42/2013, Điều 28"). */
export const FIRST_CLOCK_LAW: Record<CaseKind, string> = {
  PETITION: "law42Art28",
  FEEDBACK: "law42Art28",
  COMPLAINT: "complaintsArt27",
  DENUNCIATION: "denunciationsArt24",
};

/** The states in which nothing is due any more. */
export const CLOSED_STATES: readonly CaseState[] = ["RESOLVED", "REFUSED", "TRANSFERRED"];
/** States that answer the first clock (the acknowledgement: accepted, refused, transferred…). */
export const ACKNOWLEDGING_STATES: readonly CaseState[] = ["ACCEPTED", "IN_PROGRESS", "RESOLVED", "REFUSED", "TRANSFERRED"];

/** The first clock: reply (petition, feedback), accept (complaint) or classify (denunciation). */
export function firstDueAt(kind: CaseKind, receivedAt: Date, extraHolidays: readonly string[] = []): Date {
  switch (kind) {
    case "PETITION":
    case "FEEDBACK":
      return addWorkingDays(receivedAt, PETITION_REPLY_WORKING_DAYS, extraHolidays);
    case "COMPLAINT":
      return addCalendarDays(receivedAt, COMPLAINT_ACCEPT_DAYS);
    case "DENUNCIATION":
      return addWorkingDays(receivedAt, DENUNCIATION_CLASSIFY_WORKING_DAYS, extraHolidays);
  }
}

/** The legal resolution deadline, counted from acceptance; petitions and feedback have none. */
export function resolveDueAt(kind: CaseKind, acceptedAt: Date, isComplex: boolean): Date | null {
  if (kind === "COMPLAINT") return addCalendarDays(acceptedAt, isComplex ? COMPLAINT_COMPLEX_RESOLVE_DAYS : COMPLAINT_RESOLVE_DAYS);
  if (kind === "DENUNCIATION") return addCalendarDays(acceptedAt, DENUNCIATION_RESOLVE_DAYS);
  return null;
}

/** The commune's expected resolution date, from the category's days. */
export function expectedResolvedAt(receivedAt: Date, expectedResolutionDays: number | null | undefined): Date | null {
  return expectedResolutionDays ? addCalendarDays(receivedAt, expectedResolutionDays) : null;
}

export type ClockedCase = {
  state: CaseState;
  replyDueAt: Date;
  repliedAt: Date | null;
  resolveDueAt: Date | null;
  expectedResolvedAt: Date | null;
  mergedIntoId?: string | null;
};

export type Lateness = "reply" | "resolve" | "expected";

/**
 * Why a case is overdue, or null: no acknowledgement by the first clock, not resolved by the legal
 * deadline, or (petitions and feedback) past the commune's own expected date. Closed and merged cases
 * are never overdue.
 */
export function lateness(c: ClockedCase, now: Date = new Date()): Lateness | null {
  if (CLOSED_STATES.includes(c.state) || c.mergedIntoId) return null;
  if (!c.repliedAt && c.replyDueAt < now) return "reply";
  if (c.resolveDueAt && c.resolveDueAt < now) return "resolve";
  if (c.expectedResolvedAt && c.expectedResolvedAt < now) return "expected";
  return null;
}

/**
 * The deadline the case is now running against, in the order `lateness` checks them: the answer to
 * the sender until it is given, then the legal resolution deadline, else the commune's expected date.
 */
export function nextDueAt(c: ClockedCase): Date {
  if (!c.repliedAt) return c.replyDueAt;
  return c.resolveDueAt ?? c.expectedResolvedAt ?? c.replyDueAt;
}

export const isOverdue = (c: ClockedCase, now: Date = new Date()) => lateness(c, now) !== null;

/** Prisma filter for overdue cases (the same rule as `lateness`, in SQL). */
export function overdueWhere(now: Date = new Date()) {
  return {
    state: { notIn: [...CLOSED_STATES] },
    mergedIntoId: null,
    OR: [
      { repliedAt: null, replyDueAt: { lt: now } },
      { resolveDueAt: { lt: now } },
      { expectedResolvedAt: { lt: now } },
    ],
  };
}

/** Four weeks after RESOLVED the sender is asked "Has it been fixed?". */
export const FIX_CHECK_DAYS = 28;
export const fixCheckDueAt = (resolvedAt: Date) => new Date(resolvedAt.getTime() + FIX_CHECK_DAYS * 24 * 60 * 60 * 1000);
