// Vietnam's public holidays (Labour Code 2019 Art. 112, Bộ luật Lao động 45/2019/QH14):
//   112.1.a New Year: 1 day (1 January);
//   112.1.b Lunar New Year (Tết): 5 days, which days the Prime Minister decides each year;
//   112.1.c Victory Day: 1 day (30 April);   112.1.d International Labour Day: 1 day (1 May);
//   112.1.đ National Day: 2 days (2 September and the day before or after it, as the government sets);
//   112.1.e Hùng Kings' Commemoration Day: 1 day (10th day of the 3rd lunar month).
//   112.3 A holiday on a weekly day off is made up on the next working day.
// Tết and the Hùng Kings' day follow the lunar calendar and the government fixes the days off each
// year, so they are a maintained list below (weekdays off for public offices, any make-up day
// included). Years beyond the government's notice follow the usual pattern and MUST be checked when
// the notice appears; a commune adds or corrects days through its `extraHolidays` setting.

/** The solar holidays, every year (month-day). */
export const FIXED_HOLIDAYS = ["01-01", "04-30", "05-01", "09-02"] as const;

/**
 * Days off each year beyond the fixed ones (YYYY-MM-DD, weekdays only): Tết (Art. 112.1.b), the Hùng
 * Kings' day or its make-up day (Art. 112.1.e, 112.3) and National Day's second day (Art. 112.1.đ).
 */
export const YEARLY_HOLIDAYS: Readonly<Record<number, { tet: string[]; hungKings: string; nationalDaySecond: string; other?: string[] }>> = {
  // Tết Ất Tỵ: 1st of the 1st lunar month = Wed 29 Jan 2025; offices closed Sat 25 Jan – Sun 2 Feb.
  // 2 May 2025 was given off in exchange for Saturday 26 April (a working Saturday is not counted).
  2025: { tet: ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"], hungKings: "2025-04-07", nationalDaySecond: "2025-09-01", other: ["2025-05-02"] },
  // Tết Bính Ngọ: Tue 17 Feb 2026; closed Sat 14 – Sun 22 Feb. Hùng Kings' day falls on Sunday 26
  // April: made up on Monday 27 April (Art. 112.3).
  2026: { tet: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"], hungKings: "2026-04-27", nationalDaySecond: "2026-09-01" },
  // Tết Đinh Mùi: Sat 6 Feb 2027. Expected pattern: the last day of the year, then the days off
  // falling on the weekend made up Wed–Thu.
  2027: { tet: ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"], hungKings: "2027-04-16", nationalDaySecond: "2027-09-03" },
  // Tết Mậu Thân: Wed 26 Jan 2028.
  2028: { tet: ["2028-01-24", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"], hungKings: "2028-04-04", nationalDaySecond: "2028-09-01" },
  // Tết Kỷ Dậu: Tue 13 Feb 2029.
  2029: { tet: ["2029-02-12", "2029-02-13", "2029-02-14", "2029-02-15", "2029-02-16"], hungKings: "2029-04-23", nationalDaySecond: "2029-09-03" },
  // Tết Canh Tuất: Sun 3 Feb 2030.
  2030: { tet: ["2030-02-01", "2030-02-04", "2030-02-05", "2030-02-06", "2030-02-07"], hungKings: "2030-04-12", nationalDaySecond: "2030-09-03" },
};

const isWeekend = (iso: string) => {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const cache = new Map<number, ReadonlySet<string>>();

/** Every public holiday (day off) of a year, make-up days for the fixed holidays included (Art. 112.3). */
export function publicHolidays(year: number): ReadonlySet<string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const listed = YEARLY_HOLIDAYS[year];
  const days = new Set<string>(listed ? [...listed.tet, listed.hungKings, listed.nationalDaySecond, ...(listed.other ?? [])] : []);
  const fixed = FIXED_HOLIDAYS.map((md) => `${year}-${md}`);
  for (const day of fixed) days.add(day);
  // A fixed holiday on a Saturday or Sunday is made up on the next working day that is not itself a holiday.
  for (const day of fixed) {
    if (!isWeekend(day)) continue;
    let makeUp = nextDay(day);
    while (isWeekend(makeUp) || days.has(makeUp)) makeUp = nextDay(makeUp);
    days.add(makeUp);
  }
  cache.set(year, days);
  return days;
}

/** Whether the government's list covers this year (a page may warn staff when it does not). */
export const hasHolidayList = (year: number) => year in YEARLY_HOLIDAYS;
