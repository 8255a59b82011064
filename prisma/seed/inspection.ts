// Demo data for the People's Inspection Board (issue 13 §3): in xã Thiện Tín the board of this term,
// recognised by the Front, with five members (its head has an account, bantt@thientin.danban.local,
// holding the INSPECTOR role), one plan sent, and one recommendation countersigned and awaiting the
// People's Committee's answer (published). Xã Nghĩa Hành has a board of one member and a draft
// recommendation (the access matrix probes both communes). Seeding again changes nothing: fixed ids.
import { addWorkingDays, vnDate } from "@/lib/calendar/working-days";
import type { Db } from "@/lib/db";
import { recommendationDueAt } from "@/lib/inspection/rules";
import { appendAudit } from "@/lib/oversight/audit";

const DAY = 86_400_000;
export const INSPECTOR_EMAIL = "bantt@thientin.danban.local";

const MEMBERS = [
  { name: "Đoàn Văn Bình", village: "Long Bình", position: "HEAD" as const, account: true },
  { name: "Nguyễn Thị Hoa", village: "Phú Thọ", position: "DEPUTY" as const },
  { name: "Trương Văn Lực", village: "Bàn Thới", position: "MEMBER" as const },
  { name: "Lê Thị Sen", village: "Ngọc Sơn", position: "MEMBER" as const },
  { name: "Phan Văn Tới", village: "Thiên Xuân", position: "MEMBER" as const },
];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function seedInspection(
  db: Db,
  ids: { thienTinId: string; nghiaHanhId: string; frontId: string; villages: Map<string, string>; otherVillageId: string; passwordHash: string },
) {
  const boardId = `demo-inspection-${ids.thienTinId}`.slice(0, 40);
  if (await db.inspectionBoard.findUnique({ where: { id: boardId }, select: { id: true } })) return;
  const now = new Date();
  const year = Number(vnDate(now).slice(0, 4));
  const inspector = await db.user.upsert({
    where: { email: INSPECTOR_EMAIL },
    update: {},
    create: { name: "Đoàn Văn Bình", displayName: "Ban Thanh tra nhân dân", email: INSPECTOR_EMAIL, passwordHash: ids.passwordHash, emailVerifiedAt: now },
    select: { id: true },
  });
  await db.$transaction(async (tx) => {
    await tx.inspectionBoard.create({
      data: { id: boardId, communeId: ids.thienTinId, termStart: day(`${year - 1}-07-01`), termEnd: day(`${year + 1}-06-30`), recognitionRef: `Quyết định số 15/QĐ-MTTQ ngày 10/07/${year - 1} của Ban Thường trực Ủy ban MTTQ Việt Nam xã`, recognisedOn: day(`${year - 1}-07-10`), recordedById: ids.frontId },
    });
    for (const m of MEMBERS) {
      const villageId = ids.villages.get(m.village)!;
      let membershipId: string | null = null;
      if (m.account) {
        membershipId = (
          await tx.membership.upsert({
            where: { userId_communeId_role: { userId: inspector.id, communeId: ids.thienTinId, role: "INSPECTOR" } },
            update: {},
            create: { userId: inspector.id, communeId: ids.thienTinId, role: "INSPECTOR", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: now, verifiedById: ids.frontId, villageId },
            select: { id: true },
          })
        ).id;
      }
      await tx.inspectionMember.create({
        data: { communeId: ids.thienTinId, boardId, name: m.name, villageId, position: m.position, userId: m.account ? inspector.id : null, membershipId },
      });
    }
    // A plan sent today, starting ten working days later (well past the 5 of Decree 59/2023 Art. 14).
    const startsOn = vnDate(addWorkingDays(now, 10));
    await tx.inspectionItem.create({
      data: {
        communeId: ids.thienTinId,
        boardId,
        kind: "PLAN",
        number: 1,
        status: "SENT",
        title: "Giám sát việc thu, chi quỹ đóng góp làm đường giao thông nông thôn thôn Long Bình",
        body: "Kiểm tra sổ sách thu, chi; đối chiếu danh sách hộ đóng góp với biên lai; xem xét việc công khai các khoản huy động tại nhà văn hóa thôn.",
        subject: "Ban phát triển thôn Long Bình và bộ phận Tài chính - Kế toán UBND xã",
        startsOn: day(startsOn),
        endsOn: day(vnDate(addWorkingDays(now, 12))),
        sentAt: now,
        createdById: inspector.id,
      },
    });
    // A recommendation countersigned three days ago: the People's Committee's 15 days run (Law 10/2022 Art. 40.1).
    const sentAt = new Date(now.getTime() - 3 * DAY);
    const rec = await tx.inspectionItem.create({
      data: {
        communeId: ids.thienTinId,
        boardId,
        kind: "RECOMMENDATION",
        number: 1,
        status: "SENT",
        title: "Kiến nghị công khai danh sách hộ được miễn, giảm đóng góp làm đường thôn Long Bình",
        body: "Qua giám sát, Ban nhận thấy danh sách hộ được miễn, giảm đóng góp chưa được niêm yết tại nhà văn hóa thôn theo khoản 5 Điều 11 Luật Thực hiện dân chủ ở cơ sở. Ban kiến nghị UBND xã chỉ đạo Ban phát triển thôn niêm yết số lượng hộ được miễn, giảm và tổng số tiền huy động trong 30 ngày.",
        isPublic: true,
        sentAt,
        dueAt: recommendationDueAt(sentAt),
        countersignedAt: sentAt,
        countersignedById: ids.frontId,
        createdById: inspector.id,
        createdAt: sentAt,
      },
      select: { id: true },
    });
    await appendAudit(tx, { communeId: ids.thienTinId, actorId: null, actorRole: "SYSTEM", action: "demo.seed.inspection", entityType: "InspectionItem", entityId: rec.id });
  });

  // Xã Nghĩa Hành: a board of one member (no account) and a draft recommendation.
  const otherBoardId = `demo-inspection-${ids.nghiaHanhId}`.slice(0, 40);
  await db.$transaction(async (tx) => {
    await tx.inspectionBoard.create({
      data: { id: otherBoardId, communeId: ids.nghiaHanhId, termStart: day(`${year - 1}-07-01`), termEnd: day(`${year + 1}-06-30`), recognitionRef: "Quyết định số 08/QĐ-MTTQ", recognisedOn: day(`${year - 1}-07-12`), recordedById: ids.frontId },
    });
    await tx.inspectionMember.create({ data: { communeId: ids.nghiaHanhId, boardId: otherBoardId, name: "Võ Thị Thu", villageId: ids.otherVillageId, position: "HEAD" } });
    await tx.inspectionItem.create({
      data: {
        communeId: ids.nghiaHanhId,
        boardId: otherBoardId,
        kind: "RECOMMENDATION",
        number: 1,
        title: "Kiến nghị sửa chữa cống thoát nước thôn Xuân Đình",
        body: "Cống thoát nước đầu thôn bị vỡ, nước tràn ra đường khi mưa lớn; đề nghị UBND xã kiểm tra, sửa chữa.",
        createdById: ids.frontId,
      },
    });
  });
}
