import { beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { seedDemo } from "@/scripts/test/fixtures";

import { DEMO_PASSWORD, seed, THIEN_TIN_VILLAGES } from "./seed";

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (["commune", "village", "household", "resident", "user", "membership", "consultation", "opinion", "ballotQuestion", "auditEvent"] as const).map(
        async (m) => [m, await (db[m] as unknown as { count: () => Promise<number> }).count()] as const,
      ),
    ),
  );

beforeAll(async () => {
  await seedDemo();
});

describe("seed", () => {
  it("loads two communes with the villages of Thiện Tín, households with representatives, and every role", async () => {
    const thienTin = await db.commune.findUniqueOrThrow({ where: { slug: "thien-tin" }, include: { villages: { select: { name: true, householdCount: true } } } });
    expect(thienTin.isDemo).toBe(true);
    // Other test files add villages of their own to Thiện Tín; the seed's are each there once.
    const seeded = thienTin.villages.filter((v) => (THIEN_TIN_VILLAGES as readonly string[]).includes(v.name));
    expect(seeded.map((v) => v.name).sort()).toEqual([...THIEN_TIN_VILLAGES].sort());
    expect(seeded.reduce((n, v) => n + v.householdCount, 0)).toBe(200);
    expect(await db.household.count({ where: { communeId: thienTin.id, representativeId: null } })).toBe(0);
    const roles = await db.membership.groupBy({ by: ["role"], where: { communeId: thienTin.id, status: "VERIFIED" } });
    expect(roles.map((r) => r.role).sort()).toEqual(["ADMIN", "FRONT_REVIEWER", "INSPECTOR", "LEADER", "RESIDENT", "STAFF", "VILLAGE_HEAD"]);
    const staff = await db.user.findUniqueOrThrow({ where: { email: "canbo@thientin.danban.local" }, omit: { passwordHash: false } });
    expect(await verifyPassword(staff.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("has consultations of every kind the demo promises, with real geometry and a household ballot", async () => {
    const rows = await db.consultation.findMany({
      where: { commune: { slug: "thien-tin" } },
      select: { title: true, geometry: true, legalCategory: true, questions: { select: { votingUnit: true, options: { select: { label: true } } } } },
    });
    const byCategory = (c: string) => rows.find((r) => r.legalCategory === c)!;
    const types = (r: (typeof rows)[number]) => ((r.geometry as { features: { geometry: { type: string } }[] } | null)?.features ?? []).map((f) => f.geometry.type);
    expect(types(byCategory("CONSULTATION_INVESTMENT_PROJECT"))).toContain("LineString");
    expect(types(byCategory("CONSULTATION_PLANNING"))).toContain("Polygon");
    expect(byCategory("DECISION_VILLAGE_CONVENTION").questions[0]).toMatchObject({ votingUnit: "HOUSEHOLD" });
    expect(byCategory("CONSULTATION_LAND_USE_PLAN").questions[0]?.options.map((o) => o.label)).toEqual(["Đồng ý", "Không đồng ý", "Ý kiến khác"]);
  });

  it("has a closed commune-wide contribution counted village by village, passing with 2/3 of its villages (Art. 21.1)", async () => {
    const { computeResults } = await import("@/lib/participation/get-results");
    const { loadBallot } = await import("@/lib/participation/ballot-scope");
    const c = await db.consultation.findFirstOrThrow({ where: { commune: { slug: "thien-tin" }, title: { startsWith: "Đóng góp kinh phí bê tông hóa" } }, select: { id: true, communeId: true, status: true, isCommuneWide: true } });
    expect(c).toMatchObject({ status: "CLOSED", isCommuneWide: true });
    const [q] = await computeResults(c.communeId, await loadBallot(c.communeId, c.id));
    expect(q!.villages).toHaveLength(THIEN_TIN_VILLAGES.length);
    expect(q!.villages.every((v) => v.source === "MEETING" && v.outcome?.share === "AT_LEAST_TWO_THIRDS")).toBe(true);
    const failed = q!.villages.filter((v) => v.outcome?.passed === false);
    expect(failed.length).toBeGreaterThan(0);
    expect(q!.commune).toMatchObject({ rule: "TWO_THIRDS_OF_VILLAGES", villages: THIEN_TIN_VILLAGES.length, passed: true });
    expect(await db.closedVillageCount.count({ where: { question: { consultationId: c.id } } })).toBe(THIEN_TIN_VILLAGES.length);
  });

  it("adds nothing when run again", async () => {
    const before = await counts();
    await seed(db, { households: 200 });
    expect(await counts()).toEqual(before);
  });
});
