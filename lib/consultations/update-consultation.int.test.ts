import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { postOpinion } from "@/lib/participation/post-opinion";
import { editValues, newConsultationValues } from "@/scripts/test/consultation-values";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, STAFF_EMAIL, seedDemo, userId } from "@/scripts/test/fixtures";

import { createConsultation } from "./create-consultation";
import type { ConsultationChange } from "./diff-consultation";
import { getPublicConsultation } from "./get-consultation";
import { checkGeometryImport } from "./import-geometry";
import { listConsultationVersions } from "./list-versions";
import { addDaysVn } from "./periods";
import { publishConsultation } from "./publish-consultation";
import { updateConsultation } from "./update-consultation";

let staff: Awaited<ReturnType<typeof accessAs>>;

beforeAll(async () => {
  await seedDemo();
  staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
});

const auditActions = async (id: string) => (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } })).map((e) => e.action);

async function published(title: string) {
  const c = await createConsultation(staff, newConsultationValues(staff.communeId, { title }));
  await publishConsultation(staff, c.id);
  return c.id;
}

describe("editing a draft", () => {
  it("changes it freely, audits it, and writes no public version", async () => {
    const { id } = await createConsultation(staff, newConsultationValues(staff.communeId, { title: "Bản nháp sửa tự do" }));
    const values = await editValues(staff.communeId, id, (v) => {
      v.title = "Bản nháp đã sửa tiêu đề";
      v.sections = [{ heading: "Quy mô", body: "Mới." }];
      v.geometry = null;
    });
    const result = await updateConsultation(staff, values);
    expect(result).toMatchObject({ id, version: 1 });
    const saved = await db.consultation.findUniqueOrThrow({ where: { id }, select: { title: true, version: true, geometry: true, centerLat: true, searchText: true } });
    expect(saved).toMatchObject({ title: "Bản nháp đã sửa tiêu đề", version: 1, geometry: null, centerLat: null });
    expect(saved.searchText).toContain("ban nhap da sua tieu de");
    expect(await db.consultationSection.findMany({ where: { consultationId: id }, select: { heading: true, anchor: true } })).toEqual([{ heading: "Quy mô", anchor: "1-quy-mo" }]);
    expect(await db.consultationVersion.count({ where: { consultationId: id } })).toBe(0);
    const events = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["consultation.create", "consultation.edit"]);
    expect(events[1]).toMatchObject({ actorRole: "STAFF", details: { fields: expect.arrayContaining(["title", "section", "geometry"]) } });
    expect(events[1]!.beforeDigest).not.toBe(events[1]!.afterDigest);
  });
});

