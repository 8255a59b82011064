// Works and results against real PostgreSQL: create (from a consultation, with budget by source),
// validation messages, publish, milestones (progress, status, DONE at 100, the date on its boundary),
// followers told (inbox, and a text for those who chose texts), comments and their moderation, the
// seeded road work, and who may do what (resident, village head, Front, other commune).
import { beforeAll, describe, expect, it } from "vitest";

import { type CommuneAccess, requireCommuneAccess } from "@/lib/auth/authorize";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { commentOnMilestone, moderateWorkComment } from "./comments";
import { followWork, unfollowWork } from "./follow";
import { postMilestone } from "./milestones";
import { getWork, listPublicWorks, readWorkFilters } from "./read";
import { WORK_RESIDENT_ROLES, WORK_STAFF_ROLES } from "./roles";
import { postMilestoneSchema, saveWorkSchema } from "./schemas";
import { publishWork, saveWork } from "./works";

const ROAD = "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa";

let thienTin: string;
let staff: CommuneAccess;
let resident: CommuneAccess;
let roadId: string;

const input = (extra: Record<string, unknown> = {}) =>
  saveWorkSchema.parse({
    communeId: "x",
    workId: null,
    title: "Rãnh thoát nước đoạn Bàu Sen",
    description: "Làm rãnh thoát nước hai bên đường đoạn qua xứ đồng Bàu Sen.",
    geometry: null,
    villageIds: [],
    consultationId: roadId,
    opinionNumbers: [],
    startOn: "2026-03-01",
    endOn: "2026-06-30",
    budget: [
      { source: "STATE_BUDGET", amountVnd: "1.200.000.000" },
      { source: "RESIDENT_CASH", amountVnd: "150000000", spentVnd: "50000000" },
      { source: "LABOUR_DAYS", labourDays: "300" },
    ],
    ...extra,
  });

async function newPublishedWork() {
  const { communeId: _c, ...values } = input();
  const { workId } = await saveWork(staff, values);
  await publishWork(staff, workId);
  return workId;
}

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  staff = await accessAs(STAFF_EMAIL, "thien-tin", WORK_STAFF_ROLES);
  resident = await accessAs(RESIDENT_PHONE, "thien-tin", WORK_RESIDENT_ROLES);
  roadId = (await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: ROAD }, select: { id: true } })).id;
});

describe("the seed", () => {
  it("has the road work in progress, published, with its budget and two milestones", async () => {
    const work = await db.work.findFirstOrThrow({ where: { communeId: thienTin, consultationId: roadId }, include: { budgetLines: true, milestones: true, villages: true } });
    expect(work.status).toBe("IN_PROGRESS");
    expect(work.publishedAt).not.toBeNull();
    expect(work.budgetLines.map((l) => l.source).sort()).toEqual(["LABOUR_DAYS", "RESIDENT_CASH", "SPONSOR", "STATE_BUDGET"]);
    expect(work.milestones).toHaveLength(2);
    expect(work.villages).toHaveLength(3);
    expect(work.geometry).toMatchObject({ type: "LineString" });
  });
});

