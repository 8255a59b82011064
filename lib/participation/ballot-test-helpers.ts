// For integration tests of ballots: consultations with a question, open or closed as a test needs, and
// villages of households whose representatives have verified accounts — written straight to the
// database, so that each test sets up exactly what it is about.
import { randomUUID } from "node:crypto";

import { type CommuneAccess, requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Channel, LegalCategory, QuestionKind, Role, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";
import { toSearchKey } from "@/lib/text/search-key";

const DAY = 24 * 3600 * 1000;

export async function createBallot(input: {
  communeId: string;
  createdById: string;
  title?: string;
  category?: LegalCategory;
  villageIds?: string[];
  channels?: Channel[];
  unit?: VotingUnit;
  kind?: QuestionKind;
  thresholdRule?: ThresholdRule;
  quorumPercent?: number | null;
  showResultsLive?: boolean;
  /** Days from now. */
  opensIn?: number;
  closesIn?: number;
}) {
  const now = Date.now();
  const c = await db.consultation.create({
    data: {
      communeId: input.communeId,
      title: input.title ?? `Biểu quyết thử ${randomUUID().slice(0, 6)}`,
      summary: "Nội dung dùng cho kiểm thử biểu quyết.",
      matterKind: "DECISION",
      legalCategory: input.category ?? "DECISION_VILLAGE_CONVENTION",
      subject: "CONVENTION",
      status: "PUBLISHED",
      isCommuneWide: !input.villageIds,
      allowedChannels: input.channels ?? ["WEB", "PAPER", "MEETING", "ASSISTED"],
      commentStartsAt: new Date(now + (input.opensIn ?? -5) * DAY),
      commentEndsAt: new Date(now + (input.closesIn ?? 20) * DAY),
      publishedAt: new Date(now - 5 * DAY),
      onlineVoteNoticeAt: new Date(now - 6 * DAY),
      showResultsLive: input.showResultsLive ?? false,
      createdById: input.createdById,
      villages: { create: (input.villageIds ?? []).map((villageId) => ({ villageId })) },
      questions: {
        create: {
          position: 0,
          text: "Hộ gia đình có đồng ý thông qua không?",
          kind: input.kind ?? "YES_NO_ABSTAIN",
          votingUnit: input.unit ?? "HOUSEHOLD",
          thresholdRule: input.thresholdRule ?? "MAJORITY_OF_ALL_IN_SCOPE",
          quorumPercent: input.quorumPercent === undefined ? 50 : input.quorumPercent,
          options: {
            create: [
              { position: 0, label: "Đồng ý", isAffirmative: true },
              { position: 1, label: "Không đồng ý" },
              { position: 2, label: "Ý kiến khác" },
            ],
          },
        },
      },
    },
    select: { id: true, questions: { select: { id: true, options: { select: { id: true }, orderBy: { position: "asc" } } } } },
  });
  const question = c.questions[0]!;
  const [agree, disagree, other] = question.options.map((o) => o.id) as [string, string, string];
  return { consultationId: c.id, questionId: question.id, agree, disagree, other };
}

export type TestHousehold = { householdId: string; villageId: string; residentId: string; userId: string | null; code: string };

/**
 * A village of `count` households, each with one adult who is its representative; `accounts` of them
 * get a verified resident account (no password can sign in: these are for domain calls).
 */
export async function createVillage(communeId: string, input: { name: string; households: number; accounts?: number; representative?: boolean }) {
  const village = await db.village.create({ data: { communeId, name: input.name }, select: { id: true } });
  // 8 random hex digits: with 4, a run that makes a few hundred villages met a repeated phone by chance.
  const prefix = `T${randomUUID().slice(0, 8).toUpperCase()}`;
  const households = Array.from({ length: input.households }, (_, i) => ({ id: randomUUID(), communeId, villageId: village.id, code: `${prefix}-${String(i + 1).padStart(4, "0")}` }));
  await db.household.createMany({ data: households });
  const residents = households.map((h, i) => ({ id: randomUUID(), communeId, householdId: h.id, villageId: village.id, fullName: `Nguyễn Văn Thử ${i + 1}`, nameKey: toSearchKey(`Nguyễn Văn Thử ${i + 1}`), birthYear: 1970 }));
  await db.resident.createMany({ data: residents });
  if (input.representative !== false) {
    await db.$executeRaw`UPDATE "Household" h SET "representativeId" = r.id FROM "Resident" r WHERE r."householdId" = h.id AND h."villageId" = ${village.id}`;
  }
  await db.village.update({ where: { id: village.id }, data: { householdCount: input.households } });
  const accounts = input.accounts ?? 0;
  const users = residents.slice(0, accounts).map((r, i) => ({ id: randomUUID(), name: r.fullName, displayName: `Thử ${i + 1} (${input.name})`, phone: `+8497${prefix.slice(1)}${String(i).padStart(3, "0")}`, passwordHash: "x" }));
  await db.user.createMany({ data: users });
  await db.membership.createMany({
    data: users.map((u, i) => ({ userId: u.id, communeId, role: "RESIDENT" as const, status: "VERIFIED" as const, verificationMethod: "IN_PERSON" as const, verifiedAt: new Date(), villageId: village.id, residentId: residents[i]!.id })),
  });
  const list: TestHousehold[] = households.map((h, i) => ({ householdId: h.id, villageId: village.id, residentId: residents[i]!.id, userId: users[i]?.id ?? null, code: h.code }));
  return { villageId: village.id, households: list };
}

/** Adds a member to a household, with a verified account if `account` is set. */
export async function addMember(communeId: string, household: TestHousehold, input: { fullName: string; birthYear: number; account?: boolean }) {
  const resident = await db.resident.create({
    data: { communeId, householdId: household.householdId, villageId: household.villageId, fullName: input.fullName, nameKey: toSearchKey(input.fullName), birthYear: input.birthYear },
    select: { id: true },
  });
  if (!input.account) return { residentId: resident.id, userId: null };
  const user = await db.user.create({ data: { name: input.fullName, displayName: `${input.fullName.split(" ").at(-1)} (thử)`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId, role: "RESIDENT", status: "VERIFIED", verificationMethod: "IN_PERSON", verifiedAt: new Date(), villageId: household.villageId, residentId: resident.id } });
  return { residentId: resident.id, userId: user.id };
}

export const accessOf = (userId: string, communeId: string) => requireCommuneAccess(userId, communeId, ["RESIDENT", "VILLAGE_HEAD", "STAFF", "LEADER", "ADMIN", "FRONT_REVIEWER"], { write: true });

/**
 * Who may do what: each named person tries `run` through the role check for `roles`, and the answer
 * is "ok" or the refusal's code (forbidden, notYourVillage…), for a test to compare with the rule.
 */
export async function outcomesByPerson(people: Record<string, string>, communeId: string, roles: readonly Role[], run: (access: CommuneAccess) => Promise<unknown>) {
  const out: Record<string, string> = {};
  for (const [who, userId] of Object.entries(people)) {
    try {
      await run(await requireCommuneAccess(userId, communeId, roles, { write: true }));
      out[who] = "ok";
    } catch (e) {
      if (!isAppError(e)) throw e;
      out[who] = e.code;
    }
  }
  return out;
}

/** Moves a consultation's end into the past, as the scheduler would find it. */
export async function closeBallot(consultationId: string) {
  await db.consultation.update({ where: { id: consultationId }, data: { commentEndsAt: new Date(Date.now() - 1000), status: "CLOSED", closedAt: new Date() } });
}

export type TestCommune = Awaited<ReturnType<typeof createTestCommune>>;

/**
 * A commune of its own for a test file, with a staff account, so that the villages and households a
 * test makes never change the demo communes other tests rely on.
 */
export async function createTestCommune(name: string) {
  const slug = `thu-${randomUUID().slice(0, 8)}`;
  const commune = await db.commune.create({ data: { slug, name, province: "Quảng Ngãi", centerLat: 15, centerLng: 108.7 }, select: { id: true } });
  const staff = await db.user.create({ data: { name: "Cán bộ thử", displayName: "Cán bộ thử", email: `${slug}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: staff.id, communeId: commune.id, role: "STAFF", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
  return { communeId: commune.id, staffId: staff.id, staff: await requireCommuneAccess(staff.id, commune.id, ["STAFF"], { write: true }) };
}

/** A verified Front reviewer of the commune (the Fatherland Front confirms what staff propose). */
export async function addFrontReviewer(communeId: string) {
  const user = await db.user.create({ data: { name: "Cán bộ MTTQ thử", displayName: "MTTQ thử", email: `mttq-${randomUUID().slice(0, 8)}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId, role: "FRONT_REVIEWER", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
  return requireCommuneAccess(user.id, communeId, ["FRONT_REVIEWER"], { write: true });
}
