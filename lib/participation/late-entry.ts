// Paper ballots and meeting records reach the commune office after the last day of voting: ballots
// collected on the last evening are entered the next morning. They are taken only within a late-entry
// window (a commune setting, `lateEntryDays`, 3 days by default) and, for a paper ballot entered after
// the close, only when the date written on it falls within the voting period. (Entries after the report
// went to the Front are refused by the report freeze, not here.)
import { addDaysVn, endOfDayVn, startOfDayVn, toVnDate } from "@/lib/consultations/periods";

import type { BallotWindow, Refusal } from "./eligibility";

const shown = (date: string) => date.split("-").reverse().join("/");

/** The last instant a late paper ballot or meeting record is taken: the end of the Nth day after the close. */
export const lateEntryUntil = (commentEndsAt: Date, lateEntryDays: number) => endOfDayVn(addDaysVn(toVnDate(commentEndsAt), lateEntryDays));

/**
 * Whether a paper ballot (with the date written on it) or a meeting record may still be entered now.
 * While voting is open everything is taken; after it, only within the window, and a paper ballot only
 * when dated inside the voting period.
 */
export function checkLateEntry(
  w: Pick<BallotWindow, "commentStartsAt" | "commentEndsAt">,
  lateEntryDays: number,
  now: Date,
  ballot: { datedOn: string | null | undefined } | null,
): Refusal | null {
  if (ballot?.datedOn && w.commentEndsAt) {
    const from = w.commentStartsAt ? toVnDate(w.commentStartsAt) : null;
    const to = toVnDate(w.commentEndsAt);
    const dated = startOfDayVn(ballot.datedOn);
    if ((from && dated < startOfDayVn(from)) || dated > endOfDayVn(to) || dated > now) return { code: "ballotDateOutside", params: { from: from ? shown(from) : "—", to: shown(to) } };
  }
  if (!w.commentEndsAt || now <= w.commentEndsAt) return null;
  const until = lateEntryUntil(w.commentEndsAt, lateEntryDays);
  if (now > until) return { code: "lateEntryClosed", params: { days: lateEntryDays, until: shown(toVnDate(until)) } };
  if (ballot && !ballot.datedOn) return { code: "ballotDateRequired" };
  return null;
}
