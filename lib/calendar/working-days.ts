// Working days in Vietnam: Monday to Friday, except public holidays (./holidays.ts, Labour Code 2019
// Art. 112, with the government's yearly schedule) and the commune's own extra days off (`extraHolidays`
// in its settings, YYYY-MM-DD); plus a Saturday the government made a working day in a swap.
// Dates are Vietnam's (UTC+7, no daylight saving), whatever the server's time zone.
import { isWorkedWeekendDay, publicHolidays } from "./holidays";

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Vietnam calendar date of an instant, YYYY-MM-DD. */
export function vnDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

function isWorkingIso(iso: string, extra: ReadonlySet<string>): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return isWorkedWeekendDay(iso) && !extra.has(iso);
  return !publicHolidays(Number(iso.slice(0, 4))).has(iso) && !extra.has(iso);
}

/** Whether the Vietnam date of `instant` is a working day. */
export function isWorkingDay(instant: Date, extraHolidays: readonly string[] = []): boolean {
  return isWorkingIso(vnDate(instant), new Set(extraHolidays));
}

/** The end (23:59:59.999 Vietnam time) of the n-th working day after `from` (the day of `from` not counted). */
export function addWorkingDays(from: Date, n: number, extraHolidays: readonly string[] = []): Date {
  const extra = new Set(extraHolidays);
  let cursor = Date.parse(`${vnDate(from)}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    cursor += DAY_MS;
    if (isWorkingIso(new Date(cursor).toISOString().slice(0, 10), extra)) left -= 1;
  }
  return new Date(cursor + DAY_MS - 1 - OFFSET_MS);
}

/** The end (23:59:59.999 Vietnam time) of the n-th calendar day after `from` ("within 30 days"). */
export function addCalendarDays(from: Date, n: number): Date {
  return new Date(Date.parse(`${vnDate(from)}T00:00:00Z`) + (n + 1) * DAY_MS - 1 - OFFSET_MS);
}
