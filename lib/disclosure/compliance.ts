// Whether a publication met the law's minimums (domain.md, "Disclosure — dân biết"): every posting on
// a channel that posts (the web portal, a notice board) stays up at least the matter's minimum number
// of days (30 by default, Law on Access to Information 2016, Art. 21.2), and where the loudspeaker
// must carry it, the broadcasts make at least 3 consecutive days (Law 10/2022, Art. 13.3). Days are
// whole calendar days in Vietnam's time zone, both ends included, as everywhere in the platform.
// Pure functions of the records and the clock: the register, the staff page and the tests share them.
import { inclusiveDays, toVnDate } from "@/lib/consultations/periods";
import { CATEGORY_RULES, ruleFor } from "@/lib/consultations/legal-rules";
import type { LegalCategory, PostingChannel } from "@/lib/generated/prisma/enums";
import { type CommuneSettings, categoryOverrides } from "@/lib/settings";

import { type BroadcastRun, REQUIRED_BROADCAST_DAYS, longestConsecutiveRun } from "./broadcast-days";

/** Channels on which a publication stays up for a period; the minimum posting days apply to them. */
export const PERIOD_CHANNELS: readonly PostingChannel[] = ["WEB_PORTAL", "NOTICE_BOARD"];

export type Requirement = {
  minPostingDays: number;
  /** Key under "disclosure.rules": the source of the posting minimum. */
  postingRule: string;
  requiresBroadcast: boolean;
  broadcastDays: number;
  /** Key under "disclosure.rules": why the loudspeaker is (or is not) required. */
  broadcastRule: string;
};

/**
 * The minimums for a publication of this category in this commune. A commune's setting overrides the
 * law's default; a consultation marked for broadcast needs it whatever its category says.
 */
export function requirementFor(category: LegalCategory, markedForBroadcast: boolean, settings?: CommuneSettings): Requirement {
  const rule = ruleFor(category, settings);
  const overrides = settings ? categoryOverrides(settings, category) : {};
  const postingRule =
    // A setting that would shorten the posting is ignored by ruleFor, so only a longer one is the commune's.
    rule.minPostingDays !== CATEGORY_RULES[category].minPostingDays ? "communeSetting" : category === "DECISION_VILLAGE_CONVENTION" ? "villageConvention" : "accessToInformation";
  const requiresBroadcast = markedForBroadcast || rule.requiresBroadcast;
  const broadcastRule = markedForBroadcast || overrides.requiresBroadcast !== true || CATEGORY_RULES[category].requiresBroadcast ? "broadcastArt13" : "communeSetting";
  return { minPostingDays: rule.minPostingDays, postingRule, requiresBroadcast, broadcastDays: REQUIRED_BROADCAST_DAYS, broadcastRule };
}

/** met: done; inProgress: running and can still meet it; upcoming: not started; notMet: cannot meet it any more. */
export type CheckStatus = "met" | "inProgress" | "upcoming" | "notMet";

export type PeriodCheck = {
  status: CheckStatus;
  from: string;
  /** Null while the posting has no planned end (still up). */
  to: string | null;
  /** Days from the first day to the planned last day, or null without one. */
  plannedDays: number | null;
  /** Days it has been up until today (or until its last day, once over). */
  daysSoFar: number;
  minDays: number;
};

/** One posting on a period channel against the minimum number of days. */
export function checkPeriod(period: { startsAt: Date; endsAt: Date | null }, minDays: number, now: Date): PeriodCheck {
  const today = toVnDate(now);
  const from = toVnDate(period.startsAt);
  const to = period.endsAt ? toVnDate(period.endsAt) : null;
  const plannedDays = to ? Math.max(0, inclusiveDays(from, to)) : null;
  const lastCounted = to && to < today ? to : today;
  const daysSoFar = today < from ? 0 : Math.max(0, inclusiveDays(from, lastCounted));
  const base = { from, to, plannedDays, daysSoFar, minDays };
  if (plannedDays !== null && plannedDays < minDays) return { ...base, status: "notMet" };
  if (today < from) return { ...base, status: "upcoming" };
  if (daysSoFar >= minDays) return { ...base, status: "met" };
  return { ...base, status: "inProgress" };
}

export type BroadcastCheck = {
  required: boolean;
  /** notRequired: the loudspeaker is optional for this item. */
  status: CheckStatus | "notRequired";
  run: BroadcastRun;
  /** Every day broadcast, across all the loudspeaker records of the publication. */
  days: string[];
  requiredDays: number;
};

/**
 * The broadcasts of a publication, all loudspeaker records together: a run may span two records
 * (staff often record each day as it is read out). Until the publication's window closes, a missing
 * run can still be made up.
 */
export function checkBroadcast(dates: readonly string[], requirement: Requirement, windowEnd: Date | null, now: Date): BroadcastCheck {
  const days = [...new Set(dates)].sort();
  const run = longestConsecutiveRun(days);
  const base = { required: requirement.requiresBroadcast, run, days, requiredDays: requirement.broadcastDays };
  if (!requirement.requiresBroadcast) return { ...base, status: "notRequired" };
  if (run.days >= requirement.broadcastDays) return { ...base, status: "met" };
  const open = windowEnd === null || toVnDate(now) <= toVnDate(windowEnd);
  return { ...base, status: open ? "inProgress" : "notMet" };
}

export type PostingRecord = {
  id: string;
  channel: PostingChannel;
  startsAt: Date;
  endsAt: Date | null;
  /** Calendar dates "YYYY-MM-DD". */
  broadcastDates: string[];
};

export type PublicationCompliance = {
  requirement: Requirement;
  /** Per posting on a period channel, by posting id. */
  periods: Record<string, PeriodCheck>;
  posting: CheckStatus;
  broadcast: BroadcastCheck;
  overall: "met" | "inProgress" | "notMet";
};

const WORST_FIRST: CheckStatus[] = ["notMet", "inProgress", "upcoming", "met"];

/**
 * The whole publication: every period posting must last the minimum (a notice taken down early is a
 * fault even when the web portal ran its full time), and the broadcast rule must hold where it applies.
 * `windowEnd` is the end of the publication's own posting period (its web portal posting).
 */
export function evaluatePublication(postings: readonly PostingRecord[], requirement: Requirement, windowEnd: Date | null, now: Date): PublicationCompliance {
  const periods: Record<string, PeriodCheck> = {};
  for (const p of postings) {
    if (PERIOD_CHANNELS.includes(p.channel)) periods[p.id] = checkPeriod(p, requirement.minPostingDays, now);
  }
  const statuses = Object.values(periods).map((c) => c.status);
  const posting: CheckStatus = statuses.length === 0 ? "notMet" : WORST_FIRST.find((s) => statuses.includes(s))!;
  const broadcast = checkBroadcast(
    postings.filter((p) => p.channel === "LOUDSPEAKER").flatMap((p) => p.broadcastDates),
    requirement,
    windowEnd,
    now,
  );
  const all = [posting, broadcast.status];
  const overall = all.includes("notMet") ? "notMet" : all.some((s) => s === "inProgress" || s === "upcoming") ? "inProgress" : "met";
  return { requirement, periods, posting, broadcast, overall };
}
