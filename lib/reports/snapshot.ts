// The inputs of a summary report, frozen when a report version is generated: later opinions, votes,
// answers or postings never change a generated version. A handful of aggregate queries (no query per
// opinion or per village), then the two computations (themes, opinion groups) in memory.
import type { Channel, PostingChannel } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { loadBallot } from "@/lib/participation/ballot-scope";
import { countParticipants } from "@/lib/notices/participants";
import { computeResults } from "@/lib/participation/get-results";
import { type CommuneOutcome, type Outcome, type VillageRow, villageRows } from "@/lib/participation/tally";
import { computeOpinionGroups } from "@/lib/reports/opinion-groups/compute-opinion-groups";
import { clusterThemes } from "@/lib/reports/themes/cluster-themes";
import type { ThemeSet } from "@/lib/reports/themes/schemas";
import { readSettings } from "@/lib/settings";

import { type MapOutline, outlineRings } from "./pin-map";

export const SNAPSHOT_SCHEMA = 1;
/** How many of the most agreed opinions the report lists. */
export const TOP_AGREED = 10;

export type SnapshotAnswer = { kind: "TAKEN_ON_BOARD" | "EXPLAINED" | "OUT_OF_SCOPE"; body: string };

export type SnapshotOpinion = {
  id: string;
  number: number;
  village: string | null;
  channel: Channel;
  stance: string | null;
  /** Empty for an opinion hidden by moderation: the report cites it by number, not by its text. */
  body: string;
  hidden: boolean;
  agree: number;
  disagree: number;
  createdAt: string;
  answerId: string | null;
};

export type SnapshotGroups =
  | { status: "insufficient"; reason: string; actual: number; required: number }
  | {
      status: "ok";
      participants: number;
      reactions: number;
      groups: { id: number; size: number; representative: { number: number; agreeShare: number; direction: "agree" | "disagree" }[] }[];
      consensus: { number: number; direction: "agree" | "disagree" }[];
    };

/** One village's count of a decision question, as the report shows it. */
export type SnapshotVillageResult = VillageRow;

/**
 * The summary report's table per village (domain.md, after Decree 321/2025's model): households taking
 * part, counting the households present at the village's meeting (the largest, when there were
 * several; Law 10/2022 Art. 26.1 names the village meeting a form of consultation), and the
 * households agreeing, disagreeing and of other opinion.
 */
export type VillagePositions = { atMeeting: number; takingPart: number; agree: number; disagree: number; other: number };

export type ReportSnapshot = {
  schema: typeof SNAPSHOT_SCHEMA;
  takenAt: string;
  commune: { name: string; province: string };
  consultation: {
    id: string;
    title: string;
    summary: string;
    matterKind: string;
    legalCategory: string;
    legalBasis: string;
    responsibleOfficer: string;
    isCommuneWide: boolean;
    allowedChannels: Channel[];
    postingStartsAt: string | null;
    postingEndsAt: string | null;
    commentStartsAt: string | null;
    commentEndsAt: string | null;
    publishedAt: string | null;
    closedAt: string | null;
  };
  scopeVillages: string[];
  postings: { channel: PostingChannel; location: string; startsAt: string; endsAt: string | null; broadcastDays: number }[];
  meetings: { village: string; heldAt: string; householdsPresent: number; householdsTotal: number }[];
  participation: {
    villages: ({ villageId: string; village: string; households: number; withOpinion: number; voted: number; participated: number } & Partial<VillagePositions>)[];
    totals: { households: number; withOpinion: number; voted: number; participated: number } & Partial<VillagePositions>;
    byChannel: { channel: Channel; opinions: number; votes: number }[];
    /** Where "agreeing, disagreeing, other" come from (absent in versions taken before it). */
    positionsFrom?: { kind: "question"; text: string; secret: boolean } | { kind: "opinions" };
  };
  ballot: {
    questions: {
      id: string;
      text: string;
      votingUnit: string;
      eligible: number;
      participants: number;
      options: { label: string; count: number; isAffirmative: boolean }[];
      outcome: Outcome;
      /** A secret ballot: figures of fewer than 3 votes read "dưới 3" (absent in versions taken before it). */
      secret?: boolean;
      /** A decision's count per village under Law 10/2022 Art. 21.1 (absent in versions taken before it). */
      villages?: SnapshotVillageResult[];
      commune?: CommuneOutcome | null;
    }[];
  };
  themes: ThemeSet;
  groups: SnapshotGroups;
  topAgreed: { id: string; number: number }[];
  pins: { id: string; number: number; lat: number; lng: number; stance: string | null }[];
  /** The commune's village outlines for the map of pinned opinions (absent in versions taken before it). */
  outlines?: MapOutline[];
  answers: Record<string, SnapshotAnswer>;
  opinions: SnapshotOpinion[];
  counts: { opinions: number; answered: number; unanswered: number; hidden: number; votes: number };
  /** Distinct accounts that posted, reacted or voted online, for the outcome notice (absent in versions taken before it). */
  onlineParticipants?: number;
};

