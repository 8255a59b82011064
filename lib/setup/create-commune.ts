import "server-only";

// A platform administrator creates a commune from nothing: its names, address, villages and
// boundaries, in one transaction with its first audit event (the start of its hash chain). Adding
// villages later goes through the same checks against the villages it already has. No SQL, no seed.
import type { z } from "zod";

import { db } from "@/lib/db";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";

import { type Area, type BoundaryProblem, centreOf, checkVillages, unionOf, type VillageShape } from "./boundaries";
import { PLATFORM_ROLE, type PlatformAdmin } from "./platform-admin";
import type { addVillagesSchema, CreateCommuneValues } from "./schemas";

/** The first problem as a 422 (the form shows it), with every problem's code in `fields`. */
export function refuseBoundaries(problems: BoundaryProblem[]): never {
  const first = problems[0]!;
  throw new AppError(first.code, 422, first.params, { villages: first.code });
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function createCommune(admin: PlatformAdmin, values: CreateCommuneValues) {
  const villages = values.villages as VillageShape[];
  const problems = checkVillages(villages, { commune: values.boundary as Area | null });
  if (problems.length) refuseBoundaries(problems);
  const boundary = (values.boundary as Area | null) ?? unionOf(villages.map((v) => v.boundary));
  if (!boundary) throw invalid("setupVillagesRequired");
  const centre = centreOf(boundary);
  try {
    return await db.$transaction(async (tx) => {
      const commune = await tx.commune.create({
        data: {
          slug: values.slug,
          name: values.name,
          province: values.province,
          address: values.address,
          committeeName: values.committeeName,
          frontName: values.frontName,
          boundary: boundary as unknown as Prisma.InputJsonValue,
          centerLat: centre.lat,
          centerLng: centre.lng,
        },
        select: { id: true, slug: true },
      });
      await tx.village.createMany({
        data: villages.map((v) => ({ communeId: commune.id, name: v.name, kind: v.kind, boundary: v.boundary as unknown as Prisma.InputJsonValue })),
      });
      await appendAudit(tx, {
        communeId: commune.id,
        actorId: admin.userId,
        actorRole: PLATFORM_ROLE,
        action: "commune.create",
        entityType: "Commune",
        entityId: commune.id,
        after: { slug: values.slug, name: values.name, province: values.province, address: values.address, committeeName: values.committeeName, frontName: values.frontName },
        details: { slug: values.slug, name: values.name, province: values.province, villages: villages.map((v) => v.name), boundaryFromVillages: values.boundary === null },
      });
      return commune;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("communeSlugTaken", { slug: values.slug });
    throw error;
  }
}

/** More villages for an existing commune: checked against each other, its villages and its boundary. */
export async function addVillages(admin: PlatformAdmin, input: z.infer<typeof addVillagesSchema>) {
  const villages = input.villages as VillageShape[];
  return db.$transaction(async (tx) => {
    const commune = await tx.commune.findUnique({ where: { id: input.communeId }, select: { id: true, boundary: true } });
    if (!commune) throw notFound("communeNotFound");
    const existing = await tx.village.findMany({ where: { communeId: commune.id }, select: { name: true, kind: true, boundary: true } });
    const problems = checkVillages(villages, {
      existing: existing.filter((v) => v.boundary).map((v) => ({ name: v.name, kind: v.kind, boundary: v.boundary as unknown as Area })),
      commune: commune.boundary as Area | null,
    });
    const named = new Set(existing.map((v) => v.name.toLocaleLowerCase("vi")));
    const twice = villages.find((v) => named.has(v.name.toLocaleLowerCase("vi")));
    if (twice) problems.unshift({ code: "villageNameTwice", params: { name: twice.name } });
    if (problems.length) refuseBoundaries(problems);
    await tx.village.createMany({ data: villages.map((v) => ({ communeId: commune.id, name: v.name, kind: v.kind, boundary: v.boundary as unknown as Prisma.InputJsonValue })) });
    await appendAudit(tx, {
      communeId: commune.id,
      actorId: admin.userId,
      actorRole: PLATFORM_ROLE,
      action: "village.create",
      entityType: "Commune",
      entityId: commune.id,
      after: villages.map((v) => ({ name: v.name, kind: v.kind })),
      details: { villages: villages.map((v) => v.name) },
    });
    return { added: villages.length };
  });
}

/** The communes a platform administrator sees, with their villages and first officials' count. */
export async function listCommunesForAdmin() {
  const rows = await db.commune.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, province: true, _count: { select: { villages: true } }, memberships: { where: { role: { in: ["ADMIN", "STAFF"] }, status: "VERIFIED" }, select: { id: true } } },
  });
  return rows.map((c) => ({ id: c.id, slug: c.slug, name: c.name, province: c.province, villages: c._count.villages, officials: c.memberships.length }));
}

export async function getCommuneForAdmin(slug: string) {
  return db.commune.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, province: true, address: true, committeeName: true, frontName: true, boundary: true, centerLat: true, centerLng: true, villages: { orderBy: { name: "asc" }, select: { id: true, name: true, kind: true, boundary: true } } },
  });
}

/** A commune's villages with boundaries and its own boundary, for checking new villages against them. */
export async function existingVillages(communeId: string): Promise<{ existing: VillageShape[]; commune: Area | null }> {
  const commune = await db.commune.findUnique({ where: { id: communeId }, select: { boundary: true, villages: { select: { name: true, kind: true, boundary: true } } } });
  if (!commune) throw notFound("communeNotFound");
  return {
    existing: commune.villages.filter((v) => v.boundary).map((v) => ({ name: v.name, kind: v.kind, boundary: v.boundary as unknown as Area })),
    commune: commune.boundary as unknown as Area | null,
  };
}
