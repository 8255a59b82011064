// Opinions from every channel of Art. 26.1: numbered in the same sequence as web opinions, dated within
// the comment period (or the late-entry window after it), entered by staff, the Front or a village head
// for their own village only, shown on public pages without the writer's identity, held on a meeting's
// record, and counted by channel in the summary report.
import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { addDaysVn, toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listOpinionsForReview } from "@/lib/oversight/list-for-review";
import { addFrontReviewer, createBallot, createTestCommune, createVillage, type TestCommune } from "@/lib/participation/ballot-test-helpers";
import { listPublicOpinions } from "@/lib/participation/list-opinions";
import { postOpinion } from "@/lib/participation/post-opinion";
import { takeSnapshot } from "@/lib/reports/snapshot";
import { seedDemo } from "@/scripts/test/fixtures";

import { enterChannelOpinion } from "./enter-opinion";
import { listMeetingOpinions } from "./meeting-opinions";
import { CHANNEL_ENTRY_ROLES } from "./roles";
import { type ChannelOpinionInput, channelOpinionSchema } from "./schemas";

let c: TestCommune;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  await seedDemo();
  c = await createTestCommune("Xã Thử Các Kênh");
});

const today = () => toVnDate(new Date());
const values = (consultationId: string, extra: Partial<ChannelOpinionInput> = {}) =>
  channelOpinionSchema.parse({ communeId: c.communeId, consultationId, channel: "PAPER", receivedOn: today(), body: "Đề nghị mở rộng đường vào thôn thêm 1 mét.", stance: "SUPPORT", lat: null, lng: null, ...extra });

async function codeOf(run: () => Promise<unknown>) {
  try {
    await run();
    return "ok";
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.code;
  }
}

