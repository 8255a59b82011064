// The legal clocks and the threshold of a dialogue conference (hội nghị đối thoại), in one place.
//
// - Law 10/2022/QH15 Art. 32: the commune People's Committee, with the Fatherland Front, holds at least
//   one dialogue conference a year with the People.
// - Law 72/2025/QH15 (local government) Art. 43, which Art. 32 refers to for the procedure: held at
//   least once a year, or when at least 10% of the commune's voters ask; time, place, content and how
//   to attend are announced at least 7 days before; the results are published (notice board, media,
//   every village head) within 10 days after the conference.
//
// Days are calendar days counted on Vietnam's dates (UTC+7): a conference on 15 December may be
// announced on 8 December at the latest; its results are due by the end of 25 December.
import { addDaysVn, endOfDayVn, toVnDate } from "@/lib/consultations/periods";
import { isAdult } from "@/lib/participation/eligibility";

/** Law 72/2025 Art. 43: announced at least 7 days before the conference. */
export const ANNOUNCE_DAYS_AHEAD = 7;
/** Law 72/2025 Art. 43: results published within 10 days after the conference. */
export const PUBLISH_WITHIN_DAYS = 10;
/** Law 72/2025 Art. 43: at least 10% of the commune's voters may ask for a conference. */
export const REQUEST_THRESHOLD_PERCENT = 10;

const DAY_MS = 24 * 3600 * 1000;

/** Whole calendar days (Vietnam dates) from `now` to `startsAt`. */
export function daysAhead(startsAt: Date, now = new Date()): number {
  return Math.round((Date.parse(toVnDate(startsAt)) - Date.parse(toVnDate(now))) / DAY_MS);
}

/** The last date (Vietnam) a conference on `startsAt` may be announced. */
export const lastAnnounceDate = (startsAt: Date) => addDaysVn(toVnDate(startsAt), -ANNOUNCE_DAYS_AHEAD);

/** A conference announced now is on time: at least 7 days before its date. */
export const isAnnouncedInTime = (startsAt: Date, now = new Date()) => daysAhead(startsAt, now) >= ANNOUNCE_DAYS_AHEAD;

/** The end of the last day for publishing the results (Vietnam time). */
export const publishDeadline = (startsAt: Date) => endOfDayVn(addDaysVn(toVnDate(startsAt), PUBLISH_WITHIN_DAYS));

export type PublishClock =
  | { state: "upcoming" }
  | { state: "open"; deadline: Date; daysLeft: number }
  | { state: "overdue"; deadline: Date; daysLate: number }
  | { state: "published"; deadline: Date; publishedAt: Date; onTime: boolean };

/** Where a conference stands against the 10-day clock for its results. */
export function publishClock(c: { startsAt: Date; resultsPublishedAt: Date | null }, now = new Date()): PublishClock {
  const deadline = publishDeadline(c.startsAt);
  if (c.resultsPublishedAt) return { state: "published", deadline, publishedAt: c.resultsPublishedAt, onTime: c.resultsPublishedAt <= deadline };
  if (now < c.startsAt) return { state: "upcoming" };
  const days = Math.round((Date.parse(toVnDate(deadline)) - Date.parse(toVnDate(now))) / DAY_MS);
  return now > deadline ? { state: "overdue", deadline, daysLate: -days } : { state: "open", deadline, daysLeft: days };
}

/**
 * Signatures needed: 10% of the voters, rounded up (20 voters need 2, 21 need 3). Voters are the adults
 * (18 this year or older: the list keeps only the year of birth) on the commune's list, active.
 */
export const signaturesNeeded = (voters: number) => Math.max(1, Math.ceil((voters * REQUEST_THRESHOLD_PERCENT) / 100));

export const isThresholdReached = (signatures: number, voters: number) => signatures >= signaturesNeeded(voters);

/** A person on the list may sign: active and of voting age. */
export const maySign = (resident: { isActive: boolean; birthYear: number | null }, now = new Date()) => resident.isActive && isAdult(resident.birthYear, now);

/** A commitment is overdue: still in progress after the end of its deadline's day. */
export const isCommitmentOverdue = (q: { status: string; deadline: Date | null }, now = new Date()) =>
  q.status === "IN_PROGRESS" && q.deadline !== null && now > endOfDayVn(toVnDate(q.deadline));
