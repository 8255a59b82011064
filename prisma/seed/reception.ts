// Demo data for citizen reception (issue 12 §3): the chair's reception days in each commune, and in
// xã Thiện Tín one past session of the chair with three register lines (one with an ID number, one of
// seven people with their representatives). Seeding again changes nothing: the session has a fixed id.
import type { Db } from "@/lib/db";
import { appendAudit } from "@/lib/oversight/audit";

const SESSION_DAY = "2026-11-05";

export async function seedReception(db: Db, ids: { thienTinId: string; nghiaHanhId: string; chairId: string; staffId: string; otherStaffId: string }) {
  for (const [communeId, weekdays] of [
    [ids.thienTinId, [2, 4]],
    [ids.nghiaHanhId, [3]],
  ] as const) {
    await db.receptionSchedule.upsert({
      where: { communeId },
      update: {},
      create: { communeId, weekdays: [...weekdays], place: "Phòng tiếp công dân, trụ sở UBND xã", startTime: "07:30", endTime: "11:00", slotMinutes: 30, slotCapacity: 2 },
    });
  }

  // Xã Nghĩa Hành: one session of its staff desk with one line (the access matrix probes both communes).
  const otherSessionId = `demo-reception-${ids.nghiaHanhId}`.slice(0, 40);
  if (!(await db.receptionSession.findUnique({ where: { id: otherSessionId }, select: { id: true } }))) {
    const staff = await db.user.findUniqueOrThrow({ where: { id: ids.otherStaffId }, select: { name: true } });
    await db.$transaction(async (tx) => {
      await tx.receptionSession.create({
        data: { id: otherSessionId, communeId: ids.nghiaHanhId, heldOn: new Date(`${SESSION_DAY}T00:00:00Z`), hostId: ids.otherStaffId, hostName: staff.name, place: "Trụ sở UBND xã", recordedById: ids.otherStaffId },
      });
      await tx.receptionVisit.create({
        data: {
          communeId: ids.nghiaHanhId,
          sessionId: otherSessionId,
          number: 1,
          visitedAt: new Date(`${SESSION_DAY}T09:00:00+07:00`),
          visitorName: "Đỗ Văn An",
          visitorAddress: "Thôn Phú Lâm Đông",
          summary: "Hỏi về lịch thu gom rác thải sinh hoạt của thôn.",
          kind: "FEEDBACK",
          competent: true,
          recordedById: ids.otherStaffId,
        },
      });
      await tx.receptionCounter.upsert({ where: { communeId: ids.nghiaHanhId }, create: { communeId: ids.nghiaHanhId, last: 1 }, update: { last: 1 } });
    });
  }

  const sessionId = `demo-reception-${ids.thienTinId}`.slice(0, 40);
  if (await db.receptionSession.findUnique({ where: { id: sessionId }, select: { id: true } })) return;
  const chair = await db.user.findUniqueOrThrow({ where: { id: ids.chairId }, select: { name: true } });
  await db.$transaction(async (tx) => {
    await tx.receptionSession.create({
      data: {
        id: sessionId,
        communeId: ids.thienTinId,
        heldOn: new Date(`${SESSION_DAY}T00:00:00Z`),
        hostId: ids.chairId,
        hostName: chair.name,
        hostTitle: "Chủ tịch",
        isHeadSession: true,
        place: "Phòng tiếp công dân, trụ sở UBND xã",
        recordedById: ids.staffId,
      },
    });
    const visitedAt = new Date(`${SESSION_DAY}T08:00:00+07:00`);
    const lines = [
      {
        visitorName: "Lê Văn Bình",
        visitorAddress: "Thôn Phú Khương",
        idNumber: "051089001234",
        summary: "Đề nghị sửa đoạn mương thoát nước bị sạt lở trước nhà văn hoá thôn, nước tràn vào ruộng mỗi khi mưa lớn.",
        kind: "PETITION" as const,
        peopleCount: 1,
        representatives: [],
        competent: true,
        conclusion: "Giao công chức Địa chính – Xây dựng kiểm tra hiện trường, lập phương án sửa chữa.",
        deadline: new Date("2026-11-20T00:00:00Z"),
      },
      {
        visitorName: "Nguyễn Thị Hoa",
        visitorAddress: "Thôn Tân Phú 1",
        idNumber: null,
        summary: "Bảy hộ phản ánh đèn chiếu sáng đường liên thôn hỏng đã hai tháng.",
        kind: "FEEDBACK" as const,
        peopleCount: 7,
        representatives: ["Nguyễn Thị Hoa", "Trần Văn Tâm"],
        competent: true,
        conclusion: "Giao Văn phòng HĐND và UBND liên hệ đơn vị điện lực thay bóng đèn.",
        deadline: new Date("2026-11-15T00:00:00Z"),
      },
      {
        visitorName: "Phạm Văn Lộc",
        visitorAddress: "Thôn Long Bình",
        idNumber: "051092004567",
        summary: "Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất thuộc thẩm quyền cấp tỉnh.",
        kind: "PETITION" as const,
        peopleCount: 1,
        representatives: [],
        competent: false,
        guidedTo: "Văn phòng đăng ký đất đai tỉnh (Phiếu hướng dẫn số 12/PHD)",
        conclusion: null,
        deadline: null,
      },
    ];
    let number = 0;
    for (const line of lines) {
      number += 1;
      const visit = await tx.receptionVisit.create({ data: { ...line, communeId: ids.thienTinId, sessionId, number, visitedAt, recordedById: ids.staffId }, select: { id: true } });
      await appendAudit(tx, {
        communeId: ids.thienTinId,
        actorId: ids.staffId,
        actorRole: "STAFF",
        action: "reception.visit.record",
        entityType: "ReceptionVisit",
        entityId: visit.id,
        details: { number, sessionId, withCase: false },
      });
    }
    await tx.receptionCounter.upsert({ where: { communeId: ids.thienTinId }, create: { communeId: ids.thienTinId, last: number }, update: { last: number } });
  });
}
