// The legal rules of a community investment supervision board (Ban giám sát đầu tư của cộng đồng), in
// one place. Law 10/2022/QH15 on grassroots democracy:
// - Art. 41.1: the Front sets up one board per programme or project; it has at least 5 members.
// - Decree 59/2023/NĐ-CP Art. 17.2: of them, at most 5 are residents (the Front and the People's
//   Inspection Board make up the rest).
// - Art. 42: members are the Front, the People's Inspection Board and residents of the affected villages;
//   none may be related to the investor, the contractor or the supervisor (a signed declaration each).
// - Art. 45.1.b: the Front notifies the investor of the plan and the members at least 45 days before
//   supervision starts.
// - Art. 45.2.c: the People's Committee (and the investor) answers the board within 15 days.
//
// Days are calendar days counted on Vietnam's dates (UTC+7). Law figures are floors.
import { addDaysVn, endOfDayVn, toVnDate } from "@/lib/consultations/periods";

/** Law 10/2022 Art. 41.1: at least 5 members. */
export const MIN_MEMBERS = 5;
/** Decree 59/2023 Art. 17.2: at most 5 resident members. */
export const MAX_RESIDENT_MEMBERS = 5;
/** Law 10/2022 Art. 45.1.b: the investor is notified at least 45 days before supervision starts. */
export const NOTIFY_DAYS_AHEAD = 45;
/** Law 10/2022 Art. 45.2.c: answers within 15 days. */
export const ANSWER_WITHIN_DAYS = 15;

const DAY_MS = 24 * 3600 * 1000;

/** Whole calendar days between two Vietnam dates (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The notice is in time: sent at least 45 days before the start (exactly 45 is enough). */
export const isNotifiedInTime = (notifiedOn: string, startOn: string) => daysBetween(notifiedOn, startOn) >= NOTIFY_DAYS_AHEAD;

/** The earliest start date for a notice sent on `notifiedOn`. */
export const earliestStart = (notifiedOn: string) => addDaysVn(notifiedOn, NOTIFY_DAYS_AHEAD);

/** The end of the last day (Vietnam time) for answering a request sent at `sentAt`. */
export const answerDeadline = (sentAt: Date) => endOfDayVn(addDaysVn(toVnDate(sentAt), ANSWER_WITHIN_DAYS));

export type AnswerClock =
  | { state: "open"; deadline: Date; daysLeft: number }
  | { state: "overdue"; deadline: Date; daysLate: number }
  | { state: "answered"; deadline: Date; answeredAt: Date; onTime: boolean };

/** Where a request stands against its 15-day clock. */
export function answerClock(r: { sentAt: Date; answeredAt: Date | null }, now = new Date()): AnswerClock {
  const deadline = answerDeadline(r.sentAt);
  if (r.answeredAt) return { state: "answered", deadline, answeredAt: r.answeredAt, onTime: r.answeredAt <= deadline };
  const days = daysBetween(toVnDate(now), toVnDate(deadline));
  return now > deadline ? { state: "overdue", deadline, daysLate: -days } : { state: "open", deadline, daysLeft: days };
}

export type MemberPlan = { kind: "FRONT" | "INSPECTION_BOARD" | "RESIDENT"; declared: boolean };

/** What is wrong with a board's composition (Art. 41.1, 42; Decree 59 Art. 17.2), or null. */
export function compositionProblem(members: readonly MemberPlan[]): { code: string; params?: Record<string, number> } | null {
  if (members.length < MIN_MEMBERS) return { code: "supervisionTooFewMembers", params: { min: MIN_MEMBERS, count: members.length } };
  if (!members.some((m) => m.kind === "FRONT")) return { code: "supervisionNoFrontMember" };
  const residents = members.filter((m) => m.kind === "RESIDENT").length;
  if (residents === 0) return { code: "supervisionNoResidentMember" };
  if (residents > MAX_RESIDENT_MEMBERS) return { code: "supervisionTooManyResidents", params: { max: MAX_RESIDENT_MEMBERS, count: residents } };
  if (members.some((m) => !m.declared)) return { code: "supervisionDeclarationMissing" };
  return null;
}

/** A Vietnam date (YYYY-MM-DD) as the value of a @db.Date column, and back. */
export const dateOnly = (date: string) => new Date(`${date}T00:00:00Z`);
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
