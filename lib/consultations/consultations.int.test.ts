import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { sealPendingAudit } from "@/lib/oversight/seal";
import { accessAs, communeId, OTHER_STAFF_EMAIL, STAFF_EMAIL, seedDemo } from "@/scripts/test/fixtures";

import { createConsultation } from "./create-consultation";
import { getPublicConsultation } from "./get-consultation";
import { closeExpiredConsultations, publishScheduledConsultations } from "./lifecycle";
import { listPublicConsultations } from "./list-consultations";
import { defaultCommentPeriod } from "./periods";
import { publishConsultation } from "./publish-consultation";
import { type ConsultationValues, consultationSchema, listFiltersSchema } from "./schemas";

const polygon = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { label: "Khu tái định cư", color: "#15803d" },
      geometry: { type: "Polygon", coordinates: [[[108.7, 15.0], [108.71, 15.0], [108.71, 15.01], [108.7, 15.01], [108.7, 15.0]]] },
    },
  ],
};

function values(communeId: string, overrides: Partial<ConsultationValues> = {}): ConsultationValues {
  return consultationSchema.parse({
    communeId,
    title: "Xây dựng khu tái định cư Đồng Giữa",
    summary: "Lấy ý kiến Nhân dân về vị trí và quy mô khu tái định cư.",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_COMPENSATION_RESETTLEMENT",
    subject: "PROJECT",
    isCommuneWide: true,
    villageIds: [],
    allowedChannels: ["WEB", "MEETING"],
    ...defaultCommentPeriod(30),
    postingStartsAt: null,
    postingEndsAt: null,
    legalBasis: "Luật Đất đai 2024",
    responsibleOfficer: "Địa chính xã",
    sections: [{ heading: "Vị trí", body: "Phía **đông** thôn Đồng Giữa." }],
    geometry: polygon,
    showResultsLive: false,
    requiresBroadcast: false,
    onlineVoteNoticeGiven: false,
    ...overrides,
  });
}

beforeAll(async () => {
  await seedDemo();
});

describe("creating and publishing", () => {
  it("creates a draft that visitors cannot see, publishes it, and logs both in the audit chain", async () => {
    const access = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const created = await createConsultation(access, values(access.communeId));
    expect(created.status).toBe("DRAFT");
    expect(await getPublicConsultation(access.communeId, created.id)).toBeNull();

    await publishConsultation(access, created.id);
    const published = await getPublicConsultation(access.communeId, created.id);
    expect(published).toMatchObject({ status: "PUBLISHED", title: "Xây dựng khu tái định cư Đồng Giữa" });
    expect(published?.centerLat).toBeCloseTo(15.005, 6);
    expect(published?.sections[0]).toMatchObject({ anchor: "1-vi-tri", heading: "Vị trí" });

    await sealPendingAudit(access.communeId);
    const events = await db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["consultation.create", "consultation.publish"]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[1]).toMatchObject({ actorRole: "STAFF", communeId: access.communeId });

    // Publishing twice is refused: it is no longer a draft.
    await expect(publishConsultation(access, created.id)).rejects.toMatchObject({ code: "notADraft", status: 409 });
  });

  it("finds it by a search typed without diacritics", async () => {
    const id = await communeId("thien-tin");
    const found = await listPublicConsultations(id, listFiltersSchema.parse({ q: "tai dinh cu dong giua" }));
    expect(found.items.map((c) => c.title)).toContain("Xây dựng khu tái định cư Đồng Giữa");
    // Why it matched: the words as written, marked in the title.
    const item = found.items.find((c) => c.title === "Xây dựng khu tái định cư Đồng Giữa")!;
    expect(item.match!.title).toEqual([
      { text: "Xây dựng khu ", hit: false },
      { text: "tái định cư Đồng Giữa", hit: true },
    ]);
    // A word of the text (not the title) gives a passage with it marked.
    const byText = await listPublicConsultations(id, listFiltersSchema.parse({ q: "boi thuong" }));
    const passages = byText.items.map((c) => c.match?.passage).filter((p) => p !== null && p !== undefined);
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) expect(p.filter((part) => part.hit).map((part) => part.text.toLowerCase())).toContain("bồi thường");
    // Without a search there is nothing to explain.
    const all = await listPublicConsultations(id, listFiltersSchema.parse({}));
    expect(all.items.every((c) => c.match === null)).toBe(true);
  });

  it("refuses a comment period shorter than the law's minimum, naming the rule", async () => {
    const access = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const short = { ...values(access.communeId), legalCategory: "CONSULTATION_LAND_USE_PLAN" as const, ...defaultCommentPeriod(30) };
    await expect(createConsultation(access, short)).rejects.toMatchObject({
      code: "periodTooShort",
      status: 422,
      params: { days: 30, min: 45, rule: "landLaw" },
      fields: { commentEndsAt: "periodTooShort" },
    });
  });

  it("refuses geometry far outside the commune and leaves nothing behind", async () => {
    const access = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const before = await db.consultation.count();
    const far = { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [105.85, 21.03] } }] };
    await expect(createConsultation(access, values(access.communeId, { geometry: far }))).rejects.toMatchObject({ code: "geojsonOutsideCommune", status: 422 });
    expect(await db.consultation.count()).toBe(before);
  });

  it("refuses villages of another commune", async () => {
    const access = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const foreign = await db.village.findFirstOrThrow({ where: { commune: { slug: "nghia-hanh" } }, select: { id: true } });
    await expect(createConsultation(access, values(access.communeId, { isCommuneWide: false, villageIds: [foreign.id] }))).rejects.toMatchObject({ code: "unknownVillage" });
  });
});

