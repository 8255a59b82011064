// Demo petitions and feedback for xã Thiện Tín (issue 12 §2): the category list, reply templates, and
// a case in every state — one overdue, one reopened after a "not fixed", a complaint and a
// denunciation (private). Running it again adds nothing.
import { expectedResolvedAt, firstDueAt, fixCheckDueAt, resolveDueAt } from "@/lib/cases/clocks";
import type { Db } from "@/lib/db";
import type { CaseKind, CaseState } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;

const CATEGORIES = [
  { code: "roads", name: "Đường sá, cầu cống", nameEn: "Roads and culverts", expectedResolutionDays: 20, sortOrder: 1, description: "Ổ gà, sạt lở, cống nghẹt." },
  { code: "lights", name: "Đèn chiếu sáng", nameEn: "Street lights", expectedResolutionDays: 10, sortOrder: 2, description: null },
  { code: "waste", name: "Rác thải, vệ sinh môi trường", nameEn: "Waste and sanitation", expectedResolutionDays: 7, sortOrder: 3, description: null },
  { code: "water", name: "Nước sinh hoạt, thủy lợi", nameEn: "Water and irrigation", expectedResolutionDays: 15, sortOrder: 4, description: null },
  { code: "other", name: "Khác", nameEn: "Other", expectedResolutionDays: 30, sortOrder: 9, description: null },
];

const TEMPLATES: { state: CaseState; title: string; body: string }[] = [
  { state: "ACCEPTED", title: "Tiếp nhận", body: "UBND xã đã tiếp nhận kiến nghị của ông/bà và giao bộ phận chuyên môn xử lý. Xã sẽ thông báo kết quả." },
  { state: "IN_PROGRESS", title: "Cần thêm thời gian", body: "Việc này cần khảo sát thêm; xã sẽ trả lời kết quả trong thời gian sớm nhất." },
  { state: "REFUSED", title: "Không thuộc thẩm quyền", body: "Nội dung kiến nghị không thuộc thẩm quyền giải quyết của UBND xã." },
  { state: "TRANSFERRED", title: "Chuyển cơ quan có thẩm quyền", body: "Xã đã chuyển kiến nghị đến cơ quan có thẩm quyền và thông báo để ông/bà theo dõi." },
  { state: "RESOLVED", title: "Đã giải quyết", body: "Xã đã giải quyết xong nội dung kiến nghị. Cảm ơn ông/bà đã phản ánh." },
];

type DemoCase = {
  kind: CaseKind;
  state: CaseState;
  code: string | null;
  title: string;
  body: string;
  isPublic: boolean;
  daysAgo: number;
  /** Filed by the demo resident (else entered by staff for a caller). */
  byResident: boolean;
  transferredTo?: string;
  refusalReason?: string;
  reopened?: boolean;
  /** Resolved this many days ago. */
  resolvedDaysAgo?: number;
  pin?: [number, number];
};

const CASES: DemoCase[] = [
  { kind: "FEEDBACK", state: "RECEIVED", code: "roads", title: "Ổ gà lớn trên đường liên thôn Phú Khương", body: "Ổ gà sâu khoảng 20 cm trước nhà văn hoá thôn, xe máy đi ban đêm dễ ngã.", isPublic: true, daysAgo: 1, byResident: true, pin: [0.004, -0.003] },
  { kind: "PETITION", state: "RECEIVED", code: "lights", title: "Đề nghị lắp đèn ở ngã ba chợ", body: "Ngã ba chợ tối, học sinh đi học thêm về muộn không an toàn.", isPublic: true, daysAgo: 25, byResident: false, pin: [-0.002, 0.004] },
  { kind: "FEEDBACK", state: "CLASSIFIED", code: "waste", title: "Bãi rác tự phát cạnh kênh", body: "Người dân đổ rác xuống mương nước cạnh cánh đồng.", isPublic: true, daysAgo: 3, byResident: false },
  { kind: "PETITION", state: "ACCEPTED", code: "water", title: "Nạo vét mương thủy lợi đội 3", body: "Mương bị bồi lắng, nước không về ruộng.", isPublic: true, daysAgo: 6, byResident: true },
  { kind: "FEEDBACK", state: "IN_PROGRESS", code: "roads", title: "Cống thoát nước bị nghẹt", body: "Mưa lớn là nước tràn vào nhà dân.", isPublic: true, daysAgo: 12, byResident: true, reopened: true, pin: [0.001, 0.001] },
  { kind: "FEEDBACK", state: "RESOLVED", code: "lights", title: "Bóng đèn đường hỏng đoạn trường tiểu học", body: "Ba bóng không sáng.", isPublic: true, daysAgo: 40, byResident: true, resolvedDaysAgo: 30, pin: [-0.003, -0.002] },
  { kind: "PETITION", state: "REFUSED", code: "other", title: "Đề nghị mở rộng quốc lộ", body: "Quốc lộ qua xã hẹp.", isPublic: true, daysAgo: 20, byResident: false, refusalReason: "Quốc lộ do Bộ Xây dựng quản lý, không thuộc thẩm quyền của UBND xã." },
  { kind: "FEEDBACK", state: "TRANSFERRED", code: "water", title: "Nước máy có mùi lạ", body: "Nước máy mấy hôm nay có mùi clo rất nặng.", isPublic: true, daysAgo: 9, byResident: false, transferredTo: "Công ty Cổ phần Cấp thoát nước Quảng Ngãi" },
  { kind: "COMPLAINT", state: "ACCEPTED", code: null, title: "Khiếu nại mức hỗ trợ giải phóng mặt bằng", body: "Gia đình không đồng ý với mức hỗ trợ.", isPublic: false, daysAgo: 8, byResident: false },
  { kind: "DENUNCIATION", state: "RECEIVED", code: null, title: "Tố cáo việc thu tiền sai quy định", body: "Có người thu tiền làm đường không có biên lai.", isPublic: false, daysAgo: 2, byResident: false },
];

