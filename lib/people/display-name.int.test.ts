import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { listPublicOpinions } from "@/lib/participation/list-opinions";
import { communeId, RESIDENT_PHONE, seedDemo, userId } from "@/scripts/test/fixtures";

import { correctMyDetails } from "./data-rights";

const LEADER_EMAIL = "chutich@thientin.danban.local";
let thienTin: string;

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
});

describe("a display name cannot pass for an office; an official carries a badge", () => {
  it("refuses a resident who renames themselves after an office, writing nothing", async () => {
    const me = await userId("0901000002");
    const before = await db.user.findUniqueOrThrow({ where: { id: me }, select: { displayName: true, email: true } });
    for (const name of ["Chủ tịch xã", "U B N D", "ban mat tran", "CÔNG AN XÃ", "Trưởng  thôn"]) {
      await expect(correctMyDetails(me, thienTin, { displayName: name, email: before.email }), name).rejects.toMatchObject({
        code: "displayNameIsOffice",
        status: 422,
        fields: { displayName: "displayNameIsOffice" },
      });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: me }, select: { displayName: true, email: true } })).toEqual(before);
  });

  it("lets an official keep (and take) the name of their office", async () => {
    const leader = await userId(LEADER_EMAIL);
    const before = await db.user.findUniqueOrThrow({ where: { id: leader }, select: { displayName: true } });
    await correctMyDetails(leader, thienTin, { displayName: before.displayName, email: LEADER_EMAIL });
    await correctMyDetails(leader, thienTin, { displayName: "Chủ tịch UBND xã Thiện Tín", email: LEADER_EMAIL });
    expect((await db.user.findUniqueOrThrow({ where: { id: leader }, select: { displayName: true } })).displayName).toBe("Chủ tịch UBND xã Thiện Tín");
  });

  it("shows the verified badge on an official's opinion, not on a resident's, and never the author's id", async () => {
    const consultation = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, status: "PUBLISHED" }, select: { id: true } });
    const leader = await userId(LEADER_EMAIL);
    const resident = await userId(RESIDENT_PHONE);
    // Numbers come from the consultation's counter, as post-opinion.ts takes them.
    const nextNumber = async () => (await db.consultation.update({ where: { id: consultation.id }, data: { opinionSeq: { increment: 1 } }, select: { opinionSeq: true } })).opinionSeq;
    const base = { communeId: thienTin, consultationId: consultation.id, body: "Ý kiến để kiểm tra dấu xác minh." };
    const official = await db.opinion.create({ data: { ...base, number: await nextNumber(), authorId: leader, displayName: "Chủ tịch UBND xã" }, select: { id: true } });
    const plain = await db.opinion.create({ data: { ...base, number: await nextNumber(), authorId: resident, displayName: "Bác Năm" }, select: { id: true } });
    const { items } = await listPublicOpinions(consultation.id);
    const byId = new Map(items.map((o) => [o.id, o]));
    expect(byId.get(official.id)?.officialRole).toBe("LEADER");
    expect(byId.get(plain.id)?.officialRole).toBeNull();
    expect(JSON.stringify(items)).not.toContain(leader);
    expect(byId.get(official.id)).not.toHaveProperty("authorId");
  });
});