describe("creating and publishing", () => {
  it("creates a work from a consultation with its budget by source; the money adds up; audited", async () => {
    const villageIds = (await db.village.findMany({ where: { communeId: thienTin }, take: 2, select: { id: true } })).map((v) => v.id);
    const opinion = await db.opinion.findFirstOrThrow({ where: { consultationId: roadId, moderationState: "VISIBLE" }, select: { number: true, id: true } });
    const { communeId: _c, ...values } = input({ villageIds, opinionNumbers: [opinion.number] });
    const { workId } = await saveWork(staff, values);
    const work = await getWork(thienTin, workId, { includeDrafts: true });
    expect(work!.villageList).toHaveLength(2);
    expect(work!.linkedOpinions.map((o) => o.id)).toEqual([opinion.id]);
    expect(work!.money).toEqual({ plannedVnd: 1_350_000_000n, spentVnd: 50_000_000n, labourDays: 300, labourDone: 0 });
    expect(await db.auditEvent.count({ where: { entityId: workId, action: "work.create" } })).toBe(1);
    // A draft is not public: not on the list, not on its page.
    expect(await getWork(thienTin, workId)).toBeNull();
    await publishWork(staff, workId);
    expect((await getWork(thienTin, workId))!.title).toBe("Rãnh thoát nước đoạn Bàu Sen");
    await expect(publishWork(staff, workId)).rejects.toMatchObject({ code: "workAlreadyPublished", status: 409 });
    const list = await listPublicWorks(thienTin, readWorkFilters({ village: villageIds[0] }));
    expect(list.works.map((w) => w.id)).toContain(workId);
  });

  it("refuses bad input with the field named, and writes nothing", async () => {
    const before = await db.work.count();
    const title = saveWorkSchema.safeParse({ communeId: "x", title: "Rãnh", description: "ngắn", geometry: null });
    expect(title.success).toBe(false);
    expect(title.error!.flatten().fieldErrors).toMatchObject({ title: ["workTitleRequired"], description: ["workDescriptionRequired"] });
    expect(saveWorkSchema.safeParse({ ...input(), budget: [{ source: "STATE_BUDGET", amountVnd: "-5" }] }).error!.issues[0]!.message).toBe("workAmountInvalid");
    const { communeId: _c, ...noAmount } = input({ budget: [{ source: "SPONSOR" }] });
    await expect(saveWork(staff, noAmount)).rejects.toMatchObject({ code: "workAmountRequired", params: { n: 1 } });
    const { communeId: _d, ...noDays } = input({ budget: [{ source: "LABOUR_DAYS", amountVnd: "100" }] });
    await expect(saveWork(staff, noDays)).rejects.toMatchObject({ code: "workLabourDaysRequired" });
    const { communeId: _e, ...backwards } = input({ startOn: "2026-06-30", endOn: "2026-06-29" });
    await expect(saveWork(staff, backwards)).rejects.toMatchObject({ code: "workEndBeforeStart", fields: { endOn: "workEndBeforeStart" } });
    const { communeId: _f, ...sameDay } = input({ startOn: "2026-06-30", endOn: "2026-06-30" });
    await saveWork(staff, sameDay); // the same day is allowed
    const { communeId: _g, ...badOpinion } = input({ opinionNumbers: [999_999] });
    await expect(saveWork(staff, badOpinion)).rejects.toMatchObject({ code: "workUnknownOpinion" });
    const { communeId: _h, ...outside } = input({ geometry: { type: "Point", coordinates: [2.35, 48.85] } });
    await expect(saveWork(staff, outside)).rejects.toMatchObject({ code: "geojsonOutsideCommune", fields: { geometry: "geojsonOutsideCommune" } });
    expect(await db.work.count()).toBe(before + 1);
  });
});

