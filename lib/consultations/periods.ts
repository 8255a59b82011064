// Periods are counted in whole calendar days in Vietnam's time zone, both ends included: a comment
// period from 1 to 30 December is 30 days. Dates travel as "YYYY-MM-DD"; a period starts at 00:00 and
// ends at 23:59:59.999 Vietnam time (UTC+7, no daylight saving).
import type { LegalCategory } from "@/lib/generated/prisma/enums";
import type { CommuneSettings } from "@/lib/settings";

import { ruleFor } from "./legal-rules";

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** 00:00 Vietnam time on the given date. */
export const startOfDayVn = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);

/** 23:59:59.999 Vietnam time on the given date. */
export const endOfDayVn = (date: string) => new Date(startOfDayVn(date).getTime() + DAY_MS - 1);

/** The Vietnam calendar date of an instant, "YYYY-MM-DD". */
export const toVnDate = (instant: Date) => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** A default comment period for a new draft: from today, `days` days long. */
export function defaultCommentPeriod(days = 30, now = new Date()): { commentStartsAt: string; commentEndsAt: string } {
  const start = now;
  return { commentStartsAt: toVnDate(start), commentEndsAt: toVnDate(new Date(start.getTime() + (days - 1) * DAY_MS)) };
}

/** Days from start to end, both included. */
export function inclusiveDays(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS) + 1;
}

/** Whole days left until the end of a period (0 on its last day), or null once it has ended. */
export function daysLeft(end: Date, now = new Date()): number | null {
  if (now > end) return null;
  return inclusiveDays(toVnDate(now), toVnDate(end)) - 1;
}

export type PeriodProblem = {
  field: "commentEndsAt" | "postingEndsAt" | "commentStartsAt";
  code: "periodTooShort" | "periodTooLong" | "periodEndsBeforeStart" | "postingTooShort" | "conventionVoteTooEarly";
  params: { days: number; min?: number; max?: number; rule: string };
};

/**
 * Checks the comment and posting periods of a consultation against its category's rule; returns the
 * problems, each naming the field, the figures and the rule that applies.
 */
export function checkPeriods(
  input: {
    category: LegalCategory;
    commentStartsAt: string;
    commentEndsAt: string;
    postingStartsAt?: string | null;
    postingEndsAt?: string | null;
  },
  settings?: CommuneSettings,
): PeriodProblem[] {
  const rule = ruleFor(input.category, settings);
  const problems: PeriodProblem[] = [];
  const days = inclusiveDays(input.commentStartsAt, input.commentEndsAt);
  if (days < 1) {
    problems.push({ field: "commentEndsAt", code: "periodEndsBeforeStart", params: { days, rule: rule.rule } });
  } else if (days < rule.minCommentDays) {
    problems.push({
      field: "commentEndsAt",
      code: "periodTooShort",
      params: { days, min: rule.minCommentDays, rule: rule.rule },
    });
  } else if (rule.maxCommentDays && days > rule.maxCommentDays) {
    problems.push({
      field: "commentEndsAt",
      code: "periodTooLong",
      params: { days, max: rule.maxCommentDays, rule: rule.rule },
    });
  }
  if (input.postingStartsAt && input.postingEndsAt) {
    const posting = inclusiveDays(input.postingStartsAt, input.postingEndsAt);
    if (posting < 1) {
      problems.push({ field: "postingEndsAt", code: "periodEndsBeforeStart", params: { days: posting, rule: rule.rule } });
    } else if (posting < rule.minPostingDays) {
      problems.push({
        field: "postingEndsAt",
        code: "postingTooShort",
        params: { days: posting, min: rule.minPostingDays, rule: rule.rule },
      });
    }
  }
  // Decree 61/2023 Art. 9–10: a village convention is voted only after its draft was posted 30 days.
  // The vote opens with the comment period; without posting dates the posting starts with it too.
  if (input.category === "DECISION_VILLAGE_CONVENTION") {
    const postedFrom = input.postingStartsAt || input.commentStartsAt;
    const postedDays = inclusiveDays(postedFrom, input.commentStartsAt) - 1;
    if (postedDays < rule.minPostingDays) {
      problems.push({ field: "commentStartsAt", code: "conventionVoteTooEarly", params: { days: Math.max(0, postedDays), min: rule.minPostingDays, rule: rule.rule } });
    }
  }
  return problems;
}

/** An instant from a date and time on Vietnam's clock, "2026-12-01T08:00" (a datetime-local field). */
export const fromVnDateTime = (value: string) => new Date(Date.parse(`${value}:00Z`) - OFFSET_MS);

/** The date and time on Vietnam's clock of an instant, "2026-12-01T08:00", for a datetime-local field. */
export const toVnDateTime = (instant: Date) => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16);

/** A proposal for a scheduled publication: tomorrow at 07:00 Vietnam time, a usual hour for a notice. */
export const proposedPublishAt = (now = new Date()) => `${toVnDate(new Date(now.getTime() + DAY_MS))}T07:00`;

/** A calendar date moved by whole days: "2026-12-30" + 16 → "2027-01-15". */
export const addDaysVn = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
