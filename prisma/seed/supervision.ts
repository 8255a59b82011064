// Demo data for community investment supervision boards (issue 13 §4), xã Thiện Tín: the road work of the
// seeded road consultation, ready for the Front to set its board up. The works helper's seed (lib/works)
// may already have created that work: a minimal Work row is made here ONLY IF none exists for the
// consultation (checked by its consultation or its title at seed time). Running it again adds nothing.
import type { Db } from "@/lib/db";

const ROAD_TITLE = "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa";
const ROAD_VILLAGES = ["Phú Khương", "Long Bình", "Tân Hòa"];

export async function seedSupervision(db: Db, communeId: string, staffId: string, log: (l: string) => void = () => {}) {
  const consultation = await db.consultation.findFirst({ where: { communeId, title: ROAD_TITLE }, select: { id: true } });
  const existing = await db.work.findFirst({
    where: { communeId, OR: [{ title: ROAD_TITLE }, ...(consultation ? [{ consultationId: consultation.id }] : [])] },
    select: { id: true },
  });
  if (existing) return;
  const villages = await db.village.findMany({ where: { communeId, name: { in: ROAD_VILLAGES } }, select: { id: true } });
  await db.work.create({
    data: {
      communeId,
      title: ROAD_TITLE,
      description: "Mở rộng mặt đường từ 3 m lên 5 m, bê tông hóa 2,4 km tuyến liên thôn, làm rãnh thoát nước hai bên.",
      status: "IN_PROGRESS",
      progress: 35,
      consultationId: consultation?.id ?? null,
      investor: "UBND xã Thiện Tín",
      contractor: "Công ty TNHH Xây dựng Phù Mỹ",
      supervisor: "Trung tâm Tư vấn xây dựng Bình Định",
      createdById: staffId,
      villages: { create: villages.map((v) => ({ villageId: v.id })) },
    },
  });
  log("  công trình đường liên thôn (cho Ban giám sát đầu tư của cộng đồng)");
}
