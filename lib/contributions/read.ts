// Reading a contribution. The public summary holds totals per village and per month, what was expected
// and collected, the spending, and the exemptions as COUNTS per category: never a household's name or
// code (Law 91/2025 on personal data; a poor household is not named in public). A resident sees their
// own household's record; staff, village heads (their village) and the Front read the ledger.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { dateColumnToIso } from "@/lib/disclosure/broadcast-days";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

import { byMonth, byVillage, type LedgerEntry, total } from "./ledger";
import { ownVillageOf } from "./roles";
import { expectedOf } from "./rules";

const summarySelect = {
  id: true,
  title: true,
  description: true,
  unit: true,
  levelPerHousehold: true,
  periodStart: true,
  periodEnd: true,
  openedAt: true,
  disclosedAt: true,
  disclosureEndsAt: true,
  consultationId: true,
  workId: true,
  villages: { select: { villageId: true } },
  categories: { select: { id: true, name: true, reducedLevel: true }, orderBy: { name: "asc" } },
} as const;

async function entriesOf(contributionId: string, villageId?: string): Promise<LedgerEntry[]> {
  const rows = await db.contributionEntry.findMany({ where: { contributionId, ...(villageId ? { villageId } : {}) }, select: { householdId: true, villageId: true, amount: true, receivedOn: true } });
  return rows.map((r) => ({ ...r, receivedOn: dateColumnToIso(r.receivedOn) }));
}

/** Expected per village: each active household's level, reduced or nothing under its category. */
async function expectedByVillage(c: { id: string; levelPerHousehold: number; villages: { villageId: string }[] }, communeId: string) {
  const villageIds = c.villages.map((v) => v.villageId);
  const [households, exemptions] = await Promise.all([
    db.household.findMany({ where: { communeId, isActive: true, villageId: { in: villageIds } }, select: { id: true, villageId: true } }),
    db.contributionExemption.findMany({ where: { contributionId: c.id }, select: { householdId: true, category: { select: { reducedLevel: true } } } }),
  ]);
  const exempt = new Map(exemptions.map((e) => [e.householdId, e.category]));
  const out = new Map<string, { households: number; expected: number }>();
  for (const h of households) {
    const v = out.get(h.villageId) ?? { households: 0, expected: 0 };
    v.households += 1;
    v.expected += expectedOf(c.levelPerHousehold, exempt.get(h.id) ?? null);
    out.set(h.villageId, v);
  }
  return out;
}

export async function listPublicContributions(communeId: string) {
  const rows = await db.contribution.findMany({ where: { communeId, openedAt: { not: null } }, orderBy: { createdAt: "desc" }, select: { id: true, title: true, unit: true, levelPerHousehold: true, periodStart: true, periodEnd: true } });
  const sums = await db.contributionEntry.groupBy({ by: ["contributionId"], where: { contributionId: { in: rows.map((r) => r.id) } }, _sum: { amount: true } });
  return rows.map((r) => ({ ...r, collected: sums.find((s) => s.contributionId === r.id)?._sum.amount ?? 0 }));
}

export async function listAllContributions(communeId: string) {
  return db.contribution.findMany({ where: { communeId }, orderBy: { createdAt: "desc" }, select: { id: true, title: true, unit: true, levelPerHousehold: true, openedAt: true, disclosedAt: true } });
}

export type PublicSummary = Awaited<ReturnType<typeof getPublicSummary>>;