describe("milestones", () => {
  it("moves progress and status; DONE sets 100; DONE is final; followers are told (inbox and text)", async () => {
    const workId = await newPublishedWork();
    await followWork(resident, workId);
    await db.user.update({ where: { id: resident.userId }, data: { textMessages: true } });
    const today = toVnDate(new Date());
    const started = await postMilestone(staff, { workId, occurredOn: today, body: "Khởi công, bàn giao mặt bằng.", progress: 10, toStatus: "IN_PROGRESS", photoIds: [] });
    expect(started).toMatchObject({ status: "IN_PROGRESS", progress: 10, told: 1 });
    await postMilestone(staff, { workId, occurredOn: today, body: "Đổ bê tông xong một nửa.", progress: 60, toStatus: null, photoIds: [] });
    const done = await postMilestone(staff, { workId, occurredOn: today, body: "Nghiệm thu, đưa vào sử dụng.", progress: 90, toStatus: "DONE", photoIds: [] });
    expect(done).toMatchObject({ status: "DONE", progress: 100 });
    await expect(postMilestone(staff, { workId, occurredOn: today, body: "Mở lại công trình.", progress: null, toStatus: "IN_PROGRESS", photoIds: [] })).rejects.toMatchObject({ code: "workStatusNotAllowed", status: 409 });
    const work = await getWork(thienTin, workId);
    expect(work!.milestones).toHaveLength(3);
    expect(await db.notification.count({ where: { userId: resident.userId, kind: "workMilestone", link: { endsWith: `/works/${workId}` } } })).toBe(3);
    const phone = (await db.user.findUniqueOrThrow({ where: { id: resident.userId }, select: { phone: true } })).phone;
    if (phone) expect(await db.queuedText.count({ where: { userId: resident.userId, key: { startsWith: "workMilestone:work-milestone:" } } })).toBe(3);
    await db.user.update({ where: { id: resident.userId }, data: { textMessages: false } });
    expect(await db.auditEvent.count({ where: { action: "work.milestone", details: { path: ["workId"], equals: workId } } })).toBe(3);
  });

  it("accepts a milestone dated today and refuses one dated tomorrow (Vietnam time)", async () => {
    const workId = await newPublishedWork();
    const now = new Date("2026-05-10T16:59:00Z"); // 23:59 in Vietnam on 10 May
    await postMilestone(staff, { workId, occurredOn: "2026-05-10", body: "Cập nhật đúng ngày.", progress: null, toStatus: null, photoIds: [] }, now);
    await expect(postMilestone(staff, { workId, occurredOn: "2026-05-11", body: "Cập nhật ngày mai.", progress: null, toStatus: null, photoIds: [] }, now)).rejects.toMatchObject({ code: "workMilestoneInFuture" });
    expect(postMilestoneSchema.safeParse({ communeId: "x", workId, occurredOn: "2026-05-10", body: "Tiến độ quá.", progress: "101" }).error!.issues[0]!.message).toBe("workProgressInvalid");
    expect(postMilestoneSchema.safeParse({ communeId: "x", workId, occurredOn: "2026-05-10", body: "Tiến độ đủ.", progress: "100" }).success).toBe(true);
  });

  it("refuses photos that are not the poster's own unused uploads", async () => {
    const workId = await newPublishedWork();
    await expect(postMilestone(staff, { workId, occurredOn: toVnDate(new Date()), body: "Ảnh lạ.", progress: null, toStatus: null, photoIds: ["no-such-photo"] })).rejects.toMatchObject({ code: "unknownPhoto" });
  });
});

describe("following and comments", () => {
  it("a resident follows, unfollows, comments; staff hide the comment with a reason and the author is told", async () => {
    const workId = await newPublishedWork();
    expect(await followWork(resident, workId)).toEqual({ following: true });
    expect(await followWork(resident, workId)).toEqual({ following: true }); // twice is once
    expect((await getWork(thienTin, workId))!.followers).toBe(1);
    expect(await unfollowWork(resident, workId)).toEqual({ following: false });
    const { milestoneId } = await postMilestone(staff, { workId, occurredOn: toVnDate(new Date()), body: "Khởi công.", progress: 5, toStatus: "IN_PROGRESS", photoIds: [] });
    const { commentId } = await commentOnMilestone(resident, { milestoneId, body: "Đề nghị để lối đi tạm cho xe chở lúa." });
    expect((await getWork(thienTin, workId))!.milestones[0]!.comments.map((c) => c.body)).toEqual(["Đề nghị để lối đi tạm cho xe chở lúa."]);
    await moderateWorkComment(staff, { commentId, action: "HIDE", reason: "OFF_TOPIC", details: null });
    expect((await getWork(thienTin, workId))!.milestones[0]!.comments).toHaveLength(0);
    expect((await getWork(thienTin, workId, { includeDrafts: true }))!.milestones[0]!.comments[0]!.moderationState).toBe("HIDDEN");
    expect(await db.notification.count({ where: { userId: resident.userId, kind: "workCommentHidden" } })).toBeGreaterThan(0);
    await expect(moderateWorkComment(staff, { commentId, action: "HIDE", reason: "OFF_TOPIC", details: null })).rejects.toMatchObject({ code: "workCommentAlreadyInState" });
    expect(await db.workCommentModeration.count({ where: { commentId } })).toBe(1);
  });

  it("no following or commenting on a draft", async () => {
    const { communeId: _c, ...values } = input();
    const { workId } = await saveWork(staff, values);
    await expect(followWork(resident, workId)).rejects.toMatchObject({ status: 404 });
    const { milestoneId } = await postMilestone(staff, { workId, occurredOn: toVnDate(new Date()), body: "Chuẩn bị mặt bằng.", progress: null, toStatus: null, photoIds: [] });
    await expect(commentOnMilestone(resident, { milestoneId, body: "Bình luận bản nháp." })).rejects.toMatchObject({ status: 404 });
  });
});

