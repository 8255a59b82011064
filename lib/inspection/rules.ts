// The People's Inspection Board's legal clocks and floors, in one place.
import { addCalendarDays, addWorkingDays, vnDate } from "@/lib/calendar/working-days";

/**
 * Decree 59/2023/NĐ-CP Art. 14: each inspection plan is sent to the commune Front, the chair of the
 * People's Committee and the subject at least 5 working days before the inspection starts.
 */
export const PLAN_NOTICE_WORKING_DAYS = 5;
export const PLAN_NOTICE_ARTICLE = "Điều 14 Nghị định 59/2023/NĐ-CP";

/**
 * Law 10/2022/QH15 Art. 40.1: the People's Committee answers the board's recommendations within 15
 * days (calendar days, from the day the countersigned recommendation reaches it).
 */
export const RECOMMENDATION_ANSWER_DAYS = 15;
export const RECOMMENDATION_ARTICLE = "Khoản 1 Điều 40 Luật Thực hiện dân chủ ở cơ sở 2022";

/** Law 10/2022 Art. 36: one member elected per village, at least 5. */
export const BOARD_MIN_MEMBERS = 5;
export const BOARD_ARTICLE = "Điều 36 Luật Thực hiện dân chủ ở cơ sở 2022";

/** Law 10/2022 Art. 40.2.d: the Front countersigns the board's minutes and recommendations. */
export const COUNTERSIGN_ARTICLE = "điểm d khoản 2 Điều 40 Luật Thực hiện dân chủ ở cơ sở 2022";

/**
 * The earliest day (YYYY-MM-DD, Vietnam time) an inspection may start when its plan is sent at
 * `sentAt`: the 5th working day after the day of sending. Starting on that day is allowed; a day
 * earlier is refused.
 */
export function earliestPlanStart(sentAt: Date, extraHolidays: readonly string[] = []): string {
  return vnDate(addWorkingDays(sentAt, PLAN_NOTICE_WORKING_DAYS, extraHolidays));
}

/** Whether a plan sent at `sentAt` gives the notice the law asks for an inspection starting `startsOn` (YYYY-MM-DD). */
export function planNoticeIsEnough(sentAt: Date, startsOn: string, extraHolidays: readonly string[] = []): boolean {
  return startsOn >= earliestPlanStart(sentAt, extraHolidays);
}

/** The end of the 15th day after the recommendation reached the People's Committee. */
export function recommendationDueAt(sentAt: Date): Date {
  return addCalendarDays(sentAt, RECOMMENDATION_ANSWER_DAYS);
}

export type AnswerClock = { state: "waiting" | "overdue" | "answered" | "answeredLate"; daysLeft: number };

/** Where a recommendation stands against its 15 days: waiting (days left), overdue, answered (on time or late). */
export function answerClock(item: { dueAt: Date | null; answeredAt: Date | null }, now = new Date()): AnswerClock | null {
  if (!item.dueAt) return null;
  if (item.answeredAt) return { state: item.answeredAt.getTime() <= item.dueAt.getTime() ? "answered" : "answeredLate", daysLeft: 0 };
  const days = Math.round((Date.parse(`${vnDate(item.dueAt)}T00:00:00Z`) - Date.parse(`${vnDate(now)}T00:00:00Z`)) / 86_400_000);
  if (now.getTime() > item.dueAt.getTime()) return { state: "overdue", daysLeft: days };
  return { state: "waiting", daysLeft: days };
}

export type ReportPeriod = { key: string; kind: "QUARTER" | "HALF" | "YEAR"; year: number; index: number; from: Date; to: Date };

const vnMidnight = (y: number, m: number) => new Date(Date.UTC(y, m, 1) - 7 * 3_600_000);

/**
 * Decree 59/2023 Art. 14: the board reports to the Front each quarter, half-year and year. A period is
 * "2026-Q4", "2026-H2" or "2026"; `from` inclusive, `to` exclusive, in Vietnam time.
 */
export function parseReportPeriod(key: string): ReportPeriod | null {
  const m = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (!m[2]) return { key, kind: "YEAR", year, index: 1, from: vnMidnight(year, 0), to: vnMidnight(year + 1, 0) };
  const index = Number(m[2].slice(1));
  if (m[2][0] === "Q") return { key, kind: "QUARTER", year, index, from: vnMidnight(year, (index - 1) * 3), to: vnMidnight(year, index * 3) };
  return { key, kind: "HALF", year, index, from: vnMidnight(year, (index - 1) * 6), to: vnMidnight(year, index * 6) };
}

/** The quarter, half-year and year `now` falls in (Vietnam time). */
export function currentPeriods(now = new Date()): string[] {
  const [y, mo] = vnDate(now).split("-").map(Number) as [number, number];
  return [`${y}-Q${Math.ceil(mo / 3)}`, `${y}-H${mo <= 6 ? 1 : 2}`, String(y)];
}

export function periodLabel(p: ReportPeriod): string {
  if (p.kind === "YEAR") return `năm ${p.year}`;
  if (p.kind === "HALF") return `${p.index === 1 ? "6 tháng đầu" : "6 tháng cuối"} năm ${p.year}`;
  return `quý ${["I", "II", "III", "IV"][p.index - 1]} năm ${p.year}`;
}