/** The public page's figures. `staff` also shows a contribution whose collection is not open yet. */
export async function getPublicSummary(communeId: string, contributionId: string, opts: { includeUnopened?: boolean } = {}) {
  const c = await db.contribution.findFirst({ where: { id: contributionId, communeId, ...(opts.includeUnopened ? {} : { openedAt: { not: null } }) }, select: summarySelect });
  if (!c) throw notFound("contributionNotFound");
  const [entries, expected, villages, exemptionCounts, spendings, work, consultation] = await Promise.all([
    entriesOf(c.id),
    expectedByVillage(c, communeId),
    db.village.findMany({ where: { id: { in: c.villages.map((v) => v.villageId) } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.contributionExemption.groupBy({ by: ["categoryId"], where: { contributionId: c.id }, _count: { _all: true } }),
    db.contributionSpending.findMany({ where: { contributionId: c.id }, orderBy: { spentOn: "asc" }, select: { id: true, spentOn: true, description: true, amount: true } }),
    c.workId ? db.work.findFirst({ where: { id: c.workId, communeId }, select: { id: true, title: true, status: true, progress: true, publishedAt: true } }) : null,
    db.consultation.findFirst({ where: { id: c.consultationId, communeId }, select: { id: true, title: true } }),
  ]);
  const collected = byVillage(entries);
  const villageRows = villages.map((v) => ({ villageId: v.id, name: v.name, households: expected.get(v.id)?.households ?? 0, expected: expected.get(v.id)?.expected ?? 0, collected: collected.get(v.id) ?? 0 }));
  const collectedTotal = total(entries);
  const expectedTotal = villageRows.reduce((n, v) => n + v.expected, 0);
  return {
    contribution: { id: c.id, title: c.title, description: c.description, unit: c.unit, levelPerHousehold: c.levelPerHousehold, periodStart: c.periodStart, periodEnd: c.periodEnd, openedAt: c.openedAt, disclosedAt: c.disclosedAt, disclosureEndsAt: c.disclosureEndsAt },
    consultation,
    work: work?.publishedAt ? work : null,
    villages: villageRows,
    months: byMonth(entries),
    collected: collectedTotal,
    expected: expectedTotal,
    /** Collected against expected, in percent with one decimal (0 when nothing is expected). */
    percent: expectedTotal > 0 ? Math.round((collectedTotal / expectedTotal) * 1000) / 10 : 0,
    // Counts only: never who.
    exemptions: c.categories.map((cat) => ({ id: cat.id, name: cat.name, reducedLevel: cat.reducedLevel, households: exemptionCounts.find((e) => e.categoryId === cat.id)?._count._all ?? 0 })),
    spendings,
    spent: spendings.reduce((n, s) => n + s.amount, 0),
  };
}

/** A signed-in resident's own household: what was expected of it, its receipts and corrections. */
export async function getMyHouseholdRecord(communeId: string, contributionId: string, residentId: string) {
  const resident = await db.resident.findFirst({ where: { id: residentId, communeId }, select: { householdId: true } });
  if (!resident?.householdId) return null;
  const c = await db.contribution.findFirst({ where: { id: contributionId, communeId }, select: { id: true, levelPerHousehold: true, villages: { select: { villageId: true } } } });
  if (!c) throw notFound("contributionNotFound");
  const household = await db.household.findFirst({ where: { id: resident.householdId, communeId }, select: { id: true, code: true, villageId: true } });
  if (!household || !c.villages.some((v) => v.villageId === household.villageId)) return null;
  const [entries, exemption] = await Promise.all([
    db.contributionEntry.findMany({ where: { contributionId: c.id, householdId: household.id }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, amount: true, receivedOn: true, receiptNumber: true, receivedBy: true, reason: true } }),
    db.contributionExemption.findFirst({ where: { contributionId: c.id, householdId: household.id }, select: { category: { select: { name: true, reducedLevel: true } } } }),
  ]);
  return {
    householdCode: household.code,
    expected: expectedOf(c.levelPerHousehold, exemption?.category ?? null),
    category: exemption?.category.name ?? null,
    entries,
    paid: entries.reduce((n, e) => n + e.amount, 0),
  };
}

/** The ledger with households named, for staff and the Front (every village) or a village head (their own). */
export async function getLedger(access: CommuneAccess, contributionId: string) {
  const c = await db.contribution.findFirst({ where: { id: contributionId, communeId: access.communeId }, select: { id: true } });
  if (!c) throw notFound("contributionNotFound");
  const own = ownVillageOf(access);
  const where = { contributionId: c.id, ...(own ? { villageId: own } : {}) };
  const [entries, exemptions] = await Promise.all([
    db.contributionEntry.findMany({ where, orderBy: { createdAt: "desc" }, take: 500, select: { id: true, kind: true, amount: true, receivedOn: true, receivedBy: true, receiptNumber: true, reversesId: true, reason: true, householdId: true, villageId: true } }),
    db.contributionExemption.findMany({ where: { contributionId: c.id }, select: { id: true, householdId: true, category: { select: { name: true } } } }),
  ]);
  const householdIds = [...new Set([...entries.map((e) => e.householdId), ...exemptions.map((e) => e.householdId)])];
  const households = await db.household.findMany({ where: { id: { in: householdIds }, communeId: access.communeId }, select: { id: true, code: true, villageId: true, representative: { select: { fullName: true } } } });
  const byId = new Map(households.map((h) => [h.id, h]));
  const reversed = new Set(entries.filter((e) => e.reversesId).map((e) => e.reversesId));
  return {
    entries: entries.map((e) => ({ ...e, householdCode: byId.get(e.householdId)?.code ?? "", representative: byId.get(e.householdId)?.representative?.fullName ?? null, reversed: reversed.has(e.id) })),
    exemptions: exemptions
      .filter((e) => !own || byId.get(e.householdId)?.villageId === own)
      .map((e) => ({ id: e.id, householdCode: byId.get(e.householdId)?.code ?? "", representative: byId.get(e.householdId)?.representative?.fullName ?? null, category: e.category.name })),
  };
}

/** Closed decisions on a contribution or fund matter, for the set-up form. */
export async function listDecisions(communeId: string) {
  return db.consultation.findMany({
    where: { communeId, matterKind: "DECISION", legalCategory: { in: ["DECISION_COMMUNITY_WORKS", "DECISION_COMMUNITY_FUNDS"] }, status: { notIn: ["DRAFT", "SCHEDULED"] } },
    orderBy: { publishedAt: "desc" },
    select: { id: true, title: true },
  });
}

export const listWorks = (communeId: string) => db.work.findMany({ where: { communeId }, orderBy: { createdAt: "desc" }, select: { id: true, title: true } });
