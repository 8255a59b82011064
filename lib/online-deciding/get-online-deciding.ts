// The staff view of online deciding (Decree 59/2023 Art. 5): per village, which conditions are met,
// what was recorded, and — once the vote closed — the clock of the 5 working days within which the
// form 03 minutes go to the People's Committee and the Front.
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { enteringVillageOf } from "@/lib/participation/ballot-scope";
import { readSettings } from "@/lib/settings";

import { loadConditions, pollHouseholds } from "./load-conditions";
import { conditionsOf, minutesClock } from "./online-deciding-rules";
import { loadOnlineConsultation } from "./village-scope";

export async function getOnlineDeciding(access: CommuneAccess, consultationId: string, now = new Date()) {
  const consultation = await loadOnlineConsultation(access.communeId, consultationId);
  const own = enteringVillageOf(access);
  const scope = consultation.isCommuneWide ? null : consultation.villageIds;
  const villages = await db.village.findMany({
    where: { communeId: access.communeId, ...(scope ? { id: { in: scope } } : {}), ...(own ? { id: own } : {}) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const households = await pollHouseholds(access.communeId, consultation.id, villages.map((v) => v.id), now);
  const [conditions, records, commune] = await Promise.all([
    loadConditions(access.communeId, consultation.id, households),
    db.onlineDeciding.findMany({
      where: { consultationId: consultation.id, communeId: access.communeId },
      select: { villageId: true, agreedOn: true, villageHeadName: true, frontCommitteeName: true, notifiedOn: true, minutesSentOn: true, team: { select: { fullName: true, role: true, isLeader: true, isFrontRepresentative: true }, orderBy: { position: "asc" } } },
    }),
    db.commune.findUniqueOrThrow({ where: { id: access.communeId }, select: { settings: true } }),
  ]);
  const holidays = readSettings(commune.settings).extraHolidays;
  const closedAt = consultation.closedAt ?? (consultation.commentEndsAt && consultation.commentEndsAt < now ? consultation.commentEndsAt : null);
  return {
    consultation: { id: consultation.id, title: consultation.title, commentStartsAt: consultation.commentStartsAt, closedAt },
    villages: villages.map((v) => {
      const record = records.find((r) => r.villageId === v.id) ?? null;
      return {
        ...v,
        record,
        conditions: conditions.get(v.id) ?? conditionsOf(null, 0, 0, null),
        clock: closedAt ? minutesClock(closedAt, record?.minutesSentOn ?? null, now, holidays) : null,
      };
    }),
  };
}
