// Ballots, votes and meeting records: the zod schemas shared by the staff and resident forms and the
// server. Messages are keys under "errors".
import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";
import { MeetingForm, QuestionKind, TallySource, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";
import { encodeMessage } from "@/lib/i18n/message-key";

const id = z.string().min(1).max(40);
const communeId = z.string().min(1).max(40);

export const VOTE_CHANNEL_VALUES = ["WEB", "PAPER", "MEETING", "ASSISTED"] as const;
export const MAX_OPTIONS = 20;

const percent = z.number({ error: "percentInvalid" }).min(0, { error: "percentInvalid" }).max(100, { error: "percentInvalid" });

export const questionFields = z.object({
  communeId,
  consultationId: id,
  text: z.string().trim().min(5, { error: "tooShort" }).max(500, { error: "tooLong" }),
  kind: z.enum(QuestionKind),
  votingUnit: z.enum(VotingUnit),
  /** Ignored for a yes/no question, whose options are fixed: agree, disagree, other. */
  options: z
    .array(z.object({ label: z.string().trim().max(200, { error: "tooLong" }), isAffirmative: z.boolean() }))
    .max(MAX_OPTIONS, { error: encodeMessage("tooManyOptions", { max: MAX_OPTIONS }) }),
  maxChoices: z.number().int().min(1).max(MAX_OPTIONS),
  thresholdRule: z.enum(ThresholdRule),
  thresholdPercent: percent,
  quorumPercent: percent.nullable(),
  /** A secret ballot (secret-vote-rules.ts); when not sent, elections are secret and other matters open. */
  secret: z.boolean().optional(),
});

export type QuestionInput = z.input<typeof questionFields>;

export const questionSchema = questionFields.superRefine((v, ctx) => {
  if (v.kind !== "YES_NO_ABSTAIN") {
    v.options.forEach((o, i) => {
      if (!o.label) ctx.addIssue({ code: "custom", path: ["options", i, "label"], message: "required" });
    });
    if (v.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "twoOptionsNeeded" });
    const labels = v.options.map((o) => o.label.toLowerCase());
    if (new Set(labels).size !== labels.length) ctx.addIssue({ code: "custom", path: ["options"], message: "duplicateOption" });
  }
  if (v.kind === "MULTIPLE_CHOICE" && v.maxChoices > Math.max(1, v.options.length)) {
    ctx.addIssue({ code: "custom", path: ["maxChoices"], message: "maxChoicesTooHigh" });
  }
  // A threshold needs one thing to agree to: a yes/no question, or one option marked as agreeing.
  if (v.thresholdRule !== "NONE" && v.kind !== "YES_NO_ABSTAIN") {
    const affirmative = v.options.filter((o) => o.isAffirmative).length;
    if (v.kind === "MULTIPLE_CHOICE" || affirmative !== 1) {
      ctx.addIssue({ code: "custom", path: ["thresholdRule"], message: "thresholdNeedsOneAffirmative" });
    }
  }
});

export type QuestionValues = z.output<typeof questionSchema>;

export const questionRefSchema = z.object({ communeId, questionId: id });

const isoDate = z.string().refine(isIsoDate, { error: "invalidDate" });

export const voteSettingsSchema = z
  .object({
    communeId,
    consultationId: id,
    channels: z.array(z.enum(VOTE_CHANNEL_VALUES)).max(4),
    /** The date the village head and the Front working committee told the People's Committee and the Front. */
    onlineVoteNoticeOn: isoDate.nullable(),
    showResultsLive: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.channels.includes("WEB") && !v.onlineVoteNoticeOn) {
      ctx.addIssue({ code: "custom", path: ["onlineVoteNoticeOn"], message: "onlineVoteNoticeMissing" });
    }
  });

export type VoteSettingsInput = z.input<typeof voteSettingsSchema>;

const optionIds = z.array(id).min(1, { error: "noChoice" }).max(MAX_OPTIONS);

export const castVoteSchema = z.object({ communeId, questionId: id, optionIds });
export type CastVoteInput = z.input<typeof castVoteSchema>;

export const myBallotSchema = z.object({ communeId, consultationId: id });

const answer = z.object({
  questionId: id,
  optionIds,
  /** For a question voted per person: who, among the household's members. */
  residentId: id.nullable().optional(),
});

export const paperBallotSchema = z.object({
  communeId,
  consultationId: id,
  householdId: id,
  /** The date written on the ballot; needed once voting has closed (late-entry.ts). */
  datedOn: isoDate.nullable().optional(),
  answers: z.array(answer).min(1, { error: "noChoice" }).max(50),
});
export type PaperBallotInput = z.input<typeof paperBallotSchema>;

export const assistedEntrySchema = z
  .object({
    communeId,
    consultationId: id,
    residentId: id,
    reason: z.string().trim().min(5, { error: "assistReasonRequired" }).max(500, { error: "tooLong" }),
    answers: z.array(answer.omit({ residentId: true })).max(50),
    opinion: z
      .object({
        body: z.string().trim().min(5, { error: "opinionTooShort" }).max(5000, { error: encodeMessage("opinionTooLong", { max: 5000 }) }),
        stance: z.enum(["SUPPORT", "OPPOSE", "OTHER"]).nullable(),
      })
      .nullable(),
  })
  .refine((v) => v.answers.length > 0 || v.opinion !== null, { error: "nothingToEnter", path: ["answers"] });
export type AssistedEntryInput = z.input<typeof assistedEntrySchema>;

export const householdSearchSchema = z.object({
  communeId,
  consultationId: id,
  query: z.string().trim().min(1, { error: "required" }).max(100, { error: "tooLong" }),
});

export const meetingSchema = z.object({
  communeId,
  consultationId: id,
  villageId: id,
  heldOn: isoDate,
  heldTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "invalidTime" }),
  form: z.enum(MeetingForm),
  householdsPresent: z.number({ error: "countInvalid" }).int({ error: "countInvalid" }).min(0, { error: "countInvalid" }).max(100_000, { error: "countInvalid" }),
  minutesId: z.string({ error: "minutesRequired" }).min(1, { error: "minutesRequired" }).max(40),
  notes: z.string().trim().max(2000, { error: "tooLong" }),
  tallies: z
    .array(z.object({ questionId: id, optionId: id, count: z.number({ error: "countInvalid" }).int({ error: "countInvalid" }).min(0, { error: "countInvalid" }).max(1_000_000, { error: "countInvalid" }) }))
    .min(1)
    .max(500),
  /** When the village already has individual votes: which figures count. Null to be asked. */
  sourceChoice: z.enum(TallySource).nullable(),
  reason: z.string().trim().max(500, { error: "tooLong" }),
});
export type MeetingInput = z.input<typeof meetingSchema>;
export type MeetingValues = z.output<typeof meetingSchema>;

export const tallySourceSchema = z.object({
  communeId,
  consultationId: id,
  villageId: id,
  source: z.enum(TallySource),
  meetingId: id.nullable(),
  reason: z.string().trim().min(5, { error: "sourceReasonRequired" }).max(500, { error: "tooLong" }),
});
export type TallySourceInput = z.input<typeof tallySourceSchema>;

export const receiptCheckSchema = z.object({
  communeId,
  code: z.string().trim().min(1, { error: "receiptRequired" }).max(40, { error: "receiptInvalid" }),
});
export type ReceiptCheckInput = z.input<typeof receiptCheckSchema>;
