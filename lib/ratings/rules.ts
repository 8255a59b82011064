// Residents rate how the commune answered them (Law 10/2022 Art. 35.2.a: the people's assessment of how
// grassroots democracy is carried out). The items follow the elements of SIPAS, the national index of
// satisfaction with public administrative services (Decision 3828/QĐ-BNV 2019): informed in time, able
// to take part, opinion answered, outcome understood, overall satisfaction; each 1–5.
export const RATING_ITEMS = ["informedInTime", "ableToTakePart", "opinionAnswered", "outcomeUnderstood", "overall"] as const;
export type RatingItem = (typeof RATING_ITEMS)[number];

export const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * Results show averages only for a group of at least this many answers: with fewer, an average could
 * give away what one person answered (the answers are anonymous, Law 10/2022 Art. 35.2.a and Decree
 * 13/2023 on personal data). Fewer answers: the count is shown with a note, nothing else.
 */
export const MIN_ANSWERS_SHOWN = 5;

export const canShowAverages = (answers: number) => answers >= MIN_ANSWERS_SHOWN;

/** "2026-Q4": the quarter of `date` in Vietnam time (UTC+7, no daylight saving). */
export function quarterOf(date: Date): string {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  return `${vn.getUTCFullYear()}-Q${Math.floor(vn.getUTCMonth() / 3) + 1}`;
}
