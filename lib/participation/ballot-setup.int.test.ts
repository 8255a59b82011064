// Setting up a ballot: questions with their rules, and lawful vote channels (Art. 15.6).
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { accessAs, communeId, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { questionSchema, voteSettingsSchema } from "./ballot-schemas";
import { addQuestion, removeQuestion, updateVoteSettings } from "./manage-ballot";

let thienTin: string;

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
});

async function draft(category: "DECISION_COMMUNITY_WORKS" | "DECISION_OTHER_SELF_MANAGEMENT", channels: ("WEB" | "PAPER" | "MEETING" | "COMMENT_BOX")[]) {
  const staff = await db.user.findUniqueOrThrow({ where: { email: STAFF_EMAIL }, select: { id: true } });
  return db.consultation.create({
    data: { communeId: thienTin, title: `Bản nháp ${category}`, summary: "Bản nháp để thử thiết lập biểu quyết.", matterKind: "DECISION", legalCategory: category, subject: "OTHER", allowedChannels: channels, createdById: staff.id },
    select: { id: true },
  });
}

const raw = (consultationId: string, overrides: Record<string, unknown> = {}) => ({
    communeId: thienTin,
    consultationId,
    text: "Hộ gia đình có đồng ý mức đóng góp 300.000 đồng/hộ không?",
    kind: "YES_NO_ABSTAIN",
    votingUnit: "HOUSEHOLD",
    options: [],
    maxChoices: 1,
    thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE",
    // Law 10/2022 Art. 21.1: a contribution needs at least 2/3 of all households of the village.
    thresholdPercent: 66.67,
    quorumPercent: 50,
    ...overrides,
  });
const question = (consultationId: string, overrides: Record<string, unknown> = {}) => questionSchema.parse(raw(consultationId, overrides));

describe("ballot questions", () => {
  it("are added to a draft with fixed agree/disagree/other options, numbered, and logged", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const c = await draft("DECISION_COMMUNITY_WORKS", ["MEETING", "PAPER"]);
    const q1 = await addQuestion(staff, question(c.id));
    const q2 = await addQuestion(staff, question(c.id, { text: "Đồng ý khởi công vào tháng 3?", kind: "SINGLE_CHOICE", options: [{ label: "Tháng 3", isAffirmative: true }, { label: "Tháng 6", isAffirmative: false }] }));
    expect([q1.position, q2.position]).toEqual([0, 1]);
    const options = await db.ballotOption.findMany({ where: { questionId: q1.id }, orderBy: { position: "asc" }, select: { label: true, isAffirmative: true } });
    expect(options).toEqual([{ label: "Đồng ý", isAffirmative: true }, { label: "Không đồng ý", isAffirmative: false }, { label: "Ý kiến khác", isAffirmative: false }]);
    expect(await db.auditEvent.count({ where: { action: "ballot.question.add", entityId: { in: [q1.id, q2.id] } } })).toBe(2);

    await removeQuestion(staff, q1.id);
    expect(await db.ballotQuestion.findMany({ where: { consultationId: c.id }, select: { id: true, position: true } })).toEqual([{ id: q2.id, position: 0 }]);
  });

  it("refuse, citing the article, a decision question under the law's floor: a lower share, votes cast, no threshold, per resident", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const works = await draft("DECISION_COMMUNITY_WORKS", ["MEETING", "PAPER"]);
    await expect(addQuestion(staff, question(works.id, { thresholdPercent: 66.6 }))).rejects.toMatchObject({ code: "thresholdBelowFloor", status: 422, params: { floor: 66.67, article: "art21Contribution" }, fields: { thresholdPercent: "thresholdBelowFloor" } });
    await expect(addQuestion(staff, question(works.id, { thresholdPercent: 50 }))).rejects.toMatchObject({ code: "thresholdBelowFloor" });
    await expect(addQuestion(staff, question(works.id, { thresholdRule: "MAJORITY_OF_VOTES_CAST" }))).rejects.toMatchObject({ code: "decisionNeedsAllHouseholds", fields: { thresholdRule: "decisionNeedsAllHouseholds" } });
    await expect(addQuestion(staff, question(works.id, { thresholdRule: "NONE" }))).rejects.toMatchObject({ code: "decisionNeedsAllHouseholds" });
    await expect(addQuestion(staff, question(works.id, { votingUnit: "RESIDENT" }))).rejects.toMatchObject({ code: "decisionNeedsHouseholds", fields: { votingUnit: "decisionNeedsHouseholds" } });
    expect(await db.ballotQuestion.count({ where: { consultationId: works.id } })).toBe(0);
    // More than 50% for other self-management matters: exactly 50% is the floor, 49.9% is under it.
    const other = await draft("DECISION_OTHER_SELF_MANAGEMENT", ["MEETING", "PAPER"]);
    await expect(addQuestion(staff, question(other.id, { thresholdPercent: 49.9 }))).rejects.toMatchObject({ code: "thresholdBelowFloor", params: { floor: 50, article: "art21SelfManagement" } });
    await expect(addQuestion(staff, question(other.id, { thresholdPercent: 50 }))).resolves.toMatchObject({ position: 0 });
    // A commune that raised its figure holds its questions to it.
    await db.commune.update({ where: { id: thienTin }, data: { settings: { legal: { DECISION_COMMUNITY_WORKS: { thresholdPercent: 75 } } } } });
    try {
      await expect(addQuestion(staff, question(works.id, { thresholdPercent: 70 }))).rejects.toMatchObject({ code: "thresholdBelowFloor", params: { floor: 75 } });
      await expect(addQuestion(staff, question(works.id, { thresholdPercent: 75 }))).resolves.toMatchObject({ position: 0 });
    } finally {
      await db.commune.update({ where: { id: thienTin }, data: { settings: {} } });
    }
  });

  it("refuse rules that cannot be counted", () => {
    expect(questionSchema.safeParse(raw("c", { kind: "SINGLE_CHOICE", options: [{ label: "A", isAffirmative: false }] })).error?.issues[0]?.message).toBe("twoOptionsNeeded");
    expect(questionSchema.safeParse(raw("c", { kind: "SINGLE_CHOICE", options: [{ label: "A", isAffirmative: false }, { label: "B", isAffirmative: false }] })).error?.issues[0]?.message).toBe("thresholdNeedsOneAffirmative");
    expect(questionSchema.safeParse(raw("c", { kind: "MULTIPLE_CHOICE", thresholdRule: "NONE", maxChoices: 3, options: [{ label: "A", isAffirmative: false }, { label: "B", isAffirmative: false }] })).error?.issues[0]?.message).toBe("maxChoicesTooHigh");
    expect(questionSchema.safeParse(raw("c", { thresholdPercent: 101 })).success).toBe(false);
  });

  it("cannot change once the consultation is published", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const published = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Dự thảo Hương ước thôn Tân Phú 1" } }, select: { id: true, questions: { select: { id: true } } } });
    await expect(addQuestion(staff, question(published.id))).rejects.toMatchObject({ code: "ballotLocked", status: 409 });
    await expect(removeQuestion(staff, published.questions[0]!.id)).rejects.toMatchObject({ code: "ballotLocked" });
  });
});

