// The day an opinion was received off the web (a paper form's date, the day of a call, of opening the
// comment box, of a meeting). Law 10/2022 Art. 26.1 lists these channels for the consultation, whose
// comment period (Art. 28.2) bounds them as it bounds web opinions: the day must fall within the comment
// period and not in the future. Forms reach the office after the last day, so, as for paper ballots
// (lib/participation/late-entry.ts), they are entered up to `lateEntryDays` (a commune setting) after
// the close — the same window, counted the same way. Entries after the report went to the Front are
// refused by the report freeze, not here.
import { endOfDayVn, startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import type { Refusal } from "@/lib/participation/eligibility";
import { lateEntryUntil } from "@/lib/participation/late-entry";

const shown = (date: string) => date.split("-").reverse().join("/");

export function checkReceivedOn(
  w: { commentStartsAt: Date | null; commentEndsAt: Date | null },
  lateEntryDays: number,
  now: Date,
  receivedOn: string,
): Refusal | null {
  const received = startOfDayVn(receivedOn);
  if (received > now) return { code: "receivedInFuture", params: { today: shown(toVnDate(now)) } };
  if (!w.commentStartsAt || !w.commentEndsAt) return { code: "commentPeriodUnset" };
  const from = toVnDate(w.commentStartsAt);
  const to = toVnDate(w.commentEndsAt);
  if (received < startOfDayVn(from) || received > endOfDayVn(to)) return { code: "receivedOutsidePeriod", params: { from: shown(from), to: shown(to) } };
  if (now > w.commentEndsAt) {
    const until = lateEntryUntil(w.commentEndsAt, lateEntryDays);
    if (now > until) return { code: "channelEntryClosed", params: { days: lateEntryDays, until: shown(toVnDate(until)) } };
  }
  return null;
}
