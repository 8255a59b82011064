import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { accessAs, communeId, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { answerOpinions, missingForApproval } from "./answer-opinions";

let zoningId: string;

beforeAll(async () => {
  await seedDemo();
  const thienTin = await communeId("thien-tin");
  zoningId = (await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Quy hoạch chi tiết" } }, select: { id: true } })).id;
});

describe("answering opinions", () => {
  it("answers a group of opinions with one answer, and approval waits until every opinion has one", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const opinions = await db.opinion.findMany({ where: { consultationId: zoningId, parentId: null }, select: { id: true }, orderBy: { number: "asc" } });
    expect(opinions.length).toBeGreaterThanOrEqual(2);
    expect((await missingForApproval(zoningId)).unansweredCount).toBe(opinions.length);

    const first = await answerOpinions(staff, { communeId: staff.communeId, consultationId: zoningId, opinionIds: [opinions[0]!.id], kind: "TAKEN_ON_BOARD", body: "Tiếp thu: ưu tiên giao đất tái định cư cho các hộ bị thu hồi." });
    expect(first.count).toBe(1);
    expect((await missingForApproval(zoningId)).unansweredCount).toBe(opinions.length - 1);

    await answerOpinions(staff, { communeId: staff.communeId, consultationId: zoningId, opinionIds: opinions.slice(1).map((o) => o.id), kind: "EXPLAINED", body: "Giải trình: cốt nền đã được nâng 0,8 m theo số liệu ngập năm 2023." });
    const missing = await missingForApproval(zoningId);
    expect(missing.unansweredCount).toBe(0);
    expect(missing.ready).toBe(missing.openNotes.length === 0);
    const rows = await db.opinion.findMany({ where: { consultationId: zoningId, parentId: null }, select: { answer: { select: { kind: true } } } });
    expect(rows.every((r) => r.answer !== null)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "opinion.answer", details: { path: ["consultationId"], equals: zoningId } } })).toBe(2);
  });

  it("refuses opinions of another consultation, and staff of another commune", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const foreign = await db.opinion.findFirstOrThrow({ where: { consultationId: { not: zoningId } }, select: { id: true } });
    await expect(answerOpinions(staff, { communeId: staff.communeId, consultationId: zoningId, opinionIds: [foreign.id], kind: "EXPLAINED", body: "Không thuộc nội dung này." })).rejects.toMatchObject({ code: "unknownOpinion", status: 422 });
    const other = await accessAs("canbo@nghiahanh.danban.local", "nghia-hanh", ["STAFF"]);
    const mine = await db.opinion.findFirstOrThrow({ where: { consultationId: zoningId }, select: { id: true } });
    await expect(answerOpinions(other, { communeId: other.communeId, consultationId: zoningId, opinionIds: [mine.id], kind: "EXPLAINED", body: "Thử từ xã khác nhé." })).rejects.toMatchObject({ status: 404 });
  });
});