describe("lawful vote channels", () => {
  it("refuse an online-only vote on a decision matter outside Art. 15.6, with the reason", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const c = await draft("DECISION_COMMUNITY_WORKS", ["MEETING"]);
    await addQuestion(staff, question(c.id));
    const settings = (channels: ("WEB" | "PAPER" | "MEETING" | "ASSISTED")[], noticeOn: string | null) =>
      voteSettingsSchema.parse({ communeId: thienTin, consultationId: c.id, channels, onlineVoteNoticeOn: noticeOn, showResultsLive: false });
    await expect(updateVoteSettings(staff, settings(["WEB"], "2026-01-05"))).rejects.toMatchObject({ code: "onlineOnlyDecision", status: 422, fields: { channels: "onlineOnlyDecision" } });
    // With household ballots beside the online vote it is lawful, once the notice was given.
    await expect(updateVoteSettings(staff, settings(["WEB", "PAPER"], "2026-01-05"))).resolves.toMatchObject({ allowedChannels: ["WEB", "PAPER"] });
    expect(voteSettingsSchema.safeParse({ communeId: thienTin, consultationId: c.id, channels: ["WEB", "PAPER"], onlineVoteNoticeOn: null, showResultsLive: false }).error?.issues[0]?.message).toBe("onlineVoteNoticeMissing");
    const stored = await db.consultation.findUniqueOrThrow({ where: { id: c.id }, select: { allowedChannels: true, onlineVoteNoticeAt: true } });
    expect(stored.onlineVoteNoticeAt?.toISOString()).toBe("2026-01-04T17:00:00.000Z");
  });

  it("allow an online-only vote on other self-management matters, and keep the opinion channels as they are", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const c = await draft("DECISION_OTHER_SELF_MANAGEMENT", ["MEETING", "COMMENT_BOX"]);
    await addQuestion(staff, question(c.id));
    const after = await updateVoteSettings(staff, voteSettingsSchema.parse({ communeId: thienTin, consultationId: c.id, channels: ["WEB"], onlineVoteNoticeOn: "2026-01-05", showResultsLive: true }));
    expect(after).toMatchObject({ allowedChannels: ["COMMENT_BOX", "WEB"], showResultsLive: true });
    await expect(updateVoteSettings(staff, voteSettingsSchema.parse({ communeId: thienTin, consultationId: c.id, channels: ["WEB"], onlineVoteNoticeOn: "2999-01-01", showResultsLive: true }))).rejects.toMatchObject({ code: "noticeInFuture" });
  });

  it("refuse a question on a consultation whose channels are an online vote alone", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const c = await draft("DECISION_COMMUNITY_WORKS", ["WEB"]);
    await db.consultation.update({ where: { id: c.id }, data: { onlineVoteNoticeAt: new Date() } });
    await expect(addQuestion(staff, question(c.id))).rejects.toMatchObject({ code: "onlineOnlyDecision" });
    expect(await db.ballotQuestion.count({ where: { consultationId: c.id } })).toBe(0);
  });
});
