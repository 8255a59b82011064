// The day a change to the household list takes effect, and the day a count reads the list on.
// The list is kept by the day (a death, a move away, a merge happen "on 5 March"), in Vietnam's time.
// A change counts from the start of its day: a household that moved away on the last day of voting is
// no longer on the list that day. The day is handed to the database triggers that keep the periods
// (prisma/migrations/*_living_household_list) through a setting local to the transaction.
import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";

const VIETNAM = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/** "2026-03-05": the day in Vietnam at this instant. */
export const dayOf = (instant: Date): string => VIETNAM.format(instant);

/** Today in Vietnam. */
export const today = (now = new Date()): string => dayOf(now);

/** The day before, as "YYYY-MM-DD". */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A day as stored in a DATE column (midnight UTC). */
export const dateOfDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/**
 * A change takes effect on a day that has come: the list records what happened, not what is planned
 * (so the list as it stands today is always the current rows). Days before the list began are refused.
 */
export function checkEffectiveDay(day: string, now = new Date()): string {
  const parsed = Date.parse(`${day}T00:00:00Z`);
  // A day that exists: "2026-02-30" parses (as 2 March) but is no day.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== day) throw invalid("listDayInvalid", {}, { effectiveOn: "listDayInvalid" });
  if (day > today(now)) throw invalid("listDayInFuture", { today: today(now) }, { effectiveOn: "listDayInFuture" });
  if (day < "1900-01-02") throw invalid("listDayInvalid", {}, { effectiveOn: "listDayInvalid" });
  return day;
}

/** Every change to Household and Resident rows in this transaction takes effect on `day`. */
export async function setListDay(tx: Tx, day: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('danban.list_day', ${day}, true)`;
}
