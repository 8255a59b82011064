// The law's rules per matter category (domain.md): which kind of matter it is, the minimum (and
// maximum) comment and posting periods, whether the loudspeaker must broadcast it, and which channels
// may decide it. Each figure can be overridden per commune (lib/settings.ts); `rule` names the message
// that cites the legal source, so a refusal says which rule applied.
import type { Channel, LegalCategory, MatterKind, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";
import { type CommuneSettings, categoryOverrides } from "@/lib/settings";

export type CategoryRule = {
  kind: MatterKind;
  minCommentDays: number;
  maxCommentDays?: number;
  minPostingDays: number;
  requiresBroadcast: boolean;
  /** Key under "legalRules" in the catalogues: the legal source of the period. */
  rule: string;
  /** Default ballot settings for a question on this matter. */
  votingUnit: VotingUnit;
  thresholdRule: ThresholdRule;
  thresholdPercent: number;
  /** A village meeting for this matter needs more than this share of households present. */
  meetingQuorumPercent?: number;
  /** Art. 15.6: an online vote alone may decide only "other self-management matters". */
  onlineOnlyAllowed: boolean;
};

/** Posting (and disclosure) for at least 30 days: Law on Access to Information 2016, Art. 21.2. */
export const MIN_POSTING_DAYS = 30;
const DEFAULT_DAYS = MIN_POSTING_DAYS;

const disclosure = (requiresBroadcast: boolean): CategoryRule => ({
  kind: "DISCLOSURE",
  minCommentDays: DEFAULT_DAYS,
  minPostingDays: DEFAULT_DAYS,
  requiresBroadcast,
  rule: "accessToInformation",
  votingUnit: "RESIDENT",
  thresholdRule: "NONE",
  thresholdPercent: 50,
  onlineOnlyAllowed: true,
});

const decision = (overrides: Partial<CategoryRule> = {}): CategoryRule => ({
  kind: "DECISION",
  minCommentDays: DEFAULT_DAYS,
  minPostingDays: DEFAULT_DAYS,
  requiresBroadcast: false,
  rule: "grassrootsDemocracyDefault",
  votingUnit: "HOUSEHOLD",
  thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE",
  thresholdPercent: 50,
  onlineOnlyAllowed: false,
  ...overrides,
});

const consultation = (overrides: Partial<CategoryRule> = {}): CategoryRule => ({
  kind: "CONSULTATION",
  minCommentDays: DEFAULT_DAYS,
  minPostingDays: DEFAULT_DAYS,
  requiresBroadcast: false,
  rule: "grassrootsDemocracyDefault",
  votingUnit: "RESIDENT",
  thresholdRule: "NONE",
  thresholdPercent: 50,
  onlineOnlyAllowed: true,
  ...overrides,
});

export const CATEGORY_RULES: Record<LegalCategory, CategoryRule> = {
  DISCLOSURE_SOCIO_ECONOMIC_PLAN: disclosure(false),
  DISCLOSURE_BUDGET: disclosure(false),
  DISCLOSURE_INVESTMENT_LAND: disclosure(true), // Art. 13.3: at least 3 consecutive days on the loudspeaker
  DISCLOSURE_OTHER: disclosure(false),
  // Law 10/2022 Art. 21.1: at least 2/3 of all households of the village (lib/participation/counting-rules.ts).
  DECISION_COMMUNITY_WORKS: decision({ thresholdPercent: 66.67 }),
  DECISION_COMMUNITY_FUNDS: decision({ thresholdPercent: 66.67 }),
  // Decree 61/2023: at least 30 days of posting the draft (Art. 9); passes with more than 50% of all
  // households of the village (Art. 10); a meeting needs more than half of the households present.
  DECISION_VILLAGE_CONVENTION: decision({ rule: "villageConvention", meetingQuorumPercent: 50 }),
  DECISION_VILLAGE_HEAD: decision(),
  DECISION_SUPERVISION_BOARDS: decision(),
  DECISION_OTHER_SELF_MANAGEMENT: decision({ onlineOnlyAllowed: true }),
  CONSULTATION_SOCIO_ECONOMIC_PLAN: consultation(),
  CONSULTATION_LAND_USE_PLAN: consultation({ minCommentDays: 45, rule: "landLaw" }), // Land Law 2024, Art. 70
  CONSULTATION_PLANNING: consultation({ minCommentDays: 20, maxCommentDays: 30, rule: "planningLaw" }), // Planning Law 2024, Art. 37
  CONSULTATION_INVESTMENT_PROJECT: consultation(),
  CONSULTATION_COMPENSATION_RESETTLEMENT: consultation(),
  CONSULTATION_ENVIRONMENT: consultation(),
  CONSULTATION_ADMINISTRATIVE_BOUNDARY: consultation({ votingUnit: "HOUSEHOLD" }),
  CONSULTATION_OTHER: consultation(),
};

export const LEGAL_CATEGORIES = Object.keys(CATEGORY_RULES) as LegalCategory[];

export const categoriesOfKind = (kind: MatterKind) => LEGAL_CATEGORIES.filter((c) => CATEGORY_RULES[c].kind === kind);

/**
 * The rule for a category with the commune's overrides applied. The law's figures are floors: a
 * setting may lengthen a period, require the broadcast, or raise a threshold, never the reverse
 * (posting Art. 13.2 / Access to Information Art. 21.2, comments Art. 28.2, land-use plans Land Law
 * Art. 70, planning Planning Law Art. 37 with its 30-day ceiling, thresholds Art. 21.1). An override
 * that would lower a figure is ignored, and the rule keeps citing the law.
 */
export function ruleFor(category: LegalCategory, settings?: CommuneSettings): CategoryRule {
  const base = CATEGORY_RULES[category];
  if (!settings) return base;
  const o = categoryOverrides(settings, category);
  const next: CategoryRule = { ...base };
  if (o.minCommentDays !== undefined && o.minCommentDays > base.minCommentDays && (!base.maxCommentDays || o.minCommentDays <= base.maxCommentDays)) next.minCommentDays = o.minCommentDays;
  if (o.minPostingDays !== undefined && o.minPostingDays > base.minPostingDays) next.minPostingDays = o.minPostingDays;
  // A ceiling set by a sector law (planning: 30 days) may be tightened but never passed.
  if (o.maxCommentDays !== undefined && o.maxCommentDays >= next.minCommentDays && (!base.maxCommentDays || o.maxCommentDays < base.maxCommentDays)) next.maxCommentDays = o.maxCommentDays;
  if (o.requiresBroadcast === true) next.requiresBroadcast = true;
  if (o.thresholdPercent !== undefined && o.thresholdPercent > base.thresholdPercent) next.thresholdPercent = o.thresholdPercent;
  const raised = (Object.keys(next) as (keyof CategoryRule)[]).some((k) => next[k] !== base[k]);
  return { ...next, rule: raised ? "communeSetting" : base.rule };
}

/** Channels through which a vote may be cast. */
export const VOTE_CHANNELS: Channel[] = ["WEB", "PAPER", "MEETING", "ASSISTED"];
/** Channels that record a vote of the community outside the web: a meeting or household ballots. */
const OFFLINE_DECIDING_CHANNELS: Channel[] = ["MEETING", "PAPER"];

export type ChannelProblem = { code: "onlineOnlyDecision" | "onlineVoteNoticeMissing" | "noChannel" };

/**
 * Lawful channels (Art. 15.6, Decree 59/2023 Art. 3–5): a decision matter other than "other
 * self-management matters" needs a meeting or household ballots, not an online vote alone; and an
 * online vote needs the village head and the Front working committee to have told the People's
 * Committee and the Front first.
 */
export function checkChannels(input: {
  category: LegalCategory;
  channels: Channel[];
  hasBallot: boolean;
  onlineVoteNoticeGiven: boolean;
}): ChannelProblem | null {
  if (input.channels.length === 0) return { code: "noChannel" };
  const rule = CATEGORY_RULES[input.category];
  if (rule.kind !== "DECISION" || !input.hasBallot) return null;
  const decidesOffline = input.channels.some((c) => OFFLINE_DECIDING_CHANNELS.includes(c));
  if (!decidesOffline && !rule.onlineOnlyAllowed) return { code: "onlineOnlyDecision" };
  if (input.channels.includes("WEB") && !input.onlineVoteNoticeGiven) return { code: "onlineVoteNoticeMissing" };
  return null;
}
