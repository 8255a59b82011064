import "server-only";

// The dashboard's figures over time: a year's four quarters, each computed exactly as the periodic
// report computes it (lib/periodic-reports/figures.ts), plus the year itself for the per-village view.
import { vnDate } from "@/lib/calendar/working-days";
import { computeFigures, type PeriodicFigures } from "@/lib/periodic-reports/figures";
import { parseReportPeriod } from "@/lib/periodic-reports/periods";

export type DashboardData = { year: number; quarters: PeriodicFigures[]; total: PeriodicFigures };

/** The quarters of `year` that have begun by `now` (a future quarter has nothing to show), and the year. */
export async function dashboardData(communeId: string, year: number, now = new Date()): Promise<DashboardData> {
  const keys = [1, 2, 3, 4].map((q) => parseReportPeriod(`${year}-Q${q}`)!).filter((p) => p.from.getTime() <= now.getTime());
  const quarters: PeriodicFigures[] = [];
  // One after the other: each reads several tables, and the connection pool is shared with the pages.
  for (const p of keys) quarters.push(await computeFigures(communeId, p, now));
  const total = await computeFigures(communeId, parseReportPeriod(String(year))!, now);
  return { year, quarters, total };
}

/** The rows of the "over time" table and chart: one per quarter. */
export function quarterRows(data: DashboardData) {
  return data.quarters.map((q) => ({
    key: q.period.key,
    disclosed: q.disclosed.count,
    consulted: q.consulted.count,
    decided: q.decided.count,
    opinionsReceived: q.opinions.received,
    opinionsAnswered: q.opinions.answered,
    meetings: q.meetings.count,
    casesReceived: q.cases.received,
    casesResolved: q.cases.resolved,
    dialogues: q.dialogues.held,
    ratingAnswers: q.ratings.answers,
    ratingOverall: q.ratings.overall,
  }));
}

/** The year asked for in the address, within reason; else the current year (Vietnam time). */
export function dashboardYear(asked: string | undefined, now = new Date()): number {
  const current = Number(vnDate(now).slice(0, 4));
  const year = Number(asked);
  return Number.isInteger(year) && year >= 2023 && year <= current ? year : current;
}
