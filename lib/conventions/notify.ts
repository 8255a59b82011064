// Who is told of a convention's step (issue 13 §5): the village head of the convention's village, the
// commune Front and the People's Committee's staff or leaders, each for the steps that concern them (the
// next act is theirs, or the decision is addressed to them: Decree 61/2023 Art. 11, 18.1.a). The one who
// acted is not told of their own act. Sent in the step's transaction (lib/notifications/notify.ts).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";

type Audience = "villageHead" | "front" | "staff" | "leaders";

/** The steps that tell someone, and whom. Other steps (drafting group, draft text, dossier files) tell no one. */
export const STEP_AUDIENCES: Readonly<Record<string, readonly Audience[]>> = {
  PROPOSED: ["villageHead", "front", "staff"],
  ADOPTED: ["villageHead", "front", "staff"],
  NOT_ADOPTED: ["villageHead", "front", "staff"],
  SUBMITTED: ["leaders", "front"],
  RECOGNISED: ["villageHead", "front", "staff"],
  REFUSED: ["villageHead", "front", "staff"],
  SENT: ["villageHead", "front"],
  SUSPENSION_GROUNDS: ["leaders", "front"],
  REPEAL_GROUNDS: ["leaders", "front"],
  SUSPENDED: ["villageHead", "front", "staff"],
  REPEALED: ["villageHead", "front", "staff"],
  REVIEWED: ["villageHead", "front"],
};

const ROLES: Record<Exclude<Audience, "villageHead">, Role[]> = { front: FRONT_ROLES, staff: ["STAFF"], leaders: ["LEADER"] };

export async function tellOfStep(tx: Tx, access: CommuneAccess, step: { conventionId: string; kind: string }) {
  const audiences = STEP_AUDIENCES[step.kind];
  if (!audiences) return 0;
  const convention = await tx.convention.findFirst({
    where: { id: step.conventionId, communeId: access.communeId },
    select: { id: true, title: true, villageId: true },
  });
  if (!convention) return 0;
  // One query at a time: a transaction's connection takes no concurrent queries.
  const village = await tx.village.findUnique({ where: { id: convention.villageId }, select: { name: true } });
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { slug: true } });
  const roles = audiences.flatMap((a) => (a === "villageHead" ? [] : ROLES[a]));
  const members = await tx.membership.findMany({
    where: {
      communeId: access.communeId,
      status: "VERIFIED",
      OR: [...(roles.length ? [{ role: { in: roles } }] : []), ...(audiences.includes("villageHead") ? [{ role: "VILLAGE_HEAD" as const, villageId: convention.villageId }] : [])],
    },
    select: { userId: true, role: true },
  });
  // One notification per person; the Front reads its own page, everyone else the staff page.
  const people = new Map<string, boolean>();
  for (const m of members) {
    if (m.userId === access.userId) continue;
    people.set(m.userId, (people.get(m.userId) ?? true) && FRONT_ROLES.includes(m.role));
  }
  const slug = commune.slug;
  for (const [userId, frontOnly] of people) {
    await notify(tx, {
      communeId: access.communeId,
      userId,
      kind: "conventionStep",
      params: { title: convention.title, village: village?.name ?? "", step: step.kind },
      link: frontOnly ? `/${slug}/front/conventions` : `/${slug}/staff/conventions/${convention.id}`,
    });
  }
  return people.size;
}