export type StageTimer = <T>(stage: "queries" | "themes" | "groups", work: () => Promise<T> | T) => Promise<T>;
const untimed: StageTimer = async (_stage, work) => work();

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type OpinionRow = {
  id: string;
  number: number;
  villageId: string | null;
  channel: Channel;
  stance: string | null;
  body: string;
  moderationState: string;
  agreeCount: number;
  disagreeCount: number;
  lat: number | null;
  lng: number | null;
  createdAt: Date;
  answerId: string | null;
};

async function loadInputs(communeId: string, consultationId: string, now: Date) {
  const consultation = await db.consultation.findFirst({
    where: { id: consultationId, communeId },
    select: {
      id: true,
      title: true,
      summary: true,
      matterKind: true,
      legalCategory: true,
      legalBasis: true,
      responsibleOfficer: true,
      isCommuneWide: true,
      allowedChannels: true,
      postingStartsAt: true,
      postingEndsAt: true,
      commentStartsAt: true,
      commentEndsAt: true,
      publishedAt: true,
      closedAt: true,
      villages: { select: { villageId: true } },
      commune: { select: { name: true, province: true, settings: true } },
    },
  });
  if (!consultation) throw notFound("consultationNotFound");
  const scope = consultation.isCommuneWide ? null : consultation.villages.map((v) => v.villageId);
  const [villages, households, participationRows, opinionChannels, voteChannels, opinions, answers, reactions, postings, meetings, ballot, onlineParticipants] = await Promise.all([
    db.village.findMany({ where: { communeId, ...(scope ? { id: { in: scope } } : {}) }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.household.groupBy({ by: ["villageId"], where: { communeId, isActive: true, ...(scope ? { villageId: { in: scope } } : {}) }, _count: { _all: true } }),
    // Households that took part by village: with an opinion, with a vote, and with either.
    // Households that took part by village: with an opinion, with a vote, with either, and with either
    // other than at a village meeting (those are among the households the meeting record counts).
    db.$queryRaw<{ villageId: string; withOpinion: number; voted: number; participated: number; outsideMeeting: number }[]>`
      SELECT "villageId",
        count(DISTINCT "householdId") FILTER (WHERE src = 'o')::int AS "withOpinion",
        count(DISTINCT "householdId") FILTER (WHERE src = 'v')::int AS "voted",
        count(DISTINCT "householdId")::int AS "participated",
        count(DISTINCT "householdId") FILTER (WHERE channel <> 'MEETING')::int AS "outsideMeeting"
      FROM (
        SELECT "villageId", "householdId", 'o' AS src, "channel"::text AS channel FROM "Opinion"
        WHERE "consultationId" = ${consultationId} AND "householdId" IS NOT NULL AND "villageId" IS NOT NULL
        UNION ALL
        SELECT "villageId", "householdId", 'v' AS src, "channel"::text AS channel FROM "Vote"
        WHERE "consultationId" = ${consultationId} AND "householdId" IS NOT NULL AND "voidedAt" IS NULL
      ) x GROUP BY 1`,
    db.opinion.groupBy({ by: ["channel"], where: { consultationId, parentId: null }, _count: { _all: true } }),
    db.$queryRaw<{ channel: Channel; n: number }[]>`
      SELECT "channel", count(DISTINCT "voterKey")::int AS n FROM "Vote" WHERE "consultationId" = ${consultationId} AND "voidedAt" IS NULL GROUP BY 1`,
    db.$queryRaw<OpinionRow[]>`
      SELECT "id", "number", "villageId", "channel", "stance"::text AS "stance", "body", "moderationState"::text AS "moderationState",
        "agreeCount", "disagreeCount", "lat", "lng", "createdAt", "answerId"
      FROM "Opinion" WHERE "consultationId" = ${consultationId} AND "parentId" IS NULL ORDER BY "number"`,
    db.opinionAnswer.findMany({ where: { consultationId }, select: { id: true, kind: true, body: true } }),
    db.$queryRaw<{ participantId: string; opinionId: string; kind: "AGREE" | "DISAGREE" }[]>`
      SELECT r."userId" AS "participantId", r."opinionId", r."kind"::text AS "kind"
      FROM "Reaction" r JOIN "Opinion" o ON o."id" = r."opinionId"
      WHERE o."consultationId" = ${consultationId} AND o."parentId" IS NULL AND o."moderationState" = 'VISIBLE'`,
    db.disclosurePosting.findMany({
      where: { consultationId, communeId },
      select: { channel: true, location: true, startsAt: true, endsAt: true, broadcastDates: true },
      orderBy: { startsAt: "asc" },
    }),
    db.meetingRecord.findMany({
      where: { consultationId, communeId },
      select: { villageId: true, heldAt: true, householdsPresent: true, householdsTotal: true },
      orderBy: { heldAt: "asc" },
    }),
    loadBallot(communeId, consultationId),
    countParticipants(consultationId),
  ]);
  const [results, stances] = await Promise.all([
    computeResults(communeId, ballot, now),
    // Each household's stance: that of its latest opinion (a household that changed its mind counts once).
    db.$queryRaw<{ villageId: string; stance: string | null; n: number }[]>`
      SELECT "villageId", "stance", count(*)::int AS n FROM (
        SELECT DISTINCT ON ("householdId") "villageId", "stance"::text AS "stance"
        FROM "Opinion" WHERE "consultationId" = ${consultationId} AND "parentId" IS NULL AND "householdId" IS NOT NULL AND "villageId" IS NOT NULL
        ORDER BY "householdId", "createdAt" DESC
      ) h GROUP BY 1, 2`,
  ]);
  return { stances, consultation, villages, households, participationRows, opinionChannels, voteChannels, opinions, answers, reactions, postings, meetings, results, onlineParticipants };
}

/**
 * Everything a report version shows, as plain JSON. `timer` lets the benchmark time each stage.
 */
export async function takeSnapshot(communeId: string, consultationId: string, options: { now?: Date; timer?: StageTimer } = {}): Promise<ReportSnapshot> {
  const now = options.now ?? new Date();
  const timer = options.timer ?? untimed;
  const inputs = await timer("queries", () => loadInputs(communeId, consultationId, now));
  const { consultation: c } = inputs;
  const settings = readSettings(c.commune.settings);

  const villageName = new Map<string, string>();
  // Names of villages out of scope too: an opinion may come from anywhere in the commune.
  if (inputs.opinions.some((o) => o.villageId && !inputs.villages.some((v) => v.id === o.villageId)) || inputs.meetings.length) {
    for (const v of await db.village.findMany({ where: { communeId }, select: { id: true, name: true } })) villageName.set(v.id, v.name);
  }
  for (const v of inputs.villages) villageName.set(v.id, v.name);

  const visible = inputs.opinions.filter((o) => o.moderationState === "VISIBLE");
  const themes = await timer("themes", () => clusterThemes(visible.map((o) => ({ id: o.id, text: o.body }))));
  const groupResult = await timer("groups", () => computeOpinionGroups(inputs.reactions, { minReactions: settings.minReactionsForGroups }));

  const numberOf = new Map(inputs.opinions.map((o) => [o.id, o.number]));
  const groups: SnapshotGroups =
    groupResult.status === "ok"
      ? {
          status: "ok",
          participants: groupResult.figures.participants,
          reactions: groupResult.figures.reactions,
          groups: groupResult.groups.map((g) => ({
            id: g.id,
            size: g.size,
            representative: g.representative.map((r) => ({
              number: numberOf.get(r.opinionId) ?? 0,
              agreeShare: Math.round((r.agree / Math.max(1, r.agree + r.disagree)) * 100),
              direction: r.agree >= r.disagree ? ("agree" as const) : ("disagree" as const),
            })),
          })),
          consensus: groupResult.consensus.map((x) => ({ number: numberOf.get(x.opinionId) ?? 0, direction: x.direction })),
        }
      : {
          status: "insufficient",
          reason: groupResult.reason,
          actual: groupResult.reason === "tooFewParticipants" ? groupResult.figures.participants : groupResult.figures.reactions,
          required: groupResult.required,
        };

  const householdsOf = new Map(inputs.households.map((h) => [h.villageId, h._count._all]));
  const takenPart = new Map(inputs.participationRows.map((r) => [r.villageId, r]));
  const villages = inputs.villages.map((v) => {
    const row = takenPart.get(v.id);
    return { villageId: v.id, village: v.name, households: householdsOf.get(v.id) ?? 0, withOpinion: row?.withOpinion ?? 0, voted: row?.voted ?? 0, participated: row?.participated ?? 0 };
  });
  const sum = (key: "households" | "withOpinion" | "voted" | "participated") => villages.reduce((n, v) => n + v[key], 0);
  const questions = inputs.results.map((r) => ({ text: r.question.text, secret: r.question.secret === true, villages: villageRows(r) }));
  const positions = villagePositions({ villages, participationRows: inputs.participationRows, meetings: inputs.meetings, stances: inputs.stances, questions });
  const channels = new Set<Channel>([...inputs.opinionChannels.map((r) => r.channel), ...inputs.voteChannels.map((r) => r.channel)]);
  const byChannel = [...channels].sort().map((channel) => ({
    channel,
    opinions: inputs.opinionChannels.find((r) => r.channel === channel)?._count._all ?? 0,
    votes: inputs.voteChannels.find((r) => r.channel === channel)?.n ?? 0,
  }));

  const answers: Record<string, SnapshotAnswer> = {};
  for (const a of inputs.answers) answers[a.id] = { kind: a.kind, body: a.body };
  const opinions: SnapshotOpinion[] = inputs.opinions.map((o) => ({
    id: o.id,
    number: o.number,
    village: o.villageId ? (villageName.get(o.villageId) ?? null) : null,
    channel: o.channel,
    stance: o.stance,
    body: o.moderationState === "VISIBLE" ? o.body : "",
    hidden: o.moderationState !== "VISIBLE",
    agree: o.agreeCount,
    disagree: o.disagreeCount,
    createdAt: o.createdAt.toISOString(),
    answerId: o.answerId && answers[o.answerId] ? o.answerId : null,
  }));
  // Only answers some opinion still uses.
  const used = new Set(opinions.map((o) => o.answerId).filter(Boolean));
  for (const id of Object.keys(answers)) if (!used.has(id)) delete answers[id];
  const answered = opinions.filter((o) => o.answerId).length;

  const topAgreed = visible
    .filter((o) => o.agreeCount > 0)
    .sort((a, b) => b.agreeCount - a.agreeCount || a.disagreeCount - b.disagreeCount || a.number - b.number)
    .slice(0, TOP_AGREED)
    .map((o) => ({ id: o.id, number: o.number }));
  const pins = visible.filter((o) => o.lat !== null && o.lng !== null).map((o) => ({ id: o.id, number: o.number, lat: o.lat!, lng: o.lng!, stance: o.stance }));
  const outlines: MapOutline[] = pins.length
    ? (await db.village.findMany({ where: { communeId }, select: { name: true, boundary: true }, orderBy: { name: "asc" } }))
        .map((v) => ({ name: v.name, rings: outlineRings(v.boundary) }))
        .filter((v) => v.rings.length > 0)
    : [];

  return {
    schema: SNAPSHOT_SCHEMA,
    takenAt: now.toISOString(),
    commune: { name: c.commune.name, province: c.commune.province },
    consultation: {
      id: c.id,
      title: c.title,
      summary: c.summary,
      matterKind: c.matterKind,
      legalCategory: c.legalCategory,
      legalBasis: c.legalBasis,
      responsibleOfficer: c.responsibleOfficer,
      isCommuneWide: c.isCommuneWide,
      allowedChannels: c.allowedChannels,
      postingStartsAt: iso(c.postingStartsAt),
      postingEndsAt: iso(c.postingEndsAt),
      commentStartsAt: iso(c.commentStartsAt),
      commentEndsAt: iso(c.commentEndsAt),
      publishedAt: iso(c.publishedAt),
      closedAt: iso(c.closedAt),
    },
    scopeVillages: inputs.villages.map((v) => v.name),
    postings: inputs.postings.map((p) => ({ channel: p.channel, location: p.location, startsAt: p.startsAt.toISOString(), endsAt: iso(p.endsAt), broadcastDays: p.broadcastDates.length })),
    meetings: inputs.meetings.map((m) => ({ village: villageName.get(m.villageId) ?? "", heldAt: m.heldAt.toISOString(), householdsPresent: m.householdsPresent, householdsTotal: m.householdsTotal })),
    participation: {
      villages: villages.map((v) => ({ ...v, ...positions.villages.get(v.villageId)! })),
      totals: { households: sum("households"), withOpinion: sum("withOpinion"), voted: sum("voted"), participated: sum("participated"), ...positions.totals },
      byChannel,
      positionsFrom: positions.from,
    },
    ballot: {
      questions: inputs.results.map((r) => ({
        id: r.question.id,
        text: r.question.text,
        votingUnit: r.question.votingUnit,
        eligible: r.eligible,
        participants: r.participants,
        options: [...r.question.options].sort((a, b) => a.position - b.position).map((o) => ({ label: o.label, count: r.options[o.id] ?? 0, isAffirmative: o.isAffirmative })),
        outcome: r.outcome,
        secret: r.question.secret === true,
        villages: villageRows(r),
        commune: r.commune,
      })),
    },
    themes,
    groups,
    topAgreed,
    pins,
    outlines,
    answers,
    opinions,
    counts: {
      opinions: opinions.length,
      answered,
      unanswered: opinions.length - answered,
      hidden: opinions.filter((o) => o.hidden).length,
      votes: inputs.voteChannels.reduce((n, r) => n + r.n, 0),
    },
    onlineParticipants: inputs.onlineParticipants,
  };
}

/**
 * Households taking part, agreeing, disagreeing and of other opinion, per village. Taking part: the
 * households with an opinion or a vote, plus those present at the village meeting. A meeting record
 * counts its households without naming them, so the households that took part at the meeting
 * (their opinions entered with the meeting) are counted once, within the meeting's figure; a
 * household that also wrote on the web may be counted twice, and no village counts more households
 * than it has. Positions: from the consultation's first yes/no question where it has one (its count
 * per village, which takes a village's meeting tally where that is the village's source), otherwise
 * from each household's stance in its latest opinion.
 */
export function villagePositions(input: {
  villages: { villageId: string; village: string; households: number; participated: number }[];
  participationRows: { villageId: string; outsideMeeting: number }[];
  meetings: { villageId: string; householdsPresent: number }[];
  stances: { villageId: string; stance: string | null; n: number }[];
  questions: { text: string; secret: boolean; villages: VillageRow[] }[];
}): { villages: Map<string, VillagePositions>; totals: VillagePositions; from: NonNullable<ReportSnapshot["participation"]["positionsFrom"]> } {
  const question = input.questions.find((q) => q.villages.some((v) => v.disagree !== null));
  const outside = new Map(input.participationRows.map((r) => [r.villageId, r.outsideMeeting]));
  const atMeeting = new Map<string, number>();
  for (const m of input.meetings) atMeeting.set(m.villageId, Math.max(atMeeting.get(m.villageId) ?? 0, m.householdsPresent));
  const villages = new Map<string, VillagePositions>();
  for (const v of input.villages) {
    const present = atMeeting.get(v.villageId) ?? 0;
    const takingPart = present > 0 ? Math.min(v.households, (outside.get(v.villageId) ?? 0) + present) : v.participated;
    let agree = 0;
    let disagree = 0;
    let other = 0;
    if (question) {
      const row = question.villages.find((r) => r.village === v.village);
      agree = row?.agree ?? 0;
      disagree = row?.disagree ?? 0;
      other = row?.other ?? 0;
    } else {
      for (const s of input.stances.filter((s) => s.villageId === v.villageId)) {
        if (s.stance === "SUPPORT") agree += s.n;
        else if (s.stance === "OPPOSE") disagree += s.n;
        else other += s.n;
      }
    }
    villages.set(v.villageId, { atMeeting: present, takingPart, agree, disagree, other });
  }
  const total = (key: keyof VillagePositions) => [...villages.values()].reduce((n, p) => n + p[key], 0);
  return {
    villages,
    totals: { atMeeting: total("atMeeting"), takingPart: total("takingPart"), agree: total("agree"), disagree: total("disagree"), other: total("other") },
    from: question ? { kind: "question", text: question.text, secret: question.secret } : { kind: "opinions" },
  };
}