async function villageHead(villageId: string) {
  const user = await db.user.create({ data: { name: "Trưởng thôn thử", displayName: "Trưởng thôn thử", email: `tt-${randomUUID().slice(0, 8)}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId } });
  return requireCommuneAccess(user.id, c.communeId, CHANNEL_ENTRY_ROLES, { write: true });
}

describe("entering an opinion received off the web", () => {
  it("takes the next number of the one sequence shared with web opinions, and records who entered it and when it was received", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Số Chung", households: 2, accounts: 1 });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId });
    const resident = await requireCommuneAccess(v.households[0]!.userId!, c.communeId, ["RESIDENT"], { write: true });
    const web = await postOpinion(resident, { communeId: c.communeId, consultationId: b.consultationId, body: "Ý kiến gửi trên cổng thông tin.", stance: null, lat: null, lng: null, sectionId: null, parentId: null, photoId: null });
    const paper = await enterChannelOpinion(c.staff, values(b.consultationId, { householdId: v.households[1]!.householdId }));
    const hotline = await enterChannelOpinion(c.staff, values(b.consultationId, { channel: "HOTLINE" }));
    expect([web.number, paper.number, hotline.number]).toEqual([1, 2, 3]);

    const row = await db.opinion.findUniqueOrThrow({ where: { id: paper.id }, select: { channel: true, enteredById: true, householdId: true, villageId: true, receivedOn: true, displayName: true, authorId: true } });
    expect(row).toMatchObject({ channel: "PAPER", enteredById: c.staffId, householdId: v.households[1]!.householdId, villageId: v.villageId, authorId: null, displayName: "Người dân (phiếu giấy)" });
    expect(toVnDate(row.receivedOn!)).toBe(today());
    const audit = await db.auditEvent.findFirst({ where: { entityId: paper.id, action: "opinion.channel" }, select: { details: true } });
    expect(audit?.details).toMatchObject({ channel: "PAPER", number: 2 });
  });

  it("shows staff and the Front the household, and public pages only the channel and a given name", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Danh Tính", households: 1 });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId });
    const h = v.households[0]!;
    await enterChannelOpinion(c.staff, values(b.consultationId, { householdId: h.householdId, residentId: h.residentId }));
    const review = await listOpinionsForReview(b.consultationId, "all", 1);
    expect(review.items[0]).toMatchObject({ channel: "PAPER", enteredByName: "Cán bộ thử", identity: { fullName: "Nguyễn Văn Thử 1", household: { code: h.code } } });
    const shown = await listPublicOpinions(b.consultationId);
    expect(shown.items[0]).toMatchObject({ channel: "PAPER", displayName: "1 (Thôn Danh Tính)" });
    expect(JSON.stringify(shown.items[0])).not.toContain("+84");
  });
});

describe("the day received (Art. 26.1, within the comment period of Art. 28.2; late-entry window after it)", () => {
  it("refuses a day in the future and a day before the comment period opened; takes the first and the last day", async () => {
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, opensIn: -5, closesIn: 3 });
    const w = await db.consultation.findUniqueOrThrow({ where: { id: b.consultationId }, select: { commentStartsAt: true, commentEndsAt: true } });
    const first = toVnDate(w.commentStartsAt!);
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { receivedOn: addDaysVn(today(), 1) })))).toBe("receivedInFuture");
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { receivedOn: addDaysVn(first, -1) })))).toBe("receivedOutsidePeriod");
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { receivedOn: first })))).toBe("ok");
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { receivedOn: today() })))).toBe("ok");
    // On the last day of the period, entered at the very end of it.
    const last = toVnDate(w.commentEndsAt!);
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { receivedOn: last }), w.commentEndsAt!))).toBe("ok");
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { receivedOn: addDaysVn(last, 1) }), new Date(w.commentEndsAt!.getTime() + 2 * DAY)))).toBe("receivedOutsidePeriod");
  });

  it("after the close, takes forms until the end of the late-entry window and not a moment later", async () => {
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, opensIn: -10, closesIn: -1 });
    const w = await db.consultation.findUniqueOrThrow({ where: { id: b.consultationId }, select: { commentEndsAt: true } });
    const last = toVnDate(w.commentEndsAt!);
    // Default window: 3 days after the last day, to the end of the third day (Vietnam time).
    const endOfWindow = new Date(Date.parse(`${addDaysVn(last, 3)}T23:59:59.999+07:00`));
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { receivedOn: last }), endOfWindow))).toBe("ok");
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { receivedOn: last }), new Date(endOfWindow.getTime() + 1)))).toBe("channelEntryClosed");
  });
});

describe("who may enter", () => {
  it("staff and the Front for any village, a village head for their own village only, a resident never", async () => {
    const own = await createVillage(c.communeId, { name: "Thôn Của Trưởng", households: 1, accounts: 1 });
    const other = await createVillage(c.communeId, { name: "Thôn Khác", households: 1 });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId });
    const head = await villageHead(own.villageId);
    const front = await addFrontReviewer(c.communeId);
    const ownHousehold = { householdId: own.households[0]!.householdId };
    const otherHousehold = { householdId: other.households[0]!.householdId };
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, otherHousehold)))).toBe("ok");
    expect(await codeOf(() => enterChannelOpinion(front, values(b.consultationId, { ...otherHousehold, channel: "FRONT" })))).toBe("ok");
    expect(await codeOf(() => enterChannelOpinion(head, values(b.consultationId, ownHousehold)))).toBe("ok");
    expect(await codeOf(() => enterChannelOpinion(head, values(b.consultationId, otherHousehold)))).toBe("notYourVillage");
    expect(await codeOf(() => enterChannelOpinion(head, values(b.consultationId, { villageId: other.villageId })))).toBe("notYourVillage");
    // Unidentified: a village head's entry is of their own village.
    const anon = await enterChannelOpinion(head, values(b.consultationId, { channel: "COMMENT_BOX" }));
    expect((await db.opinion.findUniqueOrThrow({ where: { id: anon.id }, select: { villageId: true } })).villageId).toBe(own.villageId);
    expect(await codeOf(() => requireCommuneAccess(own.households[0]!.userId!, c.communeId, CHANNEL_ENTRY_ROLES, { write: true }))).toBe("forbidden");
  });
});

describe("a village meeting's record", () => {
  it("holds the opinions raised at it, with the meeting's day and village, each shown with its answer", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Họp", households: 2 });
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId });
    const meeting = await db.meetingRecord.create({
      data: { communeId: c.communeId, consultationId: b.consultationId, villageId: v.villageId, heldAt: new Date(Date.now() - DAY), form: "SHOW_OF_HANDS", householdsPresent: 2, householdsTotal: 2, enteredById: c.staffId },
      select: { id: true },
    });
    const raised = await enterChannelOpinion(c.staff, values(b.consultationId, { channel: "MEETING", meetingId: meeting.id, receivedOn: today() }));
    const row = await db.opinion.findUniqueOrThrow({ where: { id: raised.id }, select: { villageId: true, receivedOn: true, meetingId: true } });
    expect(row).toMatchObject({ villageId: v.villageId, meetingId: meeting.id });
    expect(toVnDate(row.receivedOn!)).toBe(toVnDate(new Date(Date.now() - DAY)));
    expect(await codeOf(() => enterChannelOpinion(c.staff, values(b.consultationId, { channel: "PAPER", meetingId: meeting.id })))).toBe("meetingOnlyForMeetingChannel");

    const answer = await db.opinionAnswer.create({ data: { communeId: c.communeId, consultationId: b.consultationId, kind: "TAKEN_ON_BOARD", body: "Tiếp thu, sẽ đưa vào kế hoạch năm sau.", answeredById: c.staffId }, select: { id: true } });
    await db.opinion.update({ where: { id: raised.id }, data: { answerId: answer.id } });
    const listed = await listMeetingOpinions(c.communeId, b.consultationId);
    expect(listed.get(meeting.id)).toEqual([expect.objectContaining({ number: raised.number, answer: expect.objectContaining({ kind: "TAKEN_ON_BOARD" }) })]);
  });
});

describe("the summary report", () => {
  it("counts opinions by channel", async () => {
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId });
    for (const channel of ["PAPER", "PAPER", "HOTLINE", "COMMENT_BOX", "FRONT", "CONFERENCE"] as const) {
      await enterChannelOpinion(c.staff, values(b.consultationId, { channel }));
    }
    const snapshot = await takeSnapshot(c.communeId, b.consultationId);
    const byChannel = Object.fromEntries(snapshot.participation.byChannel.map((x) => [x.channel, x.opinions]));
    expect(byChannel).toMatchObject({ PAPER: 2, HOTLINE: 1, COMMENT_BOX: 1, FRONT: 1, CONFERENCE: 1 });
  });
});
