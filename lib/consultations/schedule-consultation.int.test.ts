import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { editValues, newConsultationValues } from "@/scripts/test/consultation-values";
import { accessAs, STAFF_EMAIL, seedDemo } from "@/scripts/test/fixtures";

import { createConsultation } from "./create-consultation";
import { getPublicConsultation } from "./get-consultation";
import { publishScheduledConsultations } from "./lifecycle";
import { addDaysVn, endOfDayVn } from "./periods";
import { publishConsultation } from "./publish-consultation";
import { scheduleConsultation, unscheduleConsultation } from "./schedule-consultation";
import { updateConsultation } from "./update-consultation";

let staff: Awaited<ReturnType<typeof accessAs>>;
const HOUR = 3600 * 1000;

beforeAll(async () => {
  await seedDemo();
  staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
});

const draft = async (title: string) => (await createConsultation(staff, newConsultationValues(staff.communeId, { title }))).id;
const state = (id: string) => db.consultation.findUniqueOrThrow({ where: { id }, select: { status: true, publishAt: true, publishedAt: true } });
const actions = async (id: string) =>
  (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } })).map((e) => `${e.action}/${e.actorRole}`);

describe("scheduled publication", () => {
  it("schedules a draft, lets the scheduler publish it at its hour, and audits every step", async () => {
    const id = await draft("Hẹn giờ công bố: kế hoạch nạo vét kênh");
    const at = new Date(Date.now() + 2 * HOUR);
    await expect(scheduleConsultation(staff, id, at)).resolves.toMatchObject({ status: "SCHEDULED" });
    expect(await state(id)).toMatchObject({ status: "SCHEDULED", publishAt: at, publishedAt: null });
    expect(await getPublicConsultation(staff.communeId, id)).toBeNull();

    // Not yet: the scheduler leaves it alone before its hour, and publishes it after.
    expect(await publishScheduledConsultations(new Date(at.getTime() - 60_000))).not.toContain(id);
    expect(await publishScheduledConsultations(new Date(at.getTime() + 1000))).toContain(id);
    expect(await state(id)).toMatchObject({ status: "PUBLISHED", publishAt: null });
    expect(await actions(id)).toEqual(["consultation.create/STAFF", "consultation.schedule/STAFF", "consultation.publish/SYSTEM"]);
  });

  it("moves the hour, and cancelling returns it to a draft", async () => {
    const id = await draft("Hẹn giờ rồi hủy");
    await scheduleConsultation(staff, id, new Date(Date.now() + HOUR));
    const later = new Date(Date.now() + 5 * HOUR);
    await scheduleConsultation(staff, id, later);
    expect((await state(id)).publishAt).toEqual(later);
    await expect(unscheduleConsultation(staff, id)).resolves.toMatchObject({ status: "DRAFT" });
    expect(await state(id)).toMatchObject({ status: "DRAFT", publishAt: null });
    expect(await publishScheduledConsultations(new Date(later.getTime() + 1000))).not.toContain(id);
    expect(await actions(id)).toEqual(["consultation.create/STAFF", "consultation.schedule/STAFF", "consultation.schedule/STAFF", "consultation.unschedule/STAFF"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "consultation.unschedule" } });
    expect(event.beforeDigest).not.toBeNull();
  });

  it("refuses an hour in the past or after the comment period, and what is not a draft", async () => {
    const id = await draft("Hẹn giờ sai");
    await expect(scheduleConsultation(staff, id, new Date(Date.now() - 1000))).rejects.toMatchObject({ code: "publishAtInPast", status: 422, fields: { publishAt: "publishAtInPast" } });
    const end = (await db.consultation.findUniqueOrThrow({ where: { id }, select: { commentEndsAt: true } })).commentEndsAt!;
    await expect(scheduleConsultation(staff, id, new Date(end.getTime() + 1000))).rejects.toMatchObject({ code: "publishAfterCommentEnd", status: 422 });
    await expect(unscheduleConsultation(staff, id)).rejects.toMatchObject({ code: "notScheduled", status: 409 });
    expect(await state(id)).toMatchObject({ status: "DRAFT", publishAt: null });

    await publishConsultation(staff, id);
    await expect(scheduleConsultation(staff, id, new Date(Date.now() + HOUR))).rejects.toMatchObject({ code: "notADraft", status: 409 });
    expect(await actions(id)).toEqual(["consultation.create/STAFF", "consultation.publish/STAFF"]);
  });

  it("keeps a scheduled draft's comment period ending after its publication", async () => {
    const id = await draft("Hẹn giờ rồi sửa ngày");
    const values = await editValues(staff.communeId, id);
    const at = new Date(endOfDayVn(addDaysVn(values.commentStartsAt, 15)).getTime() - HOUR);
    await scheduleConsultation(staff, id, at);
    // A lawful 30-day period, but one that would be over before the consultation is published.
    const early = await editValues(staff.communeId, id, (v) => {
      v.commentStartsAt = addDaysVn(values.commentStartsAt, -20);
      v.commentEndsAt = addDaysVn(values.commentStartsAt, 9);
    });
    await expect(updateConsultation(staff, early)).rejects.toMatchObject({ code: "commentEndsBeforePublication", status: 422, fields: { commentEndsAt: "commentEndsBeforePublication" } });
    // A scheduled consultation is still a draft: editing it writes no public version.
    await updateConsultation(staff, await editValues(staff.communeId, id, (v) => (v.title = "Hẹn giờ rồi sửa tiêu đề")));
    expect(await db.consultationVersion.count({ where: { consultationId: id } })).toBe(0);
    expect(await state(id)).toMatchObject({ status: "SCHEDULED", publishAt: at });
  });

  it("refuses another commune's consultation as not found", async () => {
    const id = await draft("Hẹn giờ của xã khác");
    const other = await accessAs("canbo@nghiahanh.danban.local", "nghia-hanh", ["STAFF"]);
    await expect(scheduleConsultation(other, id, new Date(Date.now() + HOUR))).rejects.toMatchObject({ status: 404 });
    await expect(unscheduleConsultation(other, id)).rejects.toMatchObject({ status: 404 });
    expect(await state(id)).toMatchObject({ status: "DRAFT" });
  });
});
