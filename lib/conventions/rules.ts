// Every clock and threshold of a village convention's life (hương ước, quy ước), in one place.
//
// Article numbers are those given by /work/shared/docs/law-beyond-consultation.md §6 (and domain.md §2, §4):
// - Decree 61/2023/NĐ-CP Art. 7: a convention is proposed by the village head with the head of the village's
//   Front working committee, or by citizens with at least 10% of the village's households. Art. 8: the
//   drafting group.
// - Art. 9: the draft is posted for at least 30 days before the vote — that rule lives with the consultation
//   of the convention kind (lib/consultations/legal-rules.ts, periods.ts), never here.
// - Art. 10, Law 10/2022 Art. 15.3 and 21.1: adopted with MORE than 50% of ALL households of the village;
//   the count is lib/participation's (counting-rules.ts, tally.ts), never here.
// - Art. 6 and 11: the dossier (request Mẫu 01, minutes Mẫu 02, adopted text, with the required signatures)
//   reaches the commune People's Committee within 5 working days of the adoption.
// - Art. 6 and 11 (and Law 10/2022 Art. 21.2): the chair recognises it by a decision (Mẫu 03) within 5
//   working days of a complete dossier, or refuses in writing with reasons.
// - Art. 18.1.a: the decision is sent to the village head and the Front within 2 working days; Art. 15.1:
//   posted at the village hall and one more channel.
// - Art. 15.4: reviewed every year (18 November, the Great Unity day, by default: a commune setting).
// - Art. 12–14: suspension (Mẫu 04) within 3 working days of a justified report, repeal (Mẫu 05) within
//   5 working days, amendment by the steps of a new convention. The docs give these three articles as one
//   range without saying which holds which step, so the messages cite the range, not a guessed article;
//   nor do they give a rule for lifting a suspension (see README "Village conventions").
// Working days come from lib/calendar (holidays and the commune's extra days off). The figures are floors
// of speed: a commune may act sooner, never later.
import { addWorkingDays, vnDate } from "@/lib/calendar/working-days";
import { INITIATIVE_PERCENT, initiativeNeeded } from "@/lib/initiatives/rules";

export const ARTICLES = {
  proposal: "Điều 7 Nghị định 61/2023/NĐ-CP",
  drafting: "Điều 8 Nghị định 61/2023/NĐ-CP",
  posting: "Điều 9 Nghị định 61/2023/NĐ-CP",
  adoption: "Điều 10 Nghị định 61/2023/NĐ-CP; khoản 3 Điều 15, khoản 1 Điều 21 Luật Thực hiện dân chủ ở cơ sở 2022",
  dossier: "Điều 11 Nghị định 61/2023/NĐ-CP",
  recognition: "Điều 11 Nghị định 61/2023/NĐ-CP; khoản 2 Điều 21 Luật Thực hiện dân chủ ở cơ sở 2022",
  sending: "điểm a khoản 1 Điều 18 Nghị định 61/2023/NĐ-CP",
  publication: "khoản 1 Điều 15 Nghị định 61/2023/NĐ-CP",
  review: "khoản 4 Điều 15 Nghị định 61/2023/NĐ-CP",
  suspension: "Điều 12–14 Nghị định 61/2023/NĐ-CP",
  repeal: "Điều 12–14 Nghị định 61/2023/NĐ-CP",
} as const;

/**
 * Art. 7: citizens' proposal needs signatures of at least 10% of the village's households: the same share
 * and count as a citizens' initiative (Law 10/2022 Art. 16.3), so it is counted by lib/initiatives' rule.
 */
export const CITIZEN_PROPOSAL_PERCENT = INITIATIVE_PERCENT;
/** Art. 11: dossier within 5 working days of adoption. */
export const DOSSIER_WORKING_DAYS = 5;
/** Art. 11: decision within 5 working days of receiving a complete dossier. */
export const RECOGNITION_WORKING_DAYS = 5;
/** Art. 18.1.a: the decision sent to the village head and the Front within 2 working days. */
export const SENDING_WORKING_DAYS = 2;
/** Art. 12–14 (the docs give the range): suspension decided within 3 working days. */
export const SUSPENSION_WORKING_DAYS = 3;
/** Art. 12–14 (the docs give the range): repeal decided within 5 working days. */
export const REPEAL_WORKING_DAYS = 5;
/** Art. 15.4: the yearly review, by default on 18 November (month-day). */
export const DEFAULT_REVIEW_DAY = "11-18";