describe("editing after publication", () => {
  it("keeps a public version with the field-level changes and bumps the version", async () => {
    const id = await published("Công bố rồi sửa: khu tái định cư");
    const before = await db.consultation.findUniqueOrThrow({ where: { id }, select: { commentEndsAt: true, postingStartsAt: true, publishedAt: true } });
    const sectionBefore = await db.consultationSection.findFirstOrThrow({ where: { consultationId: id }, select: { id: true, anchor: true } });

    const values = await editValues(staff.communeId, id, (v) => {
      v.commentEndsAt = addDaysVn(v.commentEndsAt!, 16);
      v.sections = [{ ...v.sections[0]!, body: "Phía **đông** thôn Đồng Giữa, giáp kênh N6." }, { heading: "Kinh phí", body: "12 tỷ đồng." }];
      (v.geometry as { features: unknown[] }).features.push({
        type: "Feature",
        properties: { label: "Đường vào khu", color: "#1d4ed8" },
        geometry: { type: "LineString", coordinates: [[108.7, 15.0], [108.705, 14.995]] },
      });
      v.changeNote = "Gia hạn theo đề nghị của Ban công tác Mặt trận";
    });
    const result = await updateConsultation(staff, values);
    expect(result).toMatchObject({ id, version: 2 });

    const [version] = await listConsultationVersions(id);
    expect(version).toMatchObject({ version: 2, note: "Gia hạn theo đề nghị của Ban công tác Mặt trận" });
    const changes = version!.changes;
    expect(changes).toContainEqual({ kind: "date", field: "commentEndsAt", before: values.commentEndsAt && addDaysVn(values.commentEndsAt, -16), after: values.commentEndsAt });
    expect(changes).toContainEqual(expect.objectContaining({ kind: "section", change: "changed", heading: "Vị trí" }));
    expect(changes).toContainEqual({ kind: "section", change: "added", heading: "Kinh phí" });
    expect(changes).toContainEqual({ kind: "geometry", added: [{ label: "Đường vào khu", n: 2, type: "LineString" }], removed: [], changed: [] });
    expect(changes.some((c: ConsultationChange) => c.kind === "text")).toBe(false);

    // The section kept its id and anchor (links and anchored opinions stay); unchanged instants stay to the minute.
    const sections = await db.consultationSection.findMany({ where: { consultationId: id }, orderBy: { position: "asc" }, select: { id: true, anchor: true } });
    expect(sections[0]).toEqual(sectionBefore);
    expect(sections[1]!.anchor).toBe("2-kinh-phi");
    const after = await db.consultation.findUniqueOrThrow({ where: { id }, select: { version: true, commentEndsAt: true, postingStartsAt: true, publishedAt: true, status: true } });
    expect(after).toMatchObject({ version: 2, status: "PUBLISHED", postingStartsAt: before.postingStartsAt, publishedAt: before.publishedAt });
    expect(after.commentEndsAt!.getTime() - before.commentEndsAt!.getTime()).toBe(16 * 24 * 3600 * 1000);

    const publicView = await getPublicConsultation(staff.communeId, id);
    expect(publicView?.sections.map((s) => s.heading)).toEqual(["Vị trí", "Kinh phí"]);
    const edit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "consultation.edit" } });
    expect(edit).toMatchObject({ actorRole: "STAFF", details: { version: 2, fields: ["commentEndsAt", "section", "geometry"] } });
    expect(edit.beforeDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("records nothing when the form is saved unchanged", async () => {
    const id = await published("Lưu lại không thay đổi gì");
    const events = (await auditActions(id)).length;
    await expect(updateConsultation(staff, await editValues(staff.communeId, id))).resolves.toMatchObject({ changes: 0, version: 1 });
    expect(await db.consultationVersion.count({ where: { consultationId: id } })).toBe(0);
    expect((await auditActions(id)).length).toBe(events);
  });

  it("still holds the law: a comment period too short, or ending in the past, is refused and nothing changes", async () => {
    const id = await published("Rút ngắn thời gian trái luật");
    await expect(updateConsultation(staff, await editValues(staff.communeId, id, (v) => (v.commentEndsAt = addDaysVn(v.commentStartsAt!, 19))))).rejects.toMatchObject({
      code: "periodTooShort",
      status: 422,
      params: { days: 20, min: 30, rule: "grassrootsDemocracyDefault" },
      fields: { commentEndsAt: "periodTooShort" },
    });
    await expect(
      updateConsultation(
        staff,
        await editValues(staff.communeId, id, (v) => {
          v.commentStartsAt = addDaysVn(v.commentStartsAt!, -40);
          v.commentEndsAt = addDaysVn(v.commentStartsAt!, 35);
        }),
      ),
    ).rejects.toMatchObject({ code: "commentEndInPast", status: 422, fields: { commentEndsAt: "commentEndInPast" } });
    expect(await db.consultation.findUniqueOrThrow({ where: { id }, select: { version: true } })).toEqual({ version: 1 });
    expect(await db.consultationVersion.count({ where: { consultationId: id } })).toBe(0);
  });

  it("refuses to remove a section that opinions refer to", async () => {
    const id = await published("Mục có ý kiến không được bỏ");
    const section = await db.consultationSection.findFirstOrThrow({ where: { consultationId: id }, select: { id: true } });
    const resident = await accessAs(RESIDENT_PHONE, "thien-tin", ["RESIDENT"]);
    await postOpinion(resident, { communeId: resident.communeId, consultationId: id, body: "Đề nghị làm rõ vị trí.", stance: "OTHER", lat: null, lng: null, sectionId: section.id, parentId: null, photoId: null });
    const values = await editValues(staff.communeId, id, (v) => (v.sections = [{ heading: "Mục thay thế", body: "…" }]));
    await expect(updateConsultation(staff, values)).rejects.toMatchObject({ code: "sectionHasOpinions", status: 422, params: { heading: "Vị trí", count: 1 } });
    expect(await db.consultationSection.count({ where: { id: section.id } })).toBe(1);
  });

  it("refuses an edit made on a form someone else saved over, and a closed consultation", async () => {
    const id = await published("Hai người cùng sửa");
    const stale = await editValues(staff.communeId, id, (v) => (v.title = "Sửa lần thứ nhất của người A"));
    await updateConsultation(staff, await editValues(staff.communeId, id, (v) => (v.title = "Người B đã lưu trước")));
    await expect(updateConsultation(staff, stale)).rejects.toMatchObject({ code: "editedMeanwhile", status: 409 });
    expect((await db.consultation.findUniqueOrThrow({ where: { id }, select: { title: true } })).title).toBe("Người B đã lưu trước");

    await db.consultation.update({ where: { id }, data: { status: "CLOSED" } });
    await expect(updateConsultation(staff, await editValues(staff.communeId, id, (v) => (v.title = "Sửa sau khi đóng")))).rejects.toMatchObject({
      code: "notEditable",
      status: 409,
    });
  });
});

