// The small fixed phrases of an official document, as Decree 30/2020 (Appendix I) writes them.
import { toVnDate } from "@/lib/consultations/periods";
import type { DocumentType } from "@/lib/generated/prisma/enums";

/** Decree 30: "số chỉ ngày nhỏ hơn 10 và tháng 1, 2 thì phải ghi thêm số 0 phía trước". */
const padDay = (day: number) => (day < 10 ? `0${day}` : String(day));
const padMonth = (month: number) => (month <= 2 ? `0${month}` : String(month));

/** The calendar date of an instant in Vietnam (UTC+7), whatever the server's time zone. */
export function vnDateParts(instant: Date): { day: number; month: number; year: number } {
  const [year, month, day] = toVnDate(instant).split("-").map(Number) as [number, number, number];
  return { day, month, year };
}

/**
 * "Thiện Tín, ngày 05 tháng 02 năm 2026". Without a date (a draft not yet signed) the day and month
 * are left blank for the pen, as officials do: "Thiện Tín, ngày      tháng      năm 2026".
 */
export function formatPlaceDate(place: string, date: Date | null, draftYear = vnDateParts(new Date()).year): string {
  if (!date) return `${place}, ngày      tháng      năm ${draftYear}`;
  const { day, month, year } = vnDateParts(date);
  return `${place}, ngày ${padDay(day)} tháng ${padMonth(month)} năm ${year}`;
}

/** "05/BC-UBND": numbers under 10 with a leading zero, then the type code and the issuer's code. */
export function formatDocumentNumber(number: number, type: DocumentType, issuerCode = "UBND"): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`Document number must be a positive integer, got ${number}`);
  return `${number < 10 ? `0${number}` : number}/${type}-${issuerCode}`;
}

/** "Số: 05/BC-UBND", or "Số:      /BC-UBND" with room for the number while the document is a draft. */
export function formatNumberLine(label: string | null, type: DocumentType, issuerCode = "UBND"): string {
  return label ? `Số: ${label}` : `Số:      /${type}-${issuerCode}`;
}

/** The type name printed above the subject line. */
export const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
  BC: "BÁO CÁO",
  TB: "THÔNG BÁO",
  KH: "KẾ HOẠCH",
  BB: "BIÊN BẢN",
  QD: "QUYẾT ĐỊNH",
};

/** Vietnamese capitals: the issuer's name and the type name are printed in capitals. */
export const toVnUpper = (text: string) => text.normalize("NFC").toLocaleUpperCase("vi");

/** "1.820", "4,4": numbers as Vietnamese documents print them (dot for thousands, comma for decimals). */
export const vnNumber = (n: number, digits = 0) => n.toLocaleString("vi-VN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
