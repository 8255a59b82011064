// What every vote and meeting operation loads first: the consultation's voting window and questions,
// and which villages the person acting may enter results for.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";

import { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, ConsultationStatus, LegalCategory, QuestionKind, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";

import type { BallotWindow, Refusal, Voter } from "./eligibility";

/** Staff act for every village; a village head only for their own. Null means every village. */
export function enteringVillageOf(access: CommuneAccess): string | null {
  if (access.roles.some((r) => STAFF_ROLES.includes(r))) return null;
  const head = access.memberships.find((m) => m.role === "VILLAGE_HEAD");
  if (!head?.villageId) throw forbidden();
  return head.villageId;
}

export function assertMayEnterFor(access: CommuneAccess, villageId: string): void {
  const own = enteringVillageOf(access);
  if (own !== null && own !== villageId) throw new AppError("notYourVillage", 403);
}

/** The person on the register behind a resident's account. */
export function residentIdOf(access: CommuneAccess): string {
  const membership = access.memberships.find((m) => m.role === "RESIDENT");
  if (!membership?.residentId) throw forbidden();
  return membership.residentId;
}

/** Throws a refusal as an error the user reads: eligibility 403, timing 409, choices 422. */
export function refuse(refusal: Refusal | null, status = 403): void {
  if (refusal) throw new AppError(refusal.code, status, refusal.params);
}

// The loaders below are single SQL statements rather than Prisma queries with relations: they sit on
// the cast-vote path, where one round trip each matters, and relation reads running beside
// interactive transactions were seen to return rows of other queries under load (see the report of
// the votes branch: Prisma 7.10 with adapter-pg and pg 8.23).

export type OptionRow = { id: string; position: number; label: string; isAffirmative: boolean };

export type QuestionRow = {
  id: string;
  position: number;
  text: string;
  kind: QuestionKind;
  votingUnit: VotingUnit;
  maxChoices: number;
  thresholdRule: ThresholdRule;
  thresholdPercent: number;
  quorumPercent: number | null;
  /** A secret question (secret-ballot-box.ts). */
  secret: boolean;
  options: OptionRow[];
};

type WindowRow = {
  id: string;
  title: string;
  /** The law's matter category: which rule counts the ballot (counting-rules.ts). */
  legalCategory: LegalCategory;
  status: ConsultationStatus;
  commentStartsAt: Date | null;
  commentEndsAt: Date | null;
  postingStartsAt: Date | null;
  allowedChannels: Channel[];
  isCommuneWide: boolean;
  showResultsLive: boolean;
  villageIds: string[];
};

const questionJson = Prisma.sql`json_build_object(
  'id', q."id", 'position', q."position", 'text', q."text", 'kind', q."kind", 'votingUnit', q."votingUnit",
  'maxChoices', q."maxChoices", 'thresholdRule', q."thresholdRule", 'thresholdPercent', q."thresholdPercent",
  'quorumPercent', q."quorumPercent", 'secret', q."secret",
  'options', COALESCE((SELECT json_agg(json_build_object('id', o."id", 'position', o."position", 'label', o."label", 'isAffirmative', o."isAffirmative") ORDER BY o."position")
                       FROM "BallotOption" o WHERE o."questionId" = q."id"), '[]'::json))`;

const windowColumns = Prisma.sql`c."id", c."title", c."legalCategory"::text AS "legalCategory", c."status"::text AS "status", c."commentStartsAt", c."commentEndsAt", c."postingStartsAt",
  c."allowedChannels"::text[] AS "allowedChannels", c."isCommuneWide", c."showResultsLive",
  COALESCE((SELECT array_agg(cv."villageId") FROM "ConsultationVillage" cv WHERE cv."consultationId" = c."id"), '{}') AS "villageIds"`;

/** A public (or later) consultation's ballot: its window and questions. 404 when there is none to vote on. */
export async function loadBallot(communeId: string, consultationId: string) {
  const [c] = await db.$queryRaw<(WindowRow & { questions: QuestionRow[] })[]>`
    SELECT ${windowColumns},
      COALESCE((SELECT json_agg(${questionJson} ORDER BY q."position") FROM "BallotQuestion" q WHERE q."consultationId" = c."id"), '[]'::json) AS "questions"
    FROM "Consultation" c
    WHERE c."id" = ${consultationId} AND c."communeId" = ${communeId} AND c."status" NOT IN ('DRAFT', 'SCHEDULED')`;
  if (!c) throw notFound("consultationNotFound");
  return { ...c, window: toWindow(c) };
}

export type Ballot = Awaited<ReturnType<typeof loadBallot>>;
export type BallotQuestionDetail = Ballot["questions"][number];

export function toWindow(c: Omit<WindowRow, "id" | "title" | "legalCategory" | "postingStartsAt" | "showResultsLive">): BallotWindow {
  return {
    status: c.status,
    commentStartsAt: c.commentStartsAt,
    commentEndsAt: c.commentEndsAt,
    allowedChannels: c.allowedChannels,
    isCommuneWide: c.isCommuneWide,
    villageIds: c.villageIds,
  };
}

export type VoterRow = Voter & { fullName: string; villageName: string };

/** A person on the register with what eligibility needs, or 403 when they are not of this commune. */
export async function loadVoter(communeId: string, residentId: string): Promise<VoterRow> {
  const [r] = await db.$queryRaw<VoterRow[]>`
    SELECT r."id" AS "residentId", r."fullName", v."name" AS "villageName", r."householdId", r."villageId", r."birthYear",
           r."isActive", h."isActive" AS "householdActive", h."representativeId"
    FROM "Resident" r JOIN "Household" h ON h."id" = r."householdId" JOIN "Village" v ON v."id" = r."villageId"
    WHERE r."id" = ${residentId} AND r."communeId" = ${communeId}`;
  if (!r) throw forbidden();
  return r;
}

/**
 * The cast-vote path's one read: the question with its window and the voter, in a single round trip.
 * A question of another commune or a draft is 404; a person not on this commune's register is 403.
 */
export async function loadVoteContext(communeId: string, questionId: string, residentId: string) {
  const [row] = await db.$queryRaw<(WindowRow & { question: QuestionRow | null; voter: VoterRow | null })[]>`
    SELECT ${windowColumns}, ${questionJson} AS "question",
      (SELECT json_build_object('residentId', r."id", 'fullName', r."fullName", 'villageName', v."name", 'householdId', r."householdId",
                                'villageId', r."villageId", 'birthYear', r."birthYear", 'isActive', r."isActive",
                                'householdActive', h."isActive", 'representativeId', h."representativeId")
       FROM "Resident" r JOIN "Household" h ON h."id" = r."householdId" JOIN "Village" v ON v."id" = r."villageId"
       WHERE r."id" = ${residentId} AND r."communeId" = ${communeId}) AS "voter"
    FROM "BallotQuestion" q JOIN "Consultation" c ON c."id" = q."consultationId"
    WHERE q."id" = ${questionId} AND q."communeId" = ${communeId} AND c."status" NOT IN ('DRAFT', 'SCHEDULED')`;
  if (!row?.question) throw notFound("questionNotFound");
  if (!row.voter) throw forbidden();
  return { question: { ...row.question, consultationId: row.id, window: toWindow(row) }, voter: row.voter };
}
