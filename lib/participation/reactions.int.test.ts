import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { accessAs, communeId, RESIDENT_PHONE, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { editOpinion } from "./edit-opinion";
import { getMyParticipation } from "./get-my-participation";
import { postOpinion } from "./post-opinion";
import { reactToOpinion } from "./react-to-opinion";
import { opinionSchema } from "./schemas";

let roadId: string;
let opinionId: string;

beforeAll(async () => {
  await seedDemo();
  const thienTin = await communeId("thien-tin");
  roadId = (await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp" } }, select: { id: true } })).id;
  const author = await accessAs("0901000002", "thien-tin", ["RESIDENT"]);
  opinionId = (
    await postOpinion(author, opinionSchema.parse({ communeId: thienTin, consultationId: roadId, body: "Ý kiến để thử đồng ý và không đồng ý.", stance: "OTHER", lat: null, lng: null, sectionId: null, parentId: null }))
  ).id;
});

const counts = () => db.opinion.findUniqueOrThrow({ where: { id: opinionId }, select: { agreeCount: true, disagreeCount: true } });

describe("reactToOpinion", () => {
  it("keeps one reaction per person and the counters equal to the reactions", async () => {
    const me = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    await reactToOpinion(me, { communeId: me.communeId, opinionId, kind: "AGREE" });
    await reactToOpinion(me, { communeId: me.communeId, opinionId, kind: "AGREE" });
    expect(await counts()).toEqual({ agreeCount: 1, disagreeCount: 0 });
    await reactToOpinion(me, { communeId: me.communeId, opinionId, kind: "DISAGREE" });
    expect(await counts()).toEqual({ agreeCount: 0, disagreeCount: 1 });
    expect((await getMyParticipation(me.userId, me.communeId, roadId)).reactions[opinionId]).toBe("DISAGREE");
    await reactToOpinion(me, { communeId: me.communeId, opinionId, kind: null });
    expect(await counts()).toEqual({ agreeCount: 0, disagreeCount: 0 });
    expect(await db.reaction.count({ where: { opinionId } })).toBe(0);
  });

  it("stays consistent when the same person clicks many times at once", async () => {
    const me = await accessAs("0901000004", "thien-tin", ["RESIDENT"]);
    await Promise.allSettled(Array.from({ length: 10 }, (_, i) => reactToOpinion(me, { communeId: me.communeId, opinionId, kind: i % 2 ? "AGREE" : "DISAGREE" })));
    const rows = await db.reaction.findMany({ where: { opinionId } });
    const c = await counts();
    expect(rows).toHaveLength(1);
    expect(c.agreeCount + c.disagreeCount).toBe(1);
    expect(rows[0]!.kind === "AGREE" ? c.agreeCount : c.disagreeCount).toBe(1);
  });

  it("refuses reacting to one's own opinion, and anyone who is not a verified resident", async () => {
    const author = await accessAs("0901000002", "thien-tin", ["RESIDENT"]);
    await expect(reactToOpinion(author, { communeId: author.communeId, opinionId, kind: "AGREE" })).rejects.toMatchObject({ status: 403 });
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    await expect(reactToOpinion(staff, { communeId: staff.communeId, opinionId, kind: "AGREE" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("editOpinion", () => {
  it("lets the author correct the text within the window and keeps what was first written", async () => {
    const author = await accessAs("0901000002", "thien-tin", ["RESIDENT"]);
    await editOpinion(author, { communeId: author.communeId, opinionId, body: "Ý kiến đã sửa lại cho rõ.", stance: "SUPPORT" });
    const row = await db.opinion.findUniqueOrThrow({ where: { id: opinionId }, include: { revisions: true } });
    expect(row).toMatchObject({ body: "Ý kiến đã sửa lại cho rõ.", stance: "SUPPORT" });
    expect(row.editedAt).not.toBeNull();
    expect(row.revisions.map((r) => r.body)).toEqual(["Ý kiến để thử đồng ý và không đồng ý."]);
    expect(await db.auditEvent.count({ where: { entityId: opinionId, action: "opinion.edit" } })).toBe(1);
  });

  it("refuses after the window, and refuses anyone but the author", async () => {
    const author = await accessAs("0901000002", "thien-tin", ["RESIDENT"]);
    const later = new Date(Date.now() + 16 * 60_000);
    await expect(editOpinion(author, { communeId: author.communeId, opinionId, body: "Quá muộn để sửa.", stance: null }, later)).rejects.toMatchObject({
      code: "editWindowOver",
      status: 409,
      params: { minutes: 15 },
    });
    const other = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    await expect(editOpinion(other, { communeId: other.communeId, opinionId, body: "Không phải của tôi.", stance: null })).rejects.toMatchObject({ status: 403 });
  });
});
