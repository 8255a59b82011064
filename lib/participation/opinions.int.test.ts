import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { accessAs, communeId, RESIDENT_PHONE, seedDemo, userId } from "@/scripts/test/fixtures";

import { listPublicOpinions } from "./list-opinions";
import { postOpinion } from "./post-opinion";
import { opinionSchema } from "./schemas";

let roadId: string;

beforeAll(async () => {
  await seedDemo();
  const thienTin = await communeId("thien-tin");
  roadId = (await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp" } }, select: { id: true } })).id;
  // The demo resident lives in Phú Khương, inside the road project's scope.
});

const input = (communeId: string, consultationId: string, overrides: Record<string, unknown> = {}) =>
  opinionSchema.parse({ communeId, consultationId, body: "Đề nghị làm thêm vỉa hè đoạn qua trường học.", stance: "SUPPORT", lat: null, lng: null, sectionId: null, parentId: null, ...overrides });

describe("postOpinion", () => {
  it("numbers opinions, shows them publicly under the display name, and logs them", async () => {
    const access = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    const before = await listPublicOpinions(roadId);
    const opinion = await postOpinion(access, input(access.communeId, roadId));
    expect(opinion.number).toBe(before.total + 1 + before.hidden);
    const after = await listPublicOpinions(roadId);
    expect(after.items[0]).toMatchObject({ number: opinion.number, body: "Đề nghị làm thêm vỉa hè đoạn qua trường học.", stance: "SUPPORT" });
    const user = await db.user.findUniqueOrThrow({ where: { id: await userId(RESIDENT_PHONE) }, select: { displayName: true, name: true } });
    expect(after.items[0]!.displayName).toBe(user.displayName);
    expect(JSON.stringify(after.items[0])).not.toContain("+84");
    expect(await db.auditEvent.count({ where: { entityId: opinion.id, action: "opinion.create" } })).toBe(1);
  });

  it("takes a pin inside the consultation's area and refuses one outside it", async () => {
    const access = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    const c = await db.consultation.findUniqueOrThrow({ where: { id: roadId }, select: { centerLat: true, centerLng: true } });
    const pinned = await postOpinion(access, input(access.communeId, roadId, { lat: c.centerLat, lng: c.centerLng, body: "Chỗ này hay ngập." }));
    expect((await db.opinion.findUniqueOrThrow({ where: { id: pinned.id } })).lat).toBeCloseTo(c.centerLat!, 6);
    await expect(postOpinion(access, input(access.communeId, roadId, { lat: 21.03, lng: 105.85 }))).rejects.toMatchObject({ code: "pinOutsideArea", status: 422 });
  });

  it("threads a reply under its opinion, one level deep", async () => {
    const access = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    const parent = await postOpinion(access, input(access.communeId, roadId, { body: "Ý kiến gốc để trả lời." }));
    const reply = await postOpinion(access, input(access.communeId, roadId, { body: "Trả lời thứ nhất.", parentId: parent.id }));
    const replyToReply = await postOpinion(access, input(access.communeId, roadId, { body: "Trả lời của trả lời.", parentId: reply.id }));
    const rows = await db.opinion.findMany({ where: { id: { in: [reply.id, replyToReply.id] } }, select: { parentId: true, stance: true } });
    expect(rows.every((r) => r.parentId === parent.id && r.stance === null)).toBe(true);
  });

  it("refuses comments once the period is over, and on a consultation of another commune", async () => {
    const access = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    const closed = await db.consultation.findFirstOrThrow({ where: { communeId: access.communeId, status: "CLOSED" }, select: { id: true } });
    await expect(postOpinion(access, input(access.communeId, closed.id))).rejects.toMatchObject({ code: "commentClosed", status: 409 });
    const foreign = await db.consultation.findFirstOrThrow({ where: { commune: { slug: "nghia-hanh" } }, select: { id: true } });
    await expect(postOpinion(access, input(access.communeId, foreign.id))).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a resident outside the consultation's villages", async () => {
    const access = await accessAs("0901000003", "thien-tin", ["RESIDENT"]); // lives in Tân Phú 1
    await expect(postOpinion(access, input(access.communeId, roadId))).rejects.toMatchObject({ status: 403 });
  });

  it("rejects empty or oversized text in the schema, before anything is written", () => {
    expect(opinionSchema.safeParse({ ...input("c", roadId), body: "   " }).success).toBe(false);
    expect(opinionSchema.safeParse({ ...input("c", roadId), body: "x".repeat(5001) }).success).toBe(false);
  });
});
