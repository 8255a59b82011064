import "server-only";

// Importing the commune's household and resident list. The preview reads only; the confirmed import
// re-checks everything inside one transaction (the list may have changed since the preview) and
// writes with a fixed handful of set-based statements, however long the file: 10,000 rows are a few
// unnest() arrays, not 10,000 round trips. Rows with errors are left out, as the preview showed.
import { createHash, randomUUID } from "node:crypto";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { recountVillages } from "@/lib/households/change-log";
import { checkEffectiveDay, setListDay, today } from "@/lib/households/list-day";
import { markMissingGone, type MissingFromFile, missingFromFile, shownMissing } from "@/lib/households/list-diff";
import { appendAudit } from "@/lib/oversight/audit";

import { type ListRow, parseListRows, type RowError } from "./parse-list-rows";
import { type ExistingHousehold, type ExistingResident, type ImportPlan, planListImport } from "./plan-list-import";
import { inspectListFile, type ListFileKind, readListTable } from "./read-list-file";

export type ListFile = { name: string; bytes: Uint8Array };

export type ImportSummary = {
  fileName: string;
  sha256: string;
  kind: ListFileKind;
  totalRows: number;
  skippedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  householdsCreated: number;
  householdsUpdated: number;
  representativesSet: number;
  /** The first MAX_ERRORS_SHOWN errors, by row. */
  errors: RowError[];
  errorCount: number;
  ignoredColumns: string[];
  /** On the list in the villages the file covers but not in the file (lib/households/list-diff.ts). */
  missing?: MissingFromFile;
  /** Marked off the list on confirming, when staff asked for it. */
  markedGone?: { households: number; people: number; on: string };
};

const MAX_ERRORS_SHOWN = 1000;

/** One import at a time per commune: a second waits for the first to commit. */
const importLockKey = (communeId: string) =>
  BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update(`people-import:${communeId}`).digest("hex").slice(0, 16)}`));

async function readFile(file: ListFile, maxBytes: number) {
  const kind = await inspectListFile(file.bytes, maxBytes);
  const table = await readListTable(file.bytes, kind);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return { kind, table, sha256 };
}

async function loadExisting(tx: Tx | typeof db, communeId: string, rows: readonly ListRow[]) {
  const codes = [...new Set(rows.map((r) => r.householdCode))];
  const households = await tx.$queryRaw<ExistingHousehold[]>`
    SELECT id, code, "villageId", address, "isActive", "representativeId" FROM "Household"
    WHERE "communeId" = ${communeId} AND code = ANY(${codes}::text[])`;
  const residents = await tx.$queryRaw<ExistingResident[]>`
    SELECT id, "householdId", "nameKey", "birthYear", "fullName", "isActive" FROM "Resident"
    WHERE "communeId" = ${communeId} AND "householdId" = ANY(${households.map((h) => h.id)}::text[])`;
  return { households, residents };
}

async function loadVillages(tx: Tx | typeof db, communeId: string) {
  return tx.village.findMany({ where: { communeId }, select: { id: true, name: true } });
}

function summarise(file: ListFile, read: { kind: ListFileKind; sha256: string }, parsed: ReturnType<typeof parseListRows>, plan: ImportPlan): ImportSummary {
  const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
  const skipped = new Set(errors.map((e) => e.row)).size;
  return {
    fileName: file.name,
    sha256: read.sha256,
    kind: read.kind,
    totalRows: parsed.totalRows,
    skippedRows: skipped,
    ...plan.counts,
    householdsCreated: plan.newHouseholds.length,
    householdsUpdated: plan.changedHouseholds.length,
    representativesSet: plan.representatives.length,
    errors: errors.slice(0, MAX_ERRORS_SHOWN),
    errorCount: errors.length,
    ignoredColumns: parsed.ignoredColumns,
  };
}

/** What the file would change, and every row that would be left out and why. Writes nothing. */
export async function previewResidentList(access: CommuneAccess, file: ListFile, maxBytes: number): Promise<ImportSummary> {
  const read = await readFile(file, maxBytes);
  const villages = await loadVillages(db, access.communeId);
  const parsed = parseListRows(read.table, villages);
  const plan = planListImport(parsed.rows, await loadExisting(db, access.communeId, parsed.rows), new Map(villages.map((v) => [v.id, v.name])));
  return { ...summarise(file, read, parsed, plan), missing: shownMissing(await missingFromFile(db, access.communeId, parsed.rows)) };
}

/**
 * Imports the file previewed as `expectedSha256`: all of it or, if anything fails, nothing. Records an
 * ImportBatch (who, which file, the counts) and an audit event in the same transaction. Households and
 * people new to the list are on it from today; with `markMissingGoneOn` (staff confirmed it after the
 * preview), those the file leaves out are marked off the list from that day.
 */
export async function importResidentList(
  access: CommuneAccess,
  file: ListFile,
  expectedSha256: string,
  maxBytes: number,
  options: { markMissingGoneOn?: string | null } = {},
): Promise<ImportSummary & { batchId: string }> {
  const read = await readFile(file, maxBytes);
  if (read.sha256 !== expectedSha256) throw conflict("listChangedSincePreview");
  const communeId = access.communeId;
  const goneOn = options.markMissingGoneOn ? checkEffectiveDay(options.markMissingGoneOn) : null;

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${importLockKey(communeId)})`;
      const villages = await loadVillages(tx, communeId);
      const parsed = parseListRows(read.table, villages);
      const existing = await loadExisting(tx, communeId, parsed.rows);
      const plan = planListImport(parsed.rows, existing, new Map(villages.map((v) => [v.id, v.name])));
      const missing = await missingFromFile(tx, communeId, parsed.rows);
      await setListDay(tx, today());
      await writePlan(tx, communeId, plan, existing);
      const summary: ImportSummary = { ...summarise(file, read, parsed, plan), missing: shownMissing(missing) };
      if (goneOn) {
        summary.markedGone = { ...(await markMissingGone(tx, access, missing, goneOn)), on: goneOn };
        await recountVillages(tx, communeId);
      }

      const batch = await tx.importBatch.create({
        data: { communeId, fileName: file.name.slice(0, 200), rowCount: summary.totalRows, created: summary.created, updated: summary.updated, createdById: access.userId },
        select: { id: true },
      });
      await appendAudit(tx, {
        communeId,
        actorId: access.userId,
        actorRole: access.actingRole,
        action: "residents.import",
        entityType: "ImportBatch",
        entityId: batch.id,
        after: { sha256: read.sha256 },
        details: {
          rows: summary.totalRows,
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
          skipped: summary.skippedRows,
          householdsCreated: summary.householdsCreated,
          householdsUpdated: summary.householdsUpdated,
          representativesSet: summary.representativesSet,
          missingHouseholds: missing.householdCount,
          missingPeople: missing.peopleCount,
          ...(summary.markedGone ? { markedGone: summary.markedGone } : {}),
        },
      });
      return { ...summary, batchId: batch.id };
    },
    // A large file on a busy server takes longer than Prisma's 5-second default.
    { timeout: 120_000, maxWait: 30_000 },
  );
}

