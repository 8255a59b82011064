// Counting a ballot: pure functions over the aggregates that get-results.ts reads in a few SQL
// queries. For each question and village the figures come from the meeting record or from the
// individual votes (web, paper, assisted), never both; thresholds are measured against everyone in
// scope (households, or adult residents), not only those who voted. A decision question carries its
// counting law (counting-rules.ts): each village passes or fails on its own, then the commune-level rule.
import type { Channel, MeetingForm, QuestionKind, TallySource, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";

import { type CountingLaw, enoughVillages, type Share, villagePasses } from "./counting-rules";

export const INDIVIDUAL_CHANNELS = ["WEB", "PAPER", "ASSISTED"] as const satisfies readonly Channel[];
export type IndividualChannel = (typeof INDIVIDUAL_CHANNELS)[number];

export type OptionInfo = { id: string; position: number; label: string; isAffirmative: boolean };

export type QuestionInfo = {
  id: string;
  /** Questions are numbered from 0 on the ballot. */
  position?: number;
  text: string;
  kind: QuestionKind;
  votingUnit: VotingUnit;
  thresholdRule: ThresholdRule;
  thresholdPercent: number;
  quorumPercent: number | null;
  /** A secret question: its choices come from the ballot box, small figures are shown as "fewer than 3" (secret-vote-rules.ts). */
  secret?: boolean;
  options: OptionInfo[];
  /** Set on a decision matter (Law 10/2022 Art. 21.1): counted per village under the law. */
  law?: CountingLaw | null;
};

export type ChannelCounts = { voters: number; options: Record<string, number> };

export type MeetingInput = {
  id: string;
  heldAt: Date;
  form: MeetingForm;
  householdsPresent: number;
  householdsTotal: number;
  /** Count per option of this question. */
  tallies: Record<string, number>;
};

export type VillageInput = {
  villageId: string;
  name: string;
  /** Households (or adult residents, for a resident question) of the village on the register. */
  eligible: number;
  individual: Partial<Record<IndividualChannel, ChannelCounts>>;
  meetings: MeetingInput[];
  decision: { source: TallySource; meetingId: string | null } | null;
  /**
   * This village's deciding channels where they differ from the question's law: a village that met the
   * online-deciding conditions of Decree 59/2023 Art. 5 (lib/online-deciding) also counts web votes.
   */
  decidingChannels?: Channel[];
};

export type SourceChoice = {
  source: TallySource | "NONE";
  meeting: MeetingInput | null;
  /** A meeting was chosen but lacked the quorum: it does not count. */
  quorumMissing: boolean;
};

/** A meeting is valid with more than `quorumPercent` of the village's households present. */
export function meetingHasQuorum(present: number, total: number, quorumPercent: number | null): boolean {
  if (quorumPercent === null) return true;
  return total > 0 && present * 100 > quorumPercent * total;
}

const latest = (meetings: MeetingInput[]) => [...meetings].sort((a, b) => b.heldAt.getTime() - a.heldAt.getTime())[0] ?? null;

/**
 * Where a village's figures come from. Staff's recorded choice wins; a chosen meeting without quorum
 * does not count (the individual votes, if any, do). Without a choice: the individual votes when there
 * are any, else the latest valid meeting.
 */
export function selectVillageSource(village: Pick<VillageInput, "individual" | "meetings" | "decision">, quorumPercent: number | null): SourceChoice {
  const voters = INDIVIDUAL_CHANNELS.reduce((n, c) => n + (village.individual[c]?.voters ?? 0), 0);
  const valid = (m: MeetingInput) => meetingHasQuorum(m.householdsPresent, m.householdsTotal, quorumPercent);
  const individual: SourceChoice = { source: voters > 0 ? "INDIVIDUAL" : "NONE", meeting: null, quorumMissing: false };
  const { decision } = village;
  if (decision?.source === "MEETING") {
    const chosen = village.meetings.find((m) => m.id === decision.meetingId) ?? latest(village.meetings);
    if (chosen && valid(chosen)) return { source: "MEETING", meeting: chosen, quorumMissing: false };
    return { ...individual, quorumMissing: chosen !== null };
  }
  if (decision?.source === "INDIVIDUAL" || voters > 0) return individual;
  const meeting = latest(village.meetings.filter(valid));
  if (meeting) return { source: "MEETING", meeting, quorumMissing: false };
  return { ...individual, quorumMissing: village.meetings.length > 0 };
}

export type Figures = {
  participants: number;
  options: Record<string, number>;
  /** Decree 321/2025's columns; null where the question is not a yes/no question. */
  agree: number;
  disagree: number | null;
  other: number | null;
};

/** Agreeing, disagreeing and other, from the counts per option. */
export function classify(question: Pick<QuestionInfo, "kind" | "options">, participants: number, options: Record<string, number>): Figures {
  const count = (o: OptionInfo) => options[o.id] ?? 0;
  const agree = question.options.filter((o) => o.isAffirmative).reduce((n, o) => n + count(o), 0);
  if (question.kind !== "YES_NO_ABSTAIN") return { participants, options, agree, disagree: null, other: null };
  // A yes/no question's options are, in order: agree, disagree, other (abstain).
  const sorted = [...question.options].sort((a, b) => a.position - b.position);
  const disagree = sorted.filter((o, i) => !o.isAffirmative && i === 1).reduce((n, o) => n + count(o), 0);
  return { participants, options, agree, disagree, other: Math.max(0, participants - agree - disagree) };
}

const percentOf = (numerator: number, denominator: number) => (denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null);

export type Outcome = {
  rule: ThresholdRule;
  thresholdPercent: number;
  numerator: number;
  denominator: number;
  /** numerator / denominator in percent, one decimal; null when the denominator is 0. */
  percent: number | null;
  /** null for a consultation ballot (rule NONE): results are reported, nothing passes or fails. */
  passed: boolean | null;
};

/**
 * The threshold rule: more than `thresholdPercent` of ALL households (or residents) in scope, or of
 * those who took part. Strictly more: exactly 50% of 50% fails. Abstentions and other opinions are
 * not agreement, so they count against.
 */
export function evaluateThreshold(
  rule: ThresholdRule,
  thresholdPercent: number,
  figures: { agree: number; participants: number; eligible: number },
): Outcome {
  const denominator = rule === "MAJORITY_OF_VOTES_CAST" ? figures.participants : figures.eligible;
  const numerator = figures.agree;
  const percent = percentOf(numerator, denominator);
  const passed = rule === "NONE" ? null : denominator > 0 && numerator * 100 > thresholdPercent * denominator;
  return { rule, thresholdPercent, numerator, denominator, percent, passed };
}

/** A village's verdict under the counting law: agreeing households of ALL households of the village. */
export type VillageOutcome = {
  share: Share;
  article: CountingLaw["article"];
  raisedPercent: number | null;
  numerator: number;
  denominator: number;
  percent: number | null;
  /** null while voting is still open: running figures carry no verdict. */
  passed: boolean | null;
};

/** The commune-level rule of a decision question, after each village's verdict. */
export type CommuneOutcome = {
  rule: "TWO_THIRDS_OF_VILLAGES" | "EACH_VILLAGE";
  villagesPassed: number;
  villages: number;
  /** Two thirds of villages: the decision passed for the commune. Each village: every village passed. */
  passed: boolean | null;
};

export type VillageResult = Figures & {
  villageId: string;
  name: string;
  eligible: number;
  /** null for a question that is not a decision (no per-village verdict). */
  outcome: VillageOutcome | null;
  source: SourceChoice["source"];
  meeting: { id: string; heldAt: Date; form: MeetingForm; householdsPresent: number; householdsTotal: number } | null;
  quorumMissing: boolean;
  /** Counted participants per channel. */
  byChannel: Partial<Record<Channel, number>>;
  /** Individual votes, or meetings, recorded but not counted because the other source was chosen. */
  setAside: { WEB: number; PAPER: number; ASSISTED: number; meetings: number };
  /** Individual channels whose votes were recorded but may not decide this matter (Decree 59/2023 Art. 5). */
  notDeciding: IndividualChannel[];
};

export type QuestionResult = Figures & {
  question: QuestionInfo;
  eligible: number;
  villages: VillageResult[];
  /** Counted participants and option counts per channel, over all villages. */
  byChannel: Partial<Record<Channel, ChannelCounts>>;
  outcome: Outcome;
  /** The commune-level rule, for a decision question; null otherwise. */
  commune: CommuneOutcome | null;
};

const addInto = (target: Record<string, number>, source: Record<string, number>) => {
  for (const [k, v] of Object.entries(source)) target[k] = (target[k] ?? 0) + v;
};

export function villageOutcome(law: CountingLaw, agree: number, households: number): VillageOutcome {
  return {
    share: law.share,
    article: law.article,
    raisedPercent: law.raisedPercent,
    numerator: agree,
    denominator: households,
    percent: percentOf(agree, households),
    passed: villagePasses(law, agree, households),
  };
}

export function tallyVillage(question: QuestionInfo, input: VillageInput): VillageResult & { channelCounts: Partial<Record<Channel, ChannelCounts>> } {
  // Votes on channels that may not decide this matter stay on record, set aside, out of the count.
  const setAside = { WEB: 0, PAPER: 0, ASSISTED: 0, meetings: 0 };
  const notDeciding: IndividualChannel[] = [];
  const deciding = question.law ? (input.decidingChannels ?? question.law.decidingChannels) : undefined;
  const village = deciding ? { ...input, individual: { ...input.individual } } : input;
  if (deciding) {
    for (const c of INDIVIDUAL_CHANNELS) {
      if (deciding.includes(c) || !village.individual[c]) continue;
      setAside[c] = village.individual[c].voters;
      if (setAside[c] > 0) notDeciding.push(c);
      delete village.individual[c];
    }
  }
  const choice = selectVillageSource(village, question.quorumPercent);
  const byChannel: Partial<Record<Channel, number>> = {};
  const channelCounts: Partial<Record<Channel, ChannelCounts>> = {};
  const options: Record<string, number> = {};
  let participants = 0;
  if (choice.source === "MEETING" && choice.meeting) {
    const m = choice.meeting;
    // Households present took part, raised hands or not (abstaining is "other"). A meeting vote per
    // person counts the hands raised, one per person for a single choice.
    const counts = Object.values(m.tallies);
    participants =
      question.votingUnit === "HOUSEHOLD" ? m.householdsPresent : question.kind === "MULTIPLE_CHOICE" ? Math.max(0, ...counts) : counts.reduce((a, b) => a + b, 0);
    addInto(options, m.tallies);
    byChannel.MEETING = participants;
    channelCounts.MEETING = { voters: participants, options: { ...m.tallies } };
    for (const c of INDIVIDUAL_CHANNELS) setAside[c] += village.individual[c]?.voters ?? 0;
    setAside.meetings = village.meetings.length - 1;
  } else {
    for (const c of INDIVIDUAL_CHANNELS) {
      const counts = village.individual[c];
      if (!counts || counts.voters === 0) continue;
      participants += counts.voters;
      addInto(options, counts.options);
      byChannel[c] = counts.voters;
      channelCounts[c] = { voters: counts.voters, options: { ...counts.options } };
    }
    setAside.meetings = village.meetings.length;
  }
  const m = choice.meeting;
  const figures = classify(question, participants, options);
  return {
    ...figures,
    villageId: village.villageId,
    name: village.name,
    eligible: village.eligible,
    outcome: question.law ? villageOutcome(question.law, figures.agree, village.eligible) : null,
    source: choice.source,
    meeting: m ? { id: m.id, heldAt: m.heldAt, form: m.form, householdsPresent: m.householdsPresent, householdsTotal: m.householdsTotal } : null,
    quorumMissing: choice.quorumMissing,
    byChannel,
    setAside,
    notDeciding,
    channelCounts,
  };
}

/** Art. 21.1 after the villages: 2/3 of villages for a commune-wide contribution or fund, else each village. */
export function communeOutcome(law: CountingLaw, villages: Pick<VillageResult, "outcome">[]): CommuneOutcome {
  const villagesPassed = villages.filter((v) => v.outcome?.passed).length;
  const count = villages.length;
  if (law.twoThirdsOfVillages) return { rule: "TWO_THIRDS_OF_VILLAGES", villagesPassed, villages: count, passed: enoughVillages(villagesPassed, count) };
  return { rule: "EACH_VILLAGE", villagesPassed, villages: count, passed: count > 0 && villagesPassed === count };
}

/** The whole question: every village in scope, totals, per channel, and the outcome under its rule. */
export function tallyQuestion(question: QuestionInfo, villages: VillageInput[]): QuestionResult {
  const results = villages.map((v) => tallyVillage(question, v));
  const options: Record<string, number> = {};
  const byChannel: Partial<Record<Channel, ChannelCounts>> = {};
  let participants = 0;
  let eligible = 0;
  for (const r of results) {
    participants += r.participants;
    eligible += r.eligible;
    addInto(options, r.options);
    for (const [channel, counts] of Object.entries(r.channelCounts) as [Channel, ChannelCounts][]) {
      const total = (byChannel[channel] ??= { voters: 0, options: {} });
      total.voters += counts.voters;
      addInto(total.options, counts.options);
    }
  }
  const figures = classify(question, participants, options);
  const villageResults = results.map(({ channelCounts: _c, ...r }) => r);
  const commune = question.law ? communeOutcome(question.law, villageResults) : null;
  const pooled = evaluateThreshold(question.thresholdRule, question.thresholdPercent, { agree: figures.agree, participants, eligible });
  return {
    ...figures,
    question,
    eligible,
    villages: villageResults,
    byChannel,
    // A decision is never decided by pooled figures: its verdict is the commune-level rule's.
    outcome: commune ? { ...pooled, passed: commune.passed } : pooled,
    commune,
  };
}

/** One village's line in a document: households, agreeing, disagreeing, other, and its verdict. */
export type VillageRow = { village: string; households: number; agree: number; disagree: number | null; other: number | null; outcome: VillageOutcome | null };

export const villageRows = (result: Pick<QuestionResult, "villages">): VillageRow[] =>
  result.villages.map((v) => ({ village: v.name, households: v.eligible, agree: v.agree, disagree: v.disagree, other: v.other, outcome: v.outcome }));

/** Running figures while voting is open: the counts, without any verdict. */
export function withoutVerdict(result: QuestionResult): QuestionResult {
  return {
    ...result,
    outcome: { ...result.outcome, passed: null },
    commune: result.commune && { ...result.commune, villagesPassed: 0, passed: null },
    villages: result.villages.map((v) => ({ ...v, outcome: v.outcome && { ...v.outcome, passed: null } })),
  };
}
