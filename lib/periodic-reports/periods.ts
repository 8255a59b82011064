// The periods the People's Committee reports on: a quarter, a half-year or a year, counted in Vietnam
// time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). The parser is the one the People's Inspection Board's
// reports use (lib/inspection/rules.ts), so "2026-Q4" means the same days everywhere in the product.
import { vnDate } from "@/lib/calendar/working-days";
import { currentPeriods, parseReportPeriod, periodLabel, type ReportPeriod } from "@/lib/inspection/rules";

export { parseReportPeriod, periodLabel, type ReportPeriod };

/** The first and the last calendar day of the period (YYYY-MM-DD, Vietnam time); `to` is exclusive. */
export const periodDays = (p: ReportPeriod) => ({ firstDay: vnDate(p.from), lastDay: vnDate(new Date(p.to.getTime() - 1)) });

/** Whether an instant falls inside the period: from its first moment to the last millisecond of its last day. */
export const isInPeriod = (p: Pick<ReportPeriod, "from" | "to">, instant: Date) => instant.getTime() >= p.from.getTime() && instant.getTime() < p.to.getTime();

/** The quarters ("2026-Q3") a period covers: ratings are kept per quarter only (lib/ratings). */
export function quartersOf(p: ReportPeriod): string[] {
  if (p.kind === "QUARTER") return [p.key];
  const first = p.kind === "HALF" ? (p.index - 1) * 2 + 1 : 1;
  const count = p.kind === "HALF" ? 2 : 4;
  return Array.from({ length: count }, (_, i) => `${p.year}-Q${first + i}`);
}

/** The quarter `now` is in and the one before it: the quarterly list is drawn up for the quarter just ended. */
export function currentAndPreviousQuarter(now = new Date()): [string, string] {
  const q = parseReportPeriod(currentPeriods(now)[0]!)!;
  return [q.key, q.index === 1 ? `${q.year - 1}-Q4` : `${q.year}-Q${q.index - 1}`];
}

/** The periods offered on the staff page: the current and previous quarter, the half-years and the year. */
export function offeredPeriods(now = new Date()): string[] {
  const [quarter, previous] = currentAndPreviousQuarter(now);
  const year = Number(quarter.slice(0, 4));
  return [...new Set([quarter, previous, `${year}-H1`, `${year}-H2`, String(year), String(year - 1)])];
}
