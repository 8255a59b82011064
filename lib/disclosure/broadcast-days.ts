// Loudspeaker broadcasts are recorded as calendar days (PostgreSQL `date`, Vietnam's calendar): the
// law asks for at least 3 consecutive days for some items (Law 10/2022, Art. 13.3). Days are compared
// as calendar dates, never as instants, so month and year ends and leap days count like any other day.
import { isIsoDate } from "@/lib/consultations/periods";

/** Art. 13.3: "ít nhất 03 ngày liên tục". */
export const REQUIRED_BROADCAST_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

export type BroadcastRun = { days: number; from: string | null; to: string | null };

/** A `date` column comes back from the driver as midnight UTC: its UTC date is the stored date. */
export const dateColumnToIso = (value: Date) => value.toISOString().slice(0, 10);

/** The stored value of a calendar date, for a `date` column. */
export const isoToDateColumn = (date: string) => new Date(`${date}T00:00:00Z`);

/** The dates once each, in calendar order; anything that is not a real date is dropped. */
export function normaliseDates(dates: readonly string[]): string[] {
  return [...new Set(dates.filter(isRealDate))].sort();
}

/** "2026-02-30" passes a pattern check but is no day of the calendar. */
export function isRealDate(value: string): boolean {
  return isIsoDate(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** The longest run of consecutive calendar days among the dates (the earliest such run on a tie). */
export function longestConsecutiveRun(dates: readonly string[]): BroadcastRun {
  const days = normaliseDates(dates);
  let best: BroadcastRun = { days: 0, from: null, to: null };
  let start = 0;
  for (let i = 0; i < days.length; i++) {
    const continues = i > 0 && Date.parse(days[i]!) - Date.parse(days[i - 1]!) === DAY_MS;
    if (!continues) start = i;
    const length = i - start + 1;
    if (length > best.days) best = { days: length, from: days[start]!, to: days[i]! };
  }
  return best;
}

export const makesConsecutiveDays = (dates: readonly string[], required = REQUIRED_BROADCAST_DAYS) =>
  longestConsecutiveRun(dates).days >= required;