describe("who may do what", () => {
  const PEOPLE = { resident: RESIDENT_PHONE, villageHead: "truongthon.tanphu1@thientin.danban.local", front: "mttq@thientin.danban.local", staff: STAFF_EMAIL, leader: "chutich@thientin.danban.local", admin: "admin@danban.local", otherCommuneStaff: OTHER_STAFF_EMAIL } as const;
  type Who = keyof typeof PEOPLE;
  async function as(who: Who, roles: typeof WORK_STAFF_ROLES, work: (a: CommuneAccess) => Promise<unknown>): Promise<"ok" | number> {
    try {
      await work(await requireCommuneAccess(await userId(PEOPLE[who]), thienTin, roles, { write: true }));
      return "ok";
    } catch (e) {
      if (isAppError(e)) return e.status;
      throw e;
    }
  }

  it.each(Object.keys(PEOPLE) as Who[])("%s: staff steps (create, publish, milestone)", async (who) => {
    const workId = await newPublishedWork();
    const { communeId: _c, ...values } = input();
    const created = await as(who, WORK_STAFF_ROLES, (a) => saveWork(a, values));
    const edited = await as(who, WORK_STAFF_ROLES, (a) => saveWork(a, { ...values, workId }));
    const posted = await as(who, WORK_STAFF_ROLES, (a) => postMilestone(a, { workId, occurredOn: toVnDate(new Date()), body: "Cập nhật thử quyền.", progress: null, toStatus: null, photoIds: [] }));
    const allowed = ["staff", "leader", "admin"].includes(who);
    expect([created, edited, posted]).toEqual(allowed ? ["ok", "ok", "ok"] : [403, 403, 403]);
  });

  it.each(Object.keys(PEOPLE) as Who[])("%s: resident steps (follow)", async (who) => {
    const workId = await newPublishedWork();
    expect(await as(who, WORK_RESIDENT_ROLES, (a) => followWork(a, workId))).toBe(who === "resident" ? "ok" : 403);
  });

  it("the Front and anyone read a published work on its public page, drafts never", async () => {
    const workId = await newPublishedWork();
    expect((await getWork(thienTin, workId, { viewerId: await userId(PEOPLE.front) }))!.id).toBe(workId);
  });

  it("staff of another commune reach no work of this one, whatever id they send", async () => {
    const workId = await newPublishedWork();
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", WORK_STAFF_ROLES);
    const nghiaHanh = await communeId("nghia-hanh");
    const { communeId: _c, ...values } = input();
    await expect(saveWork(other, { ...values, workId })).rejects.toMatchObject({ status: 422 }); // the consultation is not theirs
    await expect(saveWork(other, { ...values, consultationId: null, workId })).rejects.toMatchObject({ status: 404 });
    await expect(publishWork(other, workId)).rejects.toMatchObject({ status: 404 });
    await expect(postMilestone(other, { workId, occurredOn: toVnDate(new Date()), body: "Xã khác.", progress: 50, toStatus: null, photoIds: [] })).rejects.toMatchObject({ status: 404 });
    expect(await getWork(nghiaHanh, workId)).toBeNull();
    expect((await db.work.findUniqueOrThrow({ where: { id: workId } })).progress).toBe(0);
  });
});
