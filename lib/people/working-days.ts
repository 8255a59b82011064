// "Within 2 working days" (Decree 356/2025): Monday to Friday in Vietnam, skipping the fixed public
// holidays. Tết and the Hùng Kings' day follow the lunar calendar; communes add their dates through
// the `extraHolidays` argument (YYYY-MM-DD), which the commune's settings supply.
const FIXED_HOLIDAYS = ["01-01", "04-30", "05-01", "09-02"]; // New Year, Reunification, Labour, National Day

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function isWorkingDay(vnDate: Date, extraHolidays: ReadonlySet<string>): boolean {
  const day = vnDate.getUTCDay();
  if (day === 0 || day === 6) return false;
  const iso = vnDate.toISOString().slice(0, 10);
  return !FIXED_HOLIDAYS.includes(iso.slice(5)) && !extraHolidays.has(iso);
}

/** The end (23:59:59.999 Vietnam time) of the n-th working day after `from`. */
export function addWorkingDays(from: Date, n: number, extraHolidays: string[] = []): Date {
  const extra = new Set(extraHolidays);
  // Work on a Date whose UTC fields are the Vietnam wall-clock date.
  let cursor = new Date(Date.UTC(...vnYmd(from)));
  let left = n;
  while (left > 0) {
    cursor = new Date(cursor.getTime() + DAY_MS);
    if (isWorkingDay(cursor, extra)) left -= 1;
  }
  return new Date(cursor.getTime() + DAY_MS - 1 - OFFSET_MS);
}

function vnYmd(instant: Date): [number, number, number] {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
}
