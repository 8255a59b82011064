// The legal rules of citizen reception, in one place (Law 42/2013/QH13 on citizen reception; Decree
// 154/2026/NĐ-CP Mẫu 03/TCD). Each rule names its article here and in the message the user reads.
import type { CaseKind } from "@/lib/generated/prisma/enums";

/**
 * The chair receives citizens at least one day a week at the commune office (Law 42/2013 Art. 15.2.d,
 * Art. 18). Law 136/2025/QH15 (in force 1 Jul 2026) amends the reception law; the number of days in its
 * final text is UNCONFIRMED (the draft said two a month), so a commune's schedule may add days but the
 * platform never lets it fall below this floor.
 */
export const MIN_RECEPTION_DAYS_PER_WEEK = 1;
export const RECEPTION_DAYS_ARTICLE = "điểm d khoản 2 Điều 15 Luật Tiếp công dân năm 2013";

/** Whether a set of ISO weekdays (1 = Monday … 7 = Sunday) meets the weekly floor. */
export function meetsWeeklyFloor(weekdays: readonly number[]): boolean {
  return new Set(weekdays.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)).size >= MIN_RECEPTION_DAYS_PER_WEEK;
}

/**
 * Many people with the same content name representatives (Law 42/2013 Art. 29): 5 to 10 people one or
 * two, more than 10 people at most five. Fewer than 5 need none. Returns the allowed range, or null.
 */
export function representativesRange(peopleCount: number): { min: number; max: number } | null {
  if (peopleCount < 5) return null;
  if (peopleCount <= 10) return { min: 1, max: 2 };
  return { min: 1, max: 5 };
}
export const REPRESENTATIVES_ARTICLE = "Điều 29 Luật Tiếp công dân năm 2013";

/** The register's type column (Mẫu 03/TCD): KN khiếu nại, TC tố cáo, KN kiến nghị, PA phản ánh. */
export const REGISTER_KIND_CODE: Record<CaseKind, string> = {
  COMPLAINT: "KN",
  DENUNCIATION: "TC",
  PETITION: "KN (kiến nghị)",
  FEEDBACK: "PA",
};

/** An ID or passport number as a list shows it: only the last three characters. */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return null;
  const tail = idNumber.slice(-3);
  return `${"•".repeat(Math.max(3, idNumber.length - 3))}${tail}`;
}
