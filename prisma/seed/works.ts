// A demo work for xã Thiện Tín (issue 13 §1): the inter-village road of the seeded road consultation,
// in progress, with its budget by source and two dated milestones. Running it again adds nothing.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toWorkGeometry } from "@/lib/works/geometry";
import type { ConsultationGeometry } from "@/lib/consultations/geometry";

const DAY = 86_400_000;
const ROAD_TITLE = "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa";
const dateOnly = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);

export async function seedWorks(db: Db, communeId: string, staffId: string) {
  const road = await db.consultation.findFirst({
    where: { communeId, title: ROAD_TITLE },
    select: { id: true, geometry: true, villages: { select: { villageId: true } } },
  });
  if (!road) return;
  if (await db.work.count({ where: { communeId, consultationId: road.id } })) return;
  const now = Date.now();
  // The work is the road itself: the consultation's line (its other shapes show the land to be given).
  const shapes = road.geometry as unknown as ConsultationGeometry | null;
  const line = shapes?.features.filter((f) => f.geometry.type === "LineString") ?? [];
  const geometry = shapes ? (toWorkGeometry(line.length ? { ...shapes, features: line } : shapes) as unknown as Prisma.InputJsonValue) : undefined;
  await db.$transaction(async (tx) => {
    const work = await tx.work.create({
      data: {
        communeId,
        title: "Đường liên thôn Phú Khương – Long Bình – Tân Hòa (3,2 km)",
        description: "Nâng cấp 3,2 km đường liên thôn lên mặt đường bê tông rộng 5,5 m, rãnh thoát nước hai bên và 4 cống ngang, theo kết quả lấy ý kiến Nhân dân.",
        geometry,
        status: "IN_PROGRESS",
        progress: 40,
        startOn: dateOnly(new Date(now - 45 * DAY)),
        endOn: dateOnly(new Date(now + 120 * DAY)),
        consultationId: road.id,
        investor: "UBND xã Thiện Tín",
        contractor: "Công ty TNHH Xây dựng Long Hòa",
        supervisor: "Ban Quản lý dự án huyện",
        publishedAt: new Date(now - 44 * DAY),
        createdById: staffId,
        villages: { create: road.villages.map((v) => ({ villageId: v.villageId })) },
      },
      select: { id: true },
    });
    await tx.workBudgetLine.createMany({
      data: [
        { communeId, workId: work.id, sortOrder: 0, source: "STATE_BUDGET", amountVnd: 6_500_000_000n, spentVnd: 2_400_000_000n, note: "Ngân sách tỉnh hỗ trợ xi măng và ngân sách xã" },
        { communeId, workId: work.id, sortOrder: 1, source: "RESIDENT_CASH", amountVnd: 850_000_000n, spentVnd: 310_000_000n, note: "Theo nghị quyết hội nghị thôn" },
        { communeId, workId: work.id, sortOrder: 2, source: "LABOUR_DAYS", labourDays: 1_200, spentDays: 450 },
        { communeId, workId: work.id, sortOrder: 3, source: "SPONSOR", amountVnd: 300_000_000n, note: "Doanh nghiệp trên địa bàn tài trợ" },
      ],
    });
    await tx.workMilestone.createMany({
      data: [
        { communeId, workId: work.id, occurredOn: dateOnly(new Date(now - 45 * DAY)), body: "Khởi công; bàn giao mặt bằng đoạn Phú Khương. 42 hộ hiến đất, không phải bồi thường.", progress: 5, fromStatus: "PLANNED", toStatus: "IN_PROGRESS", authorId: staffId },
        { communeId, workId: work.id, occurredOn: dateOnly(new Date(now - 7 * DAY)), body: "Hoàn thành nền đường và 2/4 cống ngang đoạn Bàu Sen; đổ bê tông được 1,1 km.", progress: 40, authorId: staffId },
      ],
    });
  });
}
