// The citizens' initiative (sáng kiến của Nhân dân), in one place. Law 10/2022/QH15 Art. 16.3: when at
// least 10% of the households of the village propose a matter, the village head must put it to the
// village. Households are counted against ALL active households on the village's list (as for every
// village count, Art. 21.1), and the needed number is rounded up: 20 households need 2, 21 need 3.
// A signature stays valid for 3 months from the day it was given (a setting the law leaves to the
// commune; 3 months is the product's rule, issue 13 §2): signed on 15 March, it counts through
// 15 June and lapses on 16 June. A month without that day ends on its last day (30 Nov → 28/29 Feb).

/** Art. 16.3: 10% of the village's households. */
export const INITIATIVE_PERCENT = 10;
/** How long a signature counts, in calendar months (Vietnam dates). */
export const SIGNATURE_VALID_MONTHS = 3;

/** Signatures needed: 10% of the village's households, rounded up; at least 1. */
export const initiativeNeeded = (households: number) => Math.max(1, Math.ceil((households * INITIATIVE_PERCENT) / 100));

/** The last day (YYYY-MM-DD) a signature given on `signedOn` still counts. */
export function signatureLastValidDay(signedOn: string): string {
  const [y, m, d] = signedOn.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + SIGNATURE_VALID_MONTHS;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastOfMonth)).padStart(2, "0")}`;
}

/** A signature given on `signedOn` counts on `today` (both Vietnam dates). */
export const signatureValid = (signedOn: string, today: string) => signedOn <= today && today <= signatureLastValidDay(signedOn);

/** Where an initiative stands: valid signatures against the threshold. */
export function initiativeCount(signedOnDates: readonly string[], households: number, today: string) {
  const valid = signedOnDates.filter((d) => signatureValid(d, today)).length;
  const needed = initiativeNeeded(households);
  return { valid, needed, households, percent: INITIATIVE_PERCENT, reached: households > 0 && valid >= needed };
}
