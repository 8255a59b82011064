// A commune of its own for the people tests: imports, registrations and verifications there leave
// the demo communes exactly as seeded, which other test files count on (household totals, verified
// residents). The demo accounts get the same roles here as in Thiện Tín.
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { toSearchKey } from "@/lib/text/search-key";

import { seedDemo, userId } from "./fixtures";

export const TEST_COMMUNE_SLUG = "thu-nghiem-nguoi-dan";
export const TEST_VILLAGES = ["Phú Khương", "Tân Phú 1", "Long Bình", "Đồng Miếu"] as const;

export const PEOPLE = {
  admin: "admin@danban.local",
  staff: "canbo@thientin.danban.local",
  leader: "chutich@thientin.danban.local",
  front: "mttq@thientin.danban.local",
  headPhuKhuong: "truongthon.phukhuong@thientin.danban.local",
  headTanPhu: "truongthon.tanphu1@thientin.danban.local",
  resident: "0901000001",
  pending: "0901000009",
  otherCommuneStaff: "canbo@nghiahanh.danban.local",
} as const;
export type Who = keyof typeof PEOPLE;

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Vy", "Xuân", "Yến"];

let created: Promise<{ communeId: string; villages: Record<string, string> }> | undefined;

async function create() {
  await seedDemo();
  const commune = await db.commune.create({
    data: { slug: TEST_COMMUNE_SLUG, name: "Thử Nghiệm", province: "Quảng Ngãi", centerLat: 15, centerLng: 108.7, isDemo: true },
    select: { id: true },
  });
  const villages: Record<string, string> = {};
  for (const name of TEST_VILLAGES) villages[name] = (await db.village.create({ data: { communeId: commune.id, name }, select: { id: true } })).id;

  // Twelve households per village, three people each, the eldest the representative.
  for (const [v, name] of TEST_VILLAGES.entries()) {
    for (let h = 0; h < 12; h++) {
      const household = await db.household.create({
        data: { communeId: commune.id, villageId: villages[name]!, code: `TN-${v + 1}-${String(h + 1).padStart(3, "0")}`, address: `Tổ ${1 + (h % 4)}, ${name}` },
        select: { id: true },
      });
      const members = [0, 1, 2].map((m) => {
        const fullName = `${FAMILY[(v * 12 + h) % FAMILY.length]} ${m === 1 ? "Thị" : "Văn"} ${GIVEN[(v * 36 + h * 3 + m) % GIVEN.length]}`;
        return { communeId: commune.id, householdId: household.id, villageId: villages[name]!, fullName, nameKey: toSearchKey(fullName), birthYear: 1950 + ((v * 12 + h) % 30) + m * 20 };
      });
      await db.resident.createMany({ data: members });
      const eldest = await db.resident.findFirstOrThrow({ where: { householdId: household.id }, orderBy: { birthYear: "asc" }, select: { id: true } });
      await db.household.update({ where: { id: household.id }, data: { representativeId: eldest.id } });
    }
  }
  await db.$executeRaw`UPDATE "Village" v SET "householdCount" = (SELECT count(*) FROM "Household" h WHERE h."villageId" = v.id) WHERE v."communeId" = ${commune.id}`;

  const roles: [Who, Role, string | null][] = [
    ["admin", "ADMIN", null],
    ["staff", "STAFF", null],
    ["leader", "LEADER", null],
    ["front", "FRONT_REVIEWER", null],
    ["headPhuKhuong", "VILLAGE_HEAD", villages["Phú Khương"]!],
    ["headTanPhu", "VILLAGE_HEAD", villages["Tân Phú 1"]!],
  ];
  for (const [who, role, villageId] of roles) {
    await db.membership.create({ data: { userId: await userId(PEOPLE[who]), communeId: commune.id, role, villageId, status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
  }
  const listed = await db.resident.findFirstOrThrow({ where: { communeId: commune.id, villageId: villages["Long Bình"]! }, orderBy: { id: "asc" }, select: { id: true } });
  await db.membership.create({
    data: { userId: await userId(PEOPLE.resident), communeId: commune.id, role: "RESIDENT", villageId: villages["Long Bình"]!, residentId: listed.id, status: "VERIFIED", verificationMethod: "LIST_MATCH", verifiedAt: new Date() },
  });
  await db.membership.create({
    data: { userId: await userId(PEOPLE.pending), communeId: commune.id, role: "RESIDENT", villageId: villages["Đồng Miếu"]!, status: "PENDING", claimedName: "Chưa Xác Minh", claimedBirthYear: 1990 },
  });
  return { communeId: commune.id, villages };
}

/** The people tests' commune, created once per run (test files share the run's database). */
export function seedPeopleCommune() {
  created ??= db.commune
    .findUnique({ where: { slug: TEST_COMMUNE_SLUG }, select: { id: true, villages: { select: { id: true, name: true } } } })
    .then((found) => (found ? { communeId: found.id, villages: Object.fromEntries(found.villages.map((v) => [v.name, v.id])) } : create()));
  return created;
}

/** Access in the test commune as one of the demo accounts, checked as every action checks it. */
export async function peopleAccess(who: Who, roles: readonly Role[]) {
  const { communeId } = await seedPeopleCommune();
  return requireCommuneAccess(await userId(PEOPLE[who]), communeId, roles, { write: true });
}