/** Signatures needed: 10% of households, rounded up (20 need 2, 21 need 3). */
export const signaturesNeeded = initiativeNeeded;
export const enoughSignatures = (signatures: number, households: number) => signatures >= signaturesNeeded(households);

export type ClockKind = "dossier" | "recognition" | "sending" | "suspension" | "repeal";

const DAYS: Record<ClockKind, number> = {
  dossier: DOSSIER_WORKING_DAYS,
  recognition: RECOGNITION_WORKING_DAYS,
  sending: SENDING_WORKING_DAYS,
  suspension: SUSPENSION_WORKING_DAYS,
  repeal: REPEAL_WORKING_DAYS,
};

/** The end of the last working day (Vietnam time) for a step started at `from`. */
export const deadlineOf = (kind: ClockKind, from: Date, extraHolidays: readonly string[] = []) => addWorkingDays(from, DAYS[kind], extraHolidays);

export type Clock = {
  kind: ClockKind;
  days: number;
  article: string;
  startedAt: Date;
  deadline: Date;
  /** Set once the step was done. */
  doneAt: Date | null;
  state: "open" | "overdue" | "done" | "late";
};

/** Where a step stands against its clock; a step done after the deadline is marked late for ever. */
export function clockOf(kind: ClockKind, startedAt: Date, doneAt: Date | null, now = new Date(), extraHolidays: readonly string[] = []): Clock {
  const deadline = deadlineOf(kind, startedAt, extraHolidays);
  const state = doneAt ? (doneAt <= deadline ? "done" : "late") : now > deadline ? "overdue" : "open";
  return { kind, days: DAYS[kind], article: ARTICLES[kind === "sending" ? "sending" : kind], startedAt, deadline, doneAt, state };
}

/** The clocks of one version, from its dates. */
export function versionClocks(v: { adoptedAt: Date | null; submittedAt: Date | null; decidedAt: Date | null; sentAt: Date | null }, now = new Date(), extraHolidays: readonly string[] = []): Clock[] {
  const clocks: Clock[] = [];
  if (v.adoptedAt) clocks.push(clockOf("dossier", v.adoptedAt, v.submittedAt, now, extraHolidays));
  if (v.submittedAt) clocks.push(clockOf("recognition", v.submittedAt, v.decidedAt, now, extraHolidays));
  if (v.decidedAt) clocks.push(clockOf("sending", v.decidedAt, v.sentAt, now, extraHolidays));
  return clocks;
}

/** The review date of a year, from the commune's setting "MM-DD" (18 November by default). */
export function reviewDate(year: number, monthDay: string = DEFAULT_REVIEW_DAY): string {
  return `${year}-${/^\d{2}-\d{2}$/.test(monthDay) ? monthDay : DEFAULT_REVIEW_DAY}`;
}

/**
 * The yearly review: due on its date in each year the convention is in force (from the year after it
 * came into force, or the same year if it came in before the date); done when a review of that year is on
 * record. Returns the year whose review is due or overdue now, or the next one.
 */
export function reviewDue(inForceSince: Date, reviewedYears: number[], now = new Date(), monthDay = DEFAULT_REVIEW_DAY): { year: number; date: string; state: "due" | "upcoming" } {
  const today = vnDate(now);
  const startYear = Number(vnDate(inForceSince).slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  for (let y = startYear; y <= thisYear; y++) {
    const date = reviewDate(y, monthDay);
    if (date < vnDate(inForceSince)) continue;
    if (date <= today && !reviewedYears.includes(y)) return { year: y, date, state: "due" };
  }
  const next = reviewDate(thisYear, monthDay) > today ? thisYear : thisYear + 1;
  return { year: next, date: reviewDate(next, monthDay), state: "upcoming" };
}