describe("who may edit", () => {
  async function attempt(identifier: string, slug: "thien-tin" | "nghia-hanh", id: string, title: string) {
    try {
      // What communeActionClient runs before the action: the role for the commune named in the input.
      const access = await requireCommuneAccess(await userId(identifier), await communeId(slug), STAFF_ROLES, { write: true });
      await updateConsultation(access, { ...(await editValues(await communeId("thien-tin"), id, (v) => (v.title = title))), communeId: access.communeId });
      return "saved";
    } catch (error) {
      if (isAppError(error)) return error.status;
      throw error;
    }
  }

  it.each([
    ["staff", STAFF_EMAIL, "thien-tin", "saved"],
    ["the chair", "chutich@thientin.danban.local", "thien-tin", "saved"],
    ["the administrator", "admin@danban.local", "thien-tin", "saved"],
    ["the Front reviewer", "mttq@thientin.danban.local", "thien-tin", 403],
    ["a village head", "truongthon.phukhuong@thientin.danban.local", "thien-tin", 403],
    ["a resident", RESIDENT_PHONE, "thien-tin", 403],
    ["staff of another commune, naming this one", OTHER_STAFF_EMAIL, "thien-tin", 403],
    ["staff of another commune, naming their own", OTHER_STAFF_EMAIL, "nghia-hanh", 404],
  ] as const)("%s: %s", async (who, identifier, slug, expected) => {
    const id = await published(`Quyền sửa: ${who}`);
    expect(await attempt(identifier, slug, id, `Đã sửa bởi ${who}`)).toBe(expected);
    const title = (await db.consultation.findUniqueOrThrow({ where: { id }, select: { title: true } })).title;
    expect(title).toBe(expected === "saved" ? `Đã sửa bởi ${who}` : `Quyền sửa: ${who}`);
  });
});

describe("importing a GeoJSON file into the editor", () => {
  it("accepts a file near the commune and names what is wrong with a refused one", async () => {
    const id = await communeId("thien-tin");
    const line = { type: "Feature", properties: { label: "Tuyến ống" }, geometry: { type: "LineString", coordinates: [[108.7, 15.0], [108.72, 15.01]] } };
    await expect(checkGeometryImport(id, JSON.stringify({ type: "FeatureCollection", features: [line] }))).resolves.toMatchObject({ count: 1 });
    await expect(checkGeometryImport(id, "{ not json")).rejects.toMatchObject({ code: "geojsonNotJson", status: 422 });
    const hanoi = { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [105.85, 21.03] } };
    await expect(checkGeometryImport(id, JSON.stringify({ type: "FeatureCollection", features: [line, hanoi] }))).rejects.toMatchObject({
      code: "geojsonOutsideCommune",
      params: { n: 2, km: 5 },
    });
  });
});
