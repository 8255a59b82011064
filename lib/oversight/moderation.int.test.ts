import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { opinionSchema } from "@/lib/participation/schemas";
import { postOpinion } from "@/lib/participation/post-opinion";
import { accessAs, communeId, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { accountPseudonym } from "./audit";
import { blockAccount } from "./blocks";
import { appealModeration, countHiddenByReason, decideAppeal, moderateOpinion, reportOpinion, reportsHide } from "./moderation";
import { answerSupervisionNote, countUnansweredNotes, listPublicFlags, writeSupervisionNote } from "./supervision";

let roadId: string;

async function freshOpinion(body: string) {
  const author = await accessAs("0901000002", "thien-tin", ["RESIDENT"]);
  return postOpinion(
    author,
    opinionSchema.parse({ communeId: author.communeId, consultationId: roadId, body, stance: "OTHER", lat: null, lng: null, sectionId: null, parentId: null }),
  );
}

beforeAll(async () => {
  await seedDemo();
  const thienTin = await communeId("thien-tin");
  roadId = (await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp" } }, select: { id: true } })).id;
  // Reporting is limited per person; these tests report more than a person would.
  await db.rateLimit.deleteMany({});
});

describe("reports", () => {
  it("hides an opinion pending review at the third report, and tells its author", async () => {
    const opinion = await freshOpinion("Lời lẽ xúc phạm để thử báo cáo vi phạm.");
    for (const [i, phone] of ["0901000001", "0901000003", "0901000004"].entries()) {
      const reporter = await accessAs(phone, "thien-tin", ["RESIDENT"]);
      const r = await reportOpinion(reporter, { communeId: reporter.communeId, opinionId: opinion.id, reason: "ABUSE", details: "" });
      expect(r).toEqual({ reportCount: i + 1, autoHidden: i === 2 });
    }
    const row = await db.opinion.findUniqueOrThrow({ where: { id: opinion.id }, include: { moderation: true } });
    expect(row.moderationState).toBe("PENDING_REVIEW");
    expect(row.moderation.map((m) => m.action)).toEqual(["AUTO_HIDE"]);
    expect(await db.notification.count({ where: { kind: "opinionPendingReview", userId: row.authorId! } })).toBeGreaterThan(0);
  });

  it("counts one report per person and refuses reporting one's own opinion", async () => {
    const opinion = await freshOpinion("Ý kiến bình thường để thử báo cáo trùng.");
    const reporter = await accessAs("0901000001", "thien-tin", ["RESIDENT"]);
    await reportOpinion(reporter, { communeId: reporter.communeId, opinionId: opinion.id, reason: "SPAM", details: "" });
    await expect(reportOpinion(reporter, { communeId: reporter.communeId, opinionId: opinion.id, reason: "SPAM", details: "" })).rejects.toMatchObject({ code: "alreadyReported", status: 409 });
    const author = await accessAs("0901000002", "thien-tin", ["RESIDENT"]);
    await expect(reportOpinion(author, { communeId: author.communeId, opinionId: opinion.id, reason: "SPAM", details: "" })).rejects.toMatchObject({ status: 403 });
  });

  it("follows the commune's threshold", () => {
    expect(reportsHide(2, 3)).toBe(false);
    expect(reportsHide(3, 3)).toBe(true);
    expect(reportsHide(1, 1)).toBe(true);
  });
});

describe("hiding, restoring and appeals", () => {
  it("hides with a reason, shows the public how many are hidden and why, and never deletes", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const opinion = await freshOpinion("Số điện thoại của ông A là 0912345678, gọi mà hỏi.");
    const before = await countHiddenByReason(roadId);
    await moderateOpinion(staff, { communeId: staff.communeId, opinionId: opinion.id, action: "HIDE", reason: "PERSONAL_DATA", details: "Có số điện thoại của người khác." });
    const after = await countHiddenByReason(roadId);
    const personal = (list: typeof after) => list.find((r) => r.reason === "PERSONAL_DATA")?.count ?? 0;
    expect(personal(after)).toBe(personal(before) + 1);
    expect(await db.opinion.count({ where: { id: opinion.id } })).toBe(1);
    await expect(moderateOpinion(staff, { communeId: staff.communeId, opinionId: opinion.id, action: "HIDE", reason: "ABUSE", details: "Lặp lại." })).rejects.toMatchObject({ code: "alreadyInState" });

    // The author appeals once; the officer who hid it may not decide; another officer (or the Front) does.
    const author = await accessAs("0901000002", "thien-tin", ["RESIDENT"]);
    await appealModeration(author, { communeId: author.communeId, opinionId: opinion.id, body: "Đó là số của tôi, tôi đồng ý công khai." });
    await expect(appealModeration(author, { communeId: author.communeId, opinionId: opinion.id, body: "Xin xem xét lại lần nữa." })).rejects.toMatchObject({ code: "alreadyAppealed" });
    await expect(decideAppeal(staff, { communeId: staff.communeId, opinionId: opinion.id, decision: "UPHELD", note: "Đồng ý hiển thị lại." })).rejects.toMatchObject({ code: "appealSameOfficer", status: 403 });
    const front = await accessAs("mttq@thientin.danban.local", "thien-tin", ["FRONT_REVIEWER"]);
    await decideAppeal(front, { communeId: front.communeId, opinionId: opinion.id, decision: "UPHELD", note: "Người viết tự công khai số của mình." });
    const row = await db.opinion.findUniqueOrThrow({ where: { id: opinion.id }, include: { moderation: { orderBy: { createdAt: "asc" } }, appeal: true } });
    expect(row.moderationState).toBe("VISIBLE");
    expect(row.moderation.map((m) => m.action)).toEqual(["HIDE", "RESTORE"]);
    expect(row.appeal).toMatchObject({ status: "UPHELD", decidedById: front.userId });
  });

  it("lets only staff moderate, and only in their own commune", async () => {
    const opinion = await freshOpinion("Ý kiến để thử quyền kiểm duyệt.");
    const other = await accessAs("canbo@nghiahanh.danban.local", "nghia-hanh", ["STAFF"]);
    await expect(moderateOpinion(other, { communeId: other.communeId, opinionId: opinion.id, action: "HIDE", reason: "ABUSE", details: "Thử từ xã khác." })).rejects.toMatchObject({ status: 404 });
  });
});

describe("blocking", () => {
  it("blocks writing for the chosen days, with the reason logged", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const target = await accessAs("0901000004", "thien-tin", ["RESIDENT"]);
    const block = await blockAccount(staff, { communeId: staff.communeId, userId: target.userId, reason: "Nhiều lần xúc phạm người khác.", days: 7 });
    expect(block.endsAt!.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    await expect(accessAs("0901000004", "thien-tin", ["RESIDENT"])).rejects.toMatchObject({ code: "accountBlocked" });
    // Logged under the account's pseudonym: the public log never shows an account id.
    expect(await db.auditEvent.count({ where: { action: "account.block", entityId: accountPseudonym(target.userId) } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "account.block", entityId: target.userId } })).toBe(0);
    await db.accountBlock.update({ where: { id: block.id }, data: { liftedAt: new Date() } });
  });
});

