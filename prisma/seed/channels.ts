// Demo opinions received off the web (Art. 26.1, lib/channels): a paper form of a known household, a
// hotline call and a comment-box letter without a name, on xã Nghĩa Hành's open consultation — so that
// the answering screen, the Front's review and the report show every channel. Deterministic; seeding
// again adds nothing.
import { toVnDate } from "@/lib/consultations/periods";
import type { Db } from "@/lib/db";

const OPINIONS = [
  { channel: "PAPER", household: true, displayName: null, body: "Đề nghị nạo vét kênh trước mùa mưa, đoạn qua cánh đồng Gò Dài bị bồi lấp nặng.", stance: "SUPPORT" },
  { channel: "HOTLINE", household: false, displayName: "Người dân (đường dây nóng)", body: "Khi thi công xin để lối đi tạm cho xe công nông chở lúa.", stance: "OTHER" },
  { channel: "COMMENT_BOX", household: false, displayName: "Người dân (hòm thư góp ý)", body: "Đề nghị công khai danh sách hộ bị ảnh hưởng và mức hỗ trợ.", stance: null },
] as const;

export async function seedChannelOpinions(db: Db, communeId: string, staffId: string) {
  const consultation = await db.consultation.findFirst({ where: { communeId, status: "PUBLISHED" }, select: { id: true, commentStartsAt: true }, orderBy: { createdAt: "asc" } });
  if (!consultation?.commentStartsAt) return;
  if (await db.opinion.findFirst({ where: { consultationId: consultation.id, channel: "HOTLINE" }, select: { id: true } })) return;
  const household = await db.household.findFirst({ where: { communeId, isActive: true }, select: { id: true, villageId: true }, orderBy: { code: "asc" } });
  const receivedOn = new Date(`${toVnDate(consultation.commentStartsAt)}T00:00:00Z`);
  await db.$transaction(async (tx) => {
    for (const o of OPINIONS) {
      const { opinionSeq } = await tx.consultation.update({ where: { id: consultation.id }, data: { opinionSeq: { increment: 1 } }, select: { opinionSeq: true } });
      await tx.opinion.create({
        data: {
          communeId,
          consultationId: consultation.id,
          number: opinionSeq,
          householdId: o.household ? (household?.id ?? null) : null,
          villageId: o.household ? (household?.villageId ?? null) : null,
          displayName: o.displayName ?? "Người dân (phiếu giấy)",
          body: o.body,
          stance: o.stance,
          channel: o.channel,
          enteredById: staffId,
          receivedOn,
        },
      });
    }
  });
}