export async function seedCases(db: Db, communeId: string, staffId: string) {
  const commune = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { centerLat: true, centerLng: true } });
  const categories = new Map<string, { id: string; days: number }>();
  for (const c of CATEGORIES) {
    const row = await db.caseCategory.upsert({ where: { communeId_code: { communeId, code: c.code } }, update: {}, create: { communeId, ...c } });
    categories.set(c.code, { id: row.id, days: row.expectedResolutionDays });
  }
  if ((await db.caseReplyTemplate.count({ where: { communeId } })) === 0) {
    await db.caseReplyTemplate.createMany({ data: TEMPLATES.map((t, i) => ({ communeId, ...t, sortOrder: i })) });
  }
  if ((await db.case.count({ where: { communeId } })) > 0) return;
  const resident = await db.user.findUnique({ where: { phone: "+84901000001" }, select: { id: true, name: true, phone: true } });
  const now = Date.now();
  let number = 0;
  for (const d of CASES) {
    number += 1;
    const receivedAt = new Date(now - d.daysAgo * DAY);
    const category = d.code ? categories.get(d.code)! : null;
    const acknowledged = !["RECEIVED", "CLASSIFIED"].includes(d.state);
    const acceptedAt = ["ACCEPTED", "IN_PROGRESS", "RESOLVED"].includes(d.state) ? new Date(receivedAt.getTime() + DAY) : null;
    const resolvedAt = d.resolvedDaysAgo !== undefined ? new Date(now - d.resolvedDaysAgo * DAY) : null;
    const byResident = d.byResident && resident;
    const created = await db.case.create({
      data: {
        communeId,
        number,
        categoryId: category?.id ?? null,
        kind: d.kind,
        state: d.state,
        title: d.title,
        body: d.body,
        isPublic: d.isPublic,
        lat: d.pin ? commune.centerLat + d.pin[0] : null,
        lng: d.pin ? commune.centerLng + d.pin[1] : null,
        source: byResident ? "WEB" : "STAFF",
        filedById: byResident ? resident.id : null,
        enteredById: byResident ? null : staffId,
        senderName: byResident ? resident.name : d.kind === "DENUNCIATION" ? "Người tố cáo (demo)" : "Bà Nguyễn Thị Bảy",
        senderPhone: byResident ? resident.phone : "+84905000777",
        receivedAt,
        replyDueAt: firstDueAt(d.kind, receivedAt),
        repliedAt: acknowledged ? new Date(receivedAt.getTime() + DAY) : null,
        acceptedAt,
        resolveDueAt: acceptedAt ? resolveDueAt(d.kind, acceptedAt, false) : null,
        expectedResolvedAt: expectedResolvedAt(receivedAt, category?.days),
        resolvedAt,
        fixCheckDueAt: resolvedAt ? fixCheckDueAt(resolvedAt) : null,
        transferredTo: d.transferredTo ?? null,
        refusalReason: d.refusalReason ?? null,
        reopenCount: d.reopened ? 1 : 0,
        fixAnswer: d.reopened ? "NO" : null,
        fixAskedAt: d.reopened ? new Date(now - 2 * DAY) : null,
        fixAnsweredAt: d.reopened ? new Date(now - DAY) : null,
        handlerId: d.kind === "DENUNCIATION" ? null : staffId,
      },
      select: { id: true },
    });
    await db.caseUpdate.create({ data: { communeId, caseId: created.id, authorId: byResident ? resident.id : staffId, isPublic: d.isPublic, body: "", toState: "RECEIVED", createdAt: receivedAt } });
    if (d.state !== "RECEIVED") {
      await db.caseUpdate.create({
        data: { communeId, caseId: created.id, authorId: staffId, isPublic: true, body: d.refusalReason ?? d.transferredTo ?? TEMPLATES.find((t) => t.state === d.state)?.body ?? "", fromState: "RECEIVED", toState: d.state, createdAt: new Date(receivedAt.getTime() + DAY) },
      });
    }
    if (byResident) await db.caseFollow.upsert({ where: { userId_caseId: { userId: resident.id, caseId: created.id } }, update: {}, create: { userId: resident.id, caseId: created.id, communeId } });
  }
  await db.caseCounter.upsert({ where: { communeId }, update: { last: number }, create: { communeId, last: number } });
}
