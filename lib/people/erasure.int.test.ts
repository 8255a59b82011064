// Erasure is whole: a person with data in every table that holds them asks for deletion; afterwards
// no table reaches them, and what the commune must keep (a vote in the count, a report's reason)
// stays without them. The export before erasure lists every one of those tables.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { createBallot } from "@/lib/participation/ballot-test-helpers";
import { accessAs, communeId, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { exportMyData, requestDataChange, resolveDataRequest } from "./data-rights";
import { ERASED_PREFIX } from "./erase-links";

const PHONE = "+84909999123";
let thienTin: string;

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
});

async function vote(input: { consultationId: string; questionId: string; optionId: string; residentId: string; villageId: string; userId: string }) {
  return db.vote.create({
    data: {
      communeId: thienTin,
      consultationId: input.consultationId,
      questionId: input.questionId,
      voterKey: `R:${input.residentId}`,
      residentId: input.residentId,
      villageId: input.villageId,
      userId: input.userId,
      channel: "WEB",
      receiptCode: `ER-${input.questionId.slice(-6)}-${Date.now()}`,
      choices: { create: [{ optionId: input.optionId, communeId: thienTin, questionId: input.questionId }] },
    },
    select: { id: true },
  });
}

describe("erasing an account", () => {
  it("clears or unlinks the person in every table, keeps votes counted, and the export listed it all before", async () => {
    const staffId = await userId(STAFF_EMAIL);
    const listed = await db.resident.findFirstOrThrow({ where: { communeId: thienTin, memberships: { none: {} }, village: { name: "Long Bình" } }, select: { id: true, villageId: true } });
    const person = await db.user.create({ data: { name: "Người xin xóa toàn bộ", displayName: "Xin xóa hết", phone: PHONE, passwordHash: "x" }, select: { id: true } });
    await db.membership.create({ data: { userId: person.id, communeId: thienTin, role: "RESIDENT", status: "VERIFIED", residentId: listed.id, villageId: listed.villageId } });
    const someone = await userId("0901000001");

    // Opinions of someone else that the person reacted to and reported; one of their own, hidden, with an appeal.
    const road = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp" } }, select: { id: true } });
    // Numbers come from the consultation's counter, as post-opinion.ts takes them.
    const nextNumber = async () => (await db.consultation.update({ where: { id: road.id }, data: { opinionSeq: { increment: 1 } }, select: { opinionSeq: true } })).opinionSeq;
    const base = { communeId: thienTin, consultationId: road.id };
    const theirs = await db.opinion.create({ data: { ...base, number: await nextNumber(), authorId: someone, displayName: "Bác Một", body: "Ý kiến của người khác.", agreeCount: 2, reportCount: 1 }, select: { id: true } });
    const mine = await db.opinion.create({ data: { ...base, number: await nextNumber(), authorId: person.id, displayName: "Xin xóa hết", body: "Ý kiến của tôi.", moderationState: "HIDDEN" }, select: { id: true } });
    await db.reaction.create({ data: { communeId: thienTin, opinionId: theirs.id, userId: person.id, kind: "AGREE" } });
    await db.reaction.create({ data: { communeId: thienTin, opinionId: theirs.id, userId: staffId, kind: "AGREE" } });
    await db.opinionReport.create({ data: { communeId: thienTin, opinionId: theirs.id, reporterId: person.id, reason: "OFF_TOPIC", details: "Tôi ở nhà số 5, thấy không đúng." } });
    await db.moderationAppeal.create({ data: { communeId: thienTin, opinionId: mine.id, authorId: person.id, body: "Xin cho hiện lại ý kiến." } });
    await db.follow.create({ data: { userId: person.id, consultationId: road.id, communeId: thienTin } });
    await db.smsMessage.create({ data: { communeId: thienTin, phone: PHONE, body: "Ma xac minh Dan Ban: 123456", provider: "outbox", status: "SENT" } });
    await db.oneTimeCode.create({ data: { phone: PHONE, purpose: "PHONE_VERIFICATION", codeHash: "h", expiresAt: new Date(Date.now() + 600_000) } });
    await db.consentRecord.create({ data: { userId: person.id, communeId: thienTin, purpose: "registration", textVersion: "2026-01" } });

    // Two resident votes: one whose outcome is published (final), one still open.
    const final = await createBallot({ communeId: thienTin, createdById: staffId, unit: "RESIDENT" });
    const open = await createBallot({ communeId: thienTin, createdById: staffId, unit: "RESIDENT" });
    const finalVote = await vote({ ...final, optionId: final.agree, residentId: listed.id, villageId: listed.villageId, userId: person.id });
    const openVote = await vote({ ...open, optionId: open.agree, residentId: listed.id, villageId: listed.villageId, userId: person.id });
    await db.consultation.update({ where: { id: final.consultationId }, data: { status: "OUTCOME_PUBLISHED" } });

    const exported = await exportMyData(person.id);
    expect(exported.reactions).toHaveLength(1);
    expect(exported.reports).toHaveLength(1);
    expect(exported.appeals).toHaveLength(1);
    expect(exported.votes).toHaveLength(2);
    expect(exported.follows).toHaveLength(1);
    expect(exported.textMessages).toHaveLength(1);
    expect(exported.oneTimeCodes).toHaveLength(1);
    expect(exported.oneTimeCodes[0]).not.toHaveProperty("codeHash");
    expect(exported.consentHistory).toHaveLength(1);

    const request = await requestDataChange(person.id, thienTin, "DELETION", null);
    await resolveDataRequest(await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]), { requestId: request.id, status: "DONE", resolution: "Đã xóa theo yêu cầu." });

    // Reactions: gone, and the counter lowered by theirs only.
    expect(await db.reaction.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.reaction.count({ where: { opinionId: theirs.id } })).toBe(1);
    expect((await db.opinion.findUniqueOrThrow({ where: { id: theirs.id }, select: { agreeCount: true } })).agreeCount).toBe(1);
    // Reports and appeals: kept without the person; a report's free text dropped.
    expect(await db.opinionReport.count({ where: { reporterId: person.id } })).toBe(0);
    const report = await db.opinionReport.findFirstOrThrow({ where: { opinionId: theirs.id } });
    expect(report).toMatchObject({ reporterId: `${ERASED_PREFIX}${report.id}`, reason: "OFF_TOPIC", details: null });
    expect(await db.moderationAppeal.count({ where: { authorId: person.id } })).toBe(0);
    expect((await db.moderationAppeal.findUniqueOrThrow({ where: { opinionId: mine.id } })).body).toBe("Xin cho hiện lại ý kiến.");
    // Text messages, codes, follows: gone.
    expect(await db.smsMessage.count({ where: { phone: PHONE } })).toBe(0);
    expect(await db.oneTimeCode.count({ where: { phone: PHONE } })).toBe(0);
    expect(await db.follow.count({ where: { userId: person.id } })).toBe(0);
    // Votes: both still counted; the final one no longer reaches the register, the open one still does (one vote per person).
    expect(await db.vote.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.vote.findUniqueOrThrow({ where: { id: finalVote.id }, select: { residentId: true, voterKey: true, choices: { select: { optionId: true } } } })).toEqual({
      residentId: null,
      voterKey: `${ERASED_PREFIX}${finalVote.id}`,
      choices: [{ optionId: final.agree }],
    });
    expect(await db.vote.findUniqueOrThrow({ where: { id: openVote.id }, select: { residentId: true, voterKey: true } })).toEqual({ residentId: listed.id, voterKey: `R:${listed.id}` });
    // Account, memberships, consents, opinions: as before (identity gone, consents withdrawn, text kept).
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { phone: true, email: true } })).toEqual({ phone: null, email: null });
    expect(await db.membership.count({ where: { userId: person.id, residentId: { not: null } } })).toBe(0);
    expect(await db.consentRecord.count({ where: { userId: person.id, withdrawnAt: null } })).toBe(0);
    expect(await db.opinion.findUniqueOrThrow({ where: { id: mine.id }, select: { authorId: true, body: true } })).toEqual({ authorId: null, body: "Ý kiến của tôi." });
    // The audit log keeps what was done, no longer by whom.
    expect(await db.auditEvent.count({ where: { actorId: person.id } })).toBe(0);
    // And nothing of the person's phone or name is left anywhere the export reads.
    expect(JSON.stringify(await exportMyData(person.id))).not.toMatch(/909999123|Người xin xóa toàn bộ/);
  });
});