const personKey = (householdId: string, nameKey: string, birthYear: number | null) => `${householdId}\u0000${nameKey}\u0000${birthYear}`;

async function writePlan(tx: Tx, communeId: string, plan: ImportPlan, existing: Awaited<ReturnType<typeof loadExisting>>) {
  // Rows written in bulk get their ids here (UUIDs; ids are opaque everywhere).
  const householdIds = new Map(existing.households.map((h) => [h.code, h.id]));
  const newHouseholds = plan.newHouseholds.map((h) => ({ ...h, id: randomUUID() }));
  for (const h of newHouseholds) householdIds.set(h.code, h.id);
  if (newHouseholds.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "Household" (id, "communeId", "villageId", code, address, "isActive", "updatedAt")
      SELECT u.id, ${communeId}, u.village, u.code, u.address, true, now()
      FROM unnest(${newHouseholds.map((h) => h.id)}::text[], ${newHouseholds.map((h) => h.villageId)}::text[],
                  ${newHouseholds.map((h) => h.code)}::text[], ${newHouseholds.map((h) => h.address)}::text[]) AS u(id, village, code, address)`;
  }
  if (plan.changedHouseholds.length > 0) {
    await tx.$executeRaw`
      UPDATE "Household" h SET address = u.address, "isActive" = true, "updatedAt" = now()
      FROM unnest(${plan.changedHouseholds.map((h) => h.id)}::text[], ${plan.changedHouseholds.map((h) => h.address)}::text[]) AS u(id, address)
      WHERE h.id = u.id AND h."communeId" = ${communeId}`;
  }

  const residentIds = new Map(existing.residents.map((r) => [personKey(r.householdId, r.nameKey, r.birthYear), r.id]));
  const newResidents = plan.newResidents.map((r) => ({ ...r, id: randomUUID(), householdId: householdIds.get(r.householdCode)! }));
  for (const r of newResidents) residentIds.set(personKey(r.householdId, r.nameKey, r.birthYear), r.id);
  if (newResidents.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "Resident" (id, "communeId", "householdId", "villageId", "fullName", "nameKey", "birthYear", "isActive", "updatedAt")
      SELECT u.id, ${communeId}, u.household, u.village, u.name, u.key, u.year, true, now()
      FROM unnest(${newResidents.map((r) => r.id)}::text[], ${newResidents.map((r) => r.householdId)}::text[],
                  ${newResidents.map((r) => r.villageId)}::text[], ${newResidents.map((r) => r.fullName)}::text[],
                  ${newResidents.map((r) => r.nameKey)}::text[], ${newResidents.map((r) => r.birthYear)}::int[])
           AS u(id, household, village, name, key, year)`;
  }
  if (plan.changedResidents.length > 0) {
    await tx.$executeRaw`
      UPDATE "Resident" r SET "fullName" = u.name, "isActive" = true, "updatedAt" = now()
      FROM unnest(${plan.changedResidents.map((r) => r.id)}::text[], ${plan.changedResidents.map((r) => r.fullName)}::text[]) AS u(id, name)
      WHERE r.id = u.id AND r."communeId" = ${communeId}`;
  }

  const representatives = plan.representatives.map((p) => {
    const householdId = householdIds.get(p.householdCode)!;
    return { householdId, residentId: residentIds.get(personKey(householdId, p.nameKey, p.birthYear))! };
  });
  if (representatives.length > 0) {
    await tx.$executeRaw`
      UPDATE "Household" h SET "representativeId" = u.resident, "updatedAt" = now()
      FROM unnest(${representatives.map((r) => r.householdId)}::text[], ${representatives.map((r) => r.residentId)}::text[]) AS u(household, resident)
      WHERE h.id = u.household AND h."communeId" = ${communeId}`;
  }

  // Village.householdCount is the denominator of every threshold: keep it in step with the list.
  await tx.$executeRaw`
    UPDATE "Village" v SET "householdCount" = (SELECT count(*) FROM "Household" h WHERE h."villageId" = v.id AND h."isActive"), "updatedAt" = now()
    WHERE v."communeId" = ${communeId}`;
}
