// Vietnam's public holidays (Bộ luật Lao động 45/2019/QH14, Điều 112):
//   112.1.a New Year: 1 day (1 January);
//   112.1.b Lunar New Year (Tết): 5 days, which days the Prime Minister decides each year;
//   112.1.c Victory Day: 1 day (30 April);   112.1.d International Labour Day: 1 day (1 May);
//   112.1.đ National Day: 2 days (2 September and the day before or after it, as the government sets);
//   112.1.e Hùng Kings' Commemoration Day: 1 day (10th day of the 3rd lunar month).
//   112.3 A holiday on a weekly day off is made up on the next working day.
// Public offices also follow the government's yearly schedule: which days of Tết and which second day of
// National Day, and swaps (a weekday given off in exchange for a Saturday worked). Those are
// GOVERNMENT_DECISIONS below, each with the text that set it: add the year's text when it appears.
// A year without one follows the usual pattern (DEFAULT_* below), to be checked when the text appears;
// a commune adds its own days off through its `extraHolidays` setting (./working-days.ts).

/** The solar holidays, every year (month-day). */
export const FIXED_HOLIDAYS = ["01-01", "04-30", "05-01", "09-02"] as const;

/**
 * The 1st day of the 1st lunar month (Tết) and the 10th day of the 3rd lunar month (Hùng Kings), by
 * Vietnam's lunar calendar. Source: the Vietnamese lunar calendar computed for UTC+7 (Hồ Ngọc Đức's
 * algorithm, the one Vietnamese calendars print), as given by @dqcai/vn-lunar 1.0.1, and checked against
 * the Chinese calendar (lunar-javascript 1.7.7): the same days except Tết 2030, which is 2 February in
 * Vietnam and 3 February in China (the new moon falls before midnight at UTC+7, after it at UTC+8).
 */
export const LUNAR_DATES: Readonly<Record<number, readonly [tet: string, hungKings: string]>> = {
  2024: ["2024-02-10", "2024-04-18"],
  2025: ["2025-01-29", "2025-04-07"],
  2026: ["2026-02-17", "2026-04-26"],
  2027: ["2027-02-06", "2027-04-16"],
  2028: ["2028-01-26", "2028-04-04"],
  2029: ["2029-02-13", "2029-04-23"],
  2030: ["2030-02-02", "2030-04-12"],
  2031: ["2031-01-23", "2031-04-01"],
  2032: ["2032-02-11", "2032-04-19"],
  2033: ["2033-01-31", "2033-04-09"],
  2034: ["2034-02-19", "2034-04-28"],
  2035: ["2035-02-08", "2035-04-17"],
  2036: ["2036-01-28", "2036-04-06"],
  2037: ["2037-02-15", "2037-04-24"],
  2038: ["2038-02-04", "2038-04-13"],
  2039: ["2039-01-24", "2039-04-03"],
  2040: ["2040-02-12", "2040-04-20"],
};

export type GovernmentDecision = {
  /** The text that set the days: number, date and what it decided. */
  source: string;
  /** The weekdays off for Tết (Art. 112.1.b), replacing the usual pattern. */
  tet?: readonly string[];
  /** The second day of National Day (Art. 112.1.đ). */
  nationalDaySecond?: string;
  /** A weekday given off in exchange for a weekend day worked. */
  swaps?: readonly { dayOff: string; workedOn: string }[];
};

/** The government's yearly schedule for public offices, by year. */
export const GOVERNMENT_DECISIONS: Readonly<Record<number, readonly GovernmentDecision[]>> = {
  2025: [
    {
      source: "Thông báo 6150/TB-LĐTBXH ngày 12/11/2024: Tết Ất Tỵ from Sat 25 Jan to Sun 2 Feb 2025; National Day from Sat 30 Aug to Tue 2 Sep 2025",
      tet: ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"],
      nationalDaySecond: "2025-09-01",
    },
    {
      source: "The Prime Minister's approval (April 2025) of the Ministry of Home Affairs' swap for 30/4–1/5: Fri 2 May off, Sat 26 Apr worked (the text's number is not confirmed here)",
      swaps: [{ dayOff: "2025-05-02", workedOn: "2025-04-26" }],
    },
  ],
  2026: [
    {
      source: "Công văn 12729/VPCP-KGVX ngày 25/12/2025: New Year from Thu 1 to Sun 4 Jan 2026; Fri 2 Jan off, Sat 10 Jan worked",
      swaps: [{ dayOff: "2026-01-02", workedOn: "2026-01-10" }],
    },
    {
      source: "The Prime Minister's approval (late 2025) of the Ministry of Home Affairs' plan: Tết Bính Ngọ from Sat 14 to Sun 22 Feb 2026 (the text's number is not confirmed here)",
      tet: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
      nationalDaySecond: "2026-09-01",
    },
  ],
};

const DAY_MS = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;

/**
 * The usual Tết when no decision is listed: the last day of the lunar year and the first four days of
 * the new one (Art. 112.1.b), those on a weekend made up afterwards (Art. 112.3).
 */
export function defaultTet(tet: string): string[] {
  return [-1, 0, 1, 2, 3].map((d) => shift(tet, d));
}

/**
 * The usual second day of National Day when no decision is listed: the day that joins 2 September to
 * the weekend (Tuesday → Monday 1st, Thursday → Friday 3rd), by weekday of 2 September (Sunday first).
 */
const DEFAULT_NATIONAL_DAY_SECOND = ["09-03", "09-03", "09-01", "09-01", "09-03", "09-01", "09-01"] as const;

/** Every weekend day the government made a working day (the other side of a swap). */
const WORKED_WEEKEND_DAYS: ReadonlySet<string> = new Set(
  Object.values(GOVERNMENT_DECISIONS).flatMap((list) => list.flatMap((d) => (d.swaps ?? []).map((s) => s.workedOn))),
);

/** Whether a weekend day was made a working day by a swap. */
export const isWorkedWeekendDay = (iso: string) => WORKED_WEEKEND_DAYS.has(iso);

const cache = new Map<number, ReadonlySet<string>>();

/** Every public holiday (day off) of a year, make-up days included (Art. 112.3). */
export function publicHolidays(year: number): ReadonlySet<string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const decisions = GOVERNMENT_DECISIONS[year] ?? [];
  const lunar = LUNAR_DATES[year];
  const decidedTet = decisions.find((d) => d.tet)?.tet;
  const tet = decidedTet ?? (lunar ? defaultTet(lunar[0]) : []);
  const nationalDay = `${year}-09-02`;
  const second = decisions.find((d) => d.nationalDaySecond)?.nationalDaySecond ?? `${year}-${DEFAULT_NATIONAL_DAY_SECOND[weekday(nationalDay)]}`;
  // Days that are holidays in their own right; those on a weekend are made up below.
  const holidays = [...FIXED_HOLIDAYS.map((md) => `${year}-${md}`), second, ...(lunar ? [lunar[1]] : []), ...(decidedTet ? [] : tet)];
  const days = new Set<string>([...holidays, ...tet, ...decisions.flatMap((d) => (d.swaps ?? []).map((s) => s.dayOff))]);
  for (const day of [...holidays].sort()) {
    if (!isWeekend(day)) continue;
    let makeUp = shift(day, 1);
    while (isWeekend(makeUp) || days.has(makeUp)) makeUp = shift(makeUp, 1);
    days.add(makeUp);
  }
  cache.set(year, days);
  return days;
}

/** Whether the government's schedule for Tết of this year is listed (a page may warn staff when it is not). */
export const hasHolidayList = (year: number) => (GOVERNMENT_DECISIONS[year] ?? []).some((d) => d.tet);
