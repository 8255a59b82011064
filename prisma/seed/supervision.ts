// Demo data for community investment supervision boards (issue 13 §4), xã Thiện Tín: the seeded road
// work in progress (prisma/seed/works.ts) has its board, set up by the Front with five members, each with
// their signed declaration (Law 10/2022 Art. 42): the Front, the People's Inspection Board (its seeded
// head, prisma/seed/inspection.ts, so this runs after it), and three residents of the villages the road
// serves. The investor was notified 60 days before supervision started (Art. 45.1.b: at least 45). One
// site visit with a published finding. The seeded road contribution (prisma/seed/contributions.ts) is set
// against the road's budget (Contribution.workId), so the road's page shows residents' cash planned, raised
// and spent (lib/contributions/work-budget.ts). Running it again adds nothing (one board per work).
import type { Db } from "@/lib/db";
import { appendAudit } from "@/lib/oversight/audit";
import { declarationText } from "@/lib/supervision/declaration";
import { isNotifiedInTime } from "@/lib/supervision/rules";

import { SEED_CONTRIBUTION_TITLE } from "./contributions";
import { INSPECTOR_EMAIL } from "./inspection";

const DAY = 86_400_000;
export const SEEDED_ROAD_WORK = "Đường liên thôn Phú Khương – Long Bình – Tân Hòa (3,2 km)";
const iso = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const dateOnly = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

export async function seedSupervision(db: Db, communeId: string, ids: { frontId: string }) {
  const work = await db.work.findFirst({
    where: { communeId, title: SEEDED_ROAD_WORK },
    select: { id: true, investor: true, contractor: true, supervisor: true, startOn: true, supervisionBoards: { select: { id: true } } },
  });
  if (!work) return;
  await db.contribution.updateMany({ where: { communeId, title: SEED_CONTRIBUTION_TITLE, workId: null }, data: { workId: work.id } });
  if (work.supervisionBoards.length) return;
  const user = (where: { email: string } | { phone: string }) => db.user.findUnique({ where, select: { id: true } });
  const [inspector, head, resident2, resident4] = await Promise.all([
    user({ email: INSPECTOR_EMAIL }),
    user({ email: "truongthon.phukhuong@thientin.danban.local" }),
    user({ phone: "+84901000002" }),
    user({ phone: "+84901000004" }),
  ]);
  if (!inspector || !head || !resident2 || !resident4) return;
  const villages = new Map((await db.village.findMany({ where: { communeId, name: { in: ["Phú Khương", "Long Bình"] } }, select: { id: true, name: true } })).map((v) => [v.name, v.id]));

  const now = Date.now();
  const startOn = iso(work.startOn ?? new Date(now - 45 * DAY));
  const notifiedOn = iso(new Date(Date.parse(`${startOn}T00:00:00Z`) - 60 * DAY));
  if (!isNotifiedInTime(notifiedOn, startOn)) throw new Error("seed: the investor's notice must be at least 45 days ahead");
  const signedOn = dateOnly(iso(new Date(Date.parse(`${notifiedOn}T00:00:00Z`) - 3 * DAY)));
  const text = declarationText(work);
  const members = [
    { userId: ids.frontId, kind: "FRONT" as const, villageId: null, isHead: true },
    { userId: inspector.id, kind: "INSPECTION_BOARD" as const, villageId: null, isHead: false },
    { userId: head.id, kind: "RESIDENT" as const, villageId: villages.get("Phú Khương") ?? null, isHead: false },
    { userId: resident2.id, kind: "RESIDENT" as const, villageId: villages.get("Phú Khương") ?? null, isHead: false },
    { userId: resident4.id, kind: "RESIDENT" as const, villageId: villages.get("Long Bình") ?? null, isHead: false },
  ];
  await db.$transaction(async (tx) => {
    const board = await tx.supervisionBoard.create({
      data: {
        communeId,
        workId: work.id,
        plan: "Giám sát chất lượng vật liệu, tiến độ và nghiệm thu từng đoạn tuyến; kiểm tra hiện trường mỗi tháng một lần và khi đổ bê tông mặt đường.",
        investorNotifiedOn: dateOnly(notifiedOn),
        supervisionStartOn: dateOnly(startOn),
        createdById: ids.frontId,
        createdAt: new Date(Date.parse(`${notifiedOn}T02:00:00Z`)),
      },
      select: { id: true },
    });
    await tx.supervisionMember.createMany({
      data: members.map((m) => ({ communeId, boardId: board.id, ...m, declarationText: text, declarationSignedOn: signedOn })),
    });
    const visit = await tx.supervisionVisit.create({
      data: {
        communeId,
        boardId: board.id,
        visitedOn: dateOnly(iso(new Date(now - 10 * DAY))),
        place: "Km 1+100, đoạn qua thôn Long Bình",
        notes: "Kiểm tra cấp phối đá dăm và độ dày lớp móng trước khi đổ bê tông; đối chiếu với hồ sơ thiết kế.",
        recordedById: resident4.id,
      },
      select: { id: true },
    });
    await tx.supervisionFinding.create({
      data: {
        communeId,
        boardId: board.id,
        visitId: visit.id,
        topic: "MATERIALS",
        body: "Lớp móng đá dăm dày 15 cm, đúng hồ sơ thiết kế; đề nghị nhà thầu che chắn bãi vật liệu trước mùa mưa.",
        recordedById: resident4.id,
        publishedAt: new Date(now - 9 * DAY),
        publishedById: ids.frontId,
      },
    });
    await appendAudit(tx, {
      communeId,
      actorId: ids.frontId,
      actorRole: "FRONT_REVIEWER",
      action: "supervision.board.setup",
      entityType: "SupervisionBoard",
      entityId: board.id,
      after: { workId: work.id, members: members.map((m) => ({ userId: m.userId, kind: m.kind, villageId: m.villageId })), investorNotifiedOn: notifiedOn, supervisionStartOn: startOn },
      details: { members: members.length, investorNotifiedOn: notifiedOn, supervisionStartOn: startOn },
    });
  });
}
