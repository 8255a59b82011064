import "server-only";

import { db } from "@/lib/db";
import { toSearchKey } from "@/lib/text/search-key";

const PAGE = 50;

/**
 * Registrations waiting for staff, oldest first, each with the people on the list it could be: the
 * same name anywhere in the commune, or the same given name, year and village (a misspelt family name).
 */
export async function listPendingRegistrations(communeId: string) {
  const [pending, total] = await Promise.all([
    db.membership.findMany({
      where: { communeId, role: "RESIDENT", status: "PENDING" },
      select: { id: true, claimedName: true, claimedBirthYear: true, villageId: true, createdAt: true, user: { select: { name: true, phone: true } } },
      orderBy: { createdAt: "asc" },
      take: PAGE,
    }),
    db.membership.count({ where: { communeId, role: "RESIDENT", status: "PENDING" } }),
  ]);
  const villages = new Map((await db.village.findMany({ where: { communeId }, select: { id: true, name: true } })).map((v) => [v.id, v.name]));

  const items = await Promise.all(
    pending.map(async (m) => {
      const name = m.claimedName ?? m.user.name;
      const key = toSearchKey(name);
      const given = key.split(" ").at(-1) ?? key;
      const alike = [{ nameKey: key }, ...(m.villageId && m.claimedBirthYear ? [{ villageId: m.villageId, birthYear: m.claimedBirthYear, nameKey: { endsWith: ` ${given}` } }] : [])];
      const candidates = await db.resident.findMany({
        where: { communeId, isActive: true, OR: alike },
        select: {
          id: true,
          fullName: true,
          birthYear: true,
          villageId: true,
          household: { select: { code: true } },
          memberships: { where: { role: "RESIDENT" }, select: { id: true } },
        },
        orderBy: [{ nameKey: "asc" }, { birthYear: "asc" }],
        take: 10,
      });
      return {
        membershipId: m.id,
        name,
        birthYear: m.claimedBirthYear,
        village: m.villageId ? villages.get(m.villageId) ?? null : null,
        phone: m.user.phone,
        registeredAt: m.createdAt,
        candidates: candidates
          .map((c) => ({
            id: c.id,
            fullName: c.fullName,
            birthYear: c.birthYear,
            village: villages.get(c.villageId) ?? "",
            householdCode: c.household.code,
            isLinked: c.memberships.length > 0,
            isExact: c.birthYear === m.claimedBirthYear && c.villageId === m.villageId && toSearchKey(c.fullName) === key,
          }))
          .sort((a, b) => Number(b.isExact) - Number(a.isExact)),
      };
    }),
  );
  return { items, total };
}
