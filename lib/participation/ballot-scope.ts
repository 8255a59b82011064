// What every vote and meeting operation loads first: the consultation's voting window and questions,
// and which villages the person acting may enter results for.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";

import type { BallotWindow, Refusal } from "./eligibility";

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

const windowSelect = {
  id: true,
  title: true,
  status: true,
  commentStartsAt: true,
  commentEndsAt: true,
  postingStartsAt: true,
  allowedChannels: true,
  isCommuneWide: true,
  showResultsLive: true,
  villages: { select: { villageId: true } },
} as const;

const questionSelect = {
  id: true,
  position: true,
  text: true,
  kind: true,
  votingUnit: true,
  maxChoices: true,
  thresholdRule: true,
  thresholdPercent: true,
  quorumPercent: true,
  options: { select: { id: true, position: true, label: true, isAffirmative: true }, orderBy: { position: "asc" } },
} as const;

/** A public (or later) consultation's ballot: its window and questions. 404 when there is none to vote on. */
export async function loadBallot(communeId: string, consultationId: string) {
  const c = await db.consultation.findFirst({
    where: { id: consultationId, communeId, status: { notIn: ["DRAFT", "SCHEDULED"] } },
    select: { ...windowSelect, questions: { select: questionSelect, orderBy: { position: "asc" } } },
  });
  if (!c) throw notFound("consultationNotFound");
  return { ...c, window: toWindow(c) };
}

export type Ballot = Awaited<ReturnType<typeof loadBallot>>;
export type BallotQuestionDetail = Ballot["questions"][number];

/** One question with its consultation's window, for the cast-vote path. */
export async function loadQuestion(communeId: string, questionId: string) {
  const q = await db.ballotQuestion.findFirst({
    where: { id: questionId, communeId },
    select: { ...questionSelect, consultationId: true, consultation: { select: windowSelect } },
  });
  if (!q || q.consultation.status === "DRAFT" || q.consultation.status === "SCHEDULED") throw notFound("questionNotFound");
  return { ...q, window: toWindow(q.consultation) };
}

export function toWindow(c: {
  status: BallotWindow["status"];
  commentStartsAt: Date | null;
  commentEndsAt: Date | null;
  allowedChannels: BallotWindow["allowedChannels"];
  isCommuneWide: boolean;
  villages: { villageId: string }[];
}): BallotWindow {
  return {
    status: c.status,
    commentStartsAt: c.commentStartsAt,
    commentEndsAt: c.commentEndsAt,
    allowedChannels: c.allowedChannels,
    isCommuneWide: c.isCommuneWide,
    villageIds: c.villages.map((v) => v.villageId),
  };
}

/** A person on the register with what eligibility needs, or 403 when they are not of this commune. */
export async function loadVoter(communeId: string, residentId: string) {
  const r = await db.resident.findFirst({
    where: { id: residentId, communeId },
    select: {
      id: true,
      fullName: true,
      householdId: true,
      villageId: true,
      birthYear: true,
      isActive: true,
      village: { select: { name: true } },
      household: { select: { isActive: true, representativeId: true } },
    },
  });
  if (!r) throw forbidden();
  return {
    residentId: r.id,
    fullName: r.fullName,
    villageName: r.village.name,
    householdId: r.householdId,
    villageId: r.villageId,
    birthYear: r.birthYear,
    isActive: r.isActive,
    householdActive: r.household.isActive,
    representativeId: r.household.representativeId,
  };
}