describe("supervision notes", () => {
  it("are answered by staff, counted while open, and public flags show with their answer", async () => {
    const front = await accessAs("mttq@thientin.danban.local", "thien-tin", ["FRONT_REVIEWER"]);
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const open = await countUnansweredNotes(roadId);
    const note = await writeSupervisionNote(front, { communeId: front.communeId, consultationId: roadId, opinionId: null, body: "Thôn Tân Hòa chưa được niêm yết dự thảo tại nhà văn hóa.", isPublicFlag: true });
    expect(await countUnansweredNotes(roadId)).toBe(open + 1);
    expect((await listPublicFlags(roadId)).find((f) => f.id === note.id)?.response).toBeNull();
    await answerSupervisionNote(staff, { communeId: staff.communeId, noteId: note.id, response: "Đã niêm yết bổ sung ngày 02/12 tại nhà văn hóa thôn Tân Hòa." });
    expect(await countUnansweredNotes(roadId)).toBe(open);
    expect((await listPublicFlags(roadId)).find((f) => f.id === note.id)?.response).toContain("niêm yết bổ sung");
    await expect(answerSupervisionNote(staff, { communeId: staff.communeId, noteId: note.id, response: "Trả lời lần hai để thử." })).rejects.toMatchObject({ code: "noteAlreadyAnswered" });
  });
});