describe("tenancy", () => {
  it("shows nothing of one commune in the other, and lets no one publish across", async () => {
    const thienTin = await communeId("thien-tin");
    const nghiaHanh = await communeId("nghia-hanh");
    const draft = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, status: "DRAFT" }, select: { id: true } });
    const open = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, status: "PUBLISHED" }, select: { id: true } });

    expect(await getPublicConsultation(nghiaHanh, open.id)).toBeNull();
    const list = await listPublicConsultations(nghiaHanh, listFiltersSchema.parse({ status: "all" }));
    expect(list.items.every((c) => c.title.includes("N6"))).toBe(true);

    const otherStaff = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    await expect(publishConsultation(otherStaff, draft.id)).rejects.toMatchObject({ status: 404 });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });
});

describe("lifecycle driven by time", () => {
  it("publishes scheduled drafts at their hour and closes consultations whose period ended", async () => {
    const access = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const scheduled = await createConsultation(access, values(access.communeId, { title: "Hẹn giờ công bố thử nghiệm" }));
    await db.consultation.update({ where: { id: scheduled.id }, data: { status: "SCHEDULED", publishAt: new Date(Date.now() - 1000) } });
    expect(await publishScheduledConsultations()).toContain(scheduled.id);

    await db.consultation.update({ where: { id: scheduled.id }, data: { commentEndsAt: new Date(Date.now() - 1000) } });
    expect(await closeExpiredConsultations()).toContain(scheduled.id);
    const closed = await db.consultation.findUniqueOrThrow({ where: { id: scheduled.id }, select: { status: true, closedAt: true } });
    expect(closed.status).toBe("CLOSED");
    const actions = (await db.auditEvent.findMany({ where: { entityId: scheduled.id }, orderBy: { seq: "asc" } })).map((e) => `${e.action}/${e.actorRole}`);
    expect(actions).toEqual(["consultation.create/STAFF", "consultation.publish/SYSTEM", "consultation.close/SYSTEM"]);
    // Running again finds nothing more to do.
    expect(await closeExpiredConsultations()).not.toContain(scheduled.id);
  });
});
