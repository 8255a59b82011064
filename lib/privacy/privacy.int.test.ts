// The personal data domain: who may keep the breach register and record requests from people without
// an account (per role, through the same check the actions run), the 72-hour clock on real rows, the
// 2-working-day deadline, and consents given and withdrawn with their history.
import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { listBreaches, recordBreach, updateBreach } from "./breaches";
import { CONSENT_TEXT_VERSION, EMAIL_DIGEST, SMS_CONTACT, VERIFICATION } from "./consent-purposes";
import { giveConsent, hasConsent, listMyConsents, withdrawConsent } from "./consents";
import { answerRegisterRequest, listRegisterRequests, recordRegisterRequest } from "./register-requests";
import { PRIVACY_STAFF_ROLES } from "./roles";
import { recordBreachSchema, updateBreachSchema } from "./schemas";

const PEOPLE = {
  resident: RESIDENT_PHONE,
  villageHead: "truongthon.tanphu1@thientin.danban.local",
  front: "mttq@thientin.danban.local",
  staff: STAFF_EMAIL,
  leader: "chutich@thientin.danban.local",
  admin: "admin@danban.local",
  otherCommuneStaff: OTHER_STAFF_EMAIL,
} as const;
type Who = keyof typeof PEOPLE;
const KEEPERS: Who[] = ["staff", "leader", "admin"];
const HOUR = 3600_000;

let thienTin: string;

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
});

async function as(who: Who, work: (access: Awaited<ReturnType<typeof requireCommuneAccess>>) => Promise<unknown>): Promise<"ok" | number> {
  try {
    await work(await requireCommuneAccess(await userId(PEOPLE[who]), thienTin, PRIVACY_STAFF_ROLES, { write: true }));
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.status;
    throw e;
  }
}

describe("who keeps the breach register and records requests", () => {
  it.each(Object.keys(PEOPLE) as Who[])("%s", async (who) => {
    const breaches = await db.dataBreach.count();
    const requests = await db.registerDataRequest.count();
    const breach = await as(who, (a) => recordBreach(a, { discoveredAt: new Date(Date.now() - HOUR), description: `Thử quyền của ${who}: lộ danh sách.`, dataConcerned: "Họ tên", peopleAffected: 1 }));
    const request = await as(who, (a) => recordRegisterRequest(a, { requesterName: "Bà Năm", contact: null, kind: "ACCESS", details: null, receivedAt: new Date() }));
    const allowed = KEEPERS.includes(who);
    expect([breach, request]).toEqual(allowed ? ["ok", "ok"] : [403, 403]);
    expect(await db.dataBreach.count()).toBe(breaches + (allowed ? 1 : 0));
    expect(await db.registerDataRequest.count()).toBe(requests + (allowed ? 1 : 0));
  });

  it("staff of another commune cannot complete this commune's entries, whatever id they send", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const breach = await recordBreach(staff, { discoveredAt: new Date(Date.now() - HOUR), description: "Máy tính văn phòng bị nhiễm mã độc.", dataConcerned: "Danh sách hộ", peopleAffected: null });
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    await expect(updateBreach(other, { breachId: breach.id, peopleAffected: 5, authorityNotifiedAt: new Date(), authorityName: "A05", peopleNotifiedAt: null, peopleNotifiedHow: null, measures: null })).rejects.toMatchObject({ status: 404 });
    expect((await db.dataBreach.findUniqueOrThrow({ where: { id: breach.id } })).authorityNotifiedAt).toBeNull();
    const request = await recordRegisterRequest(staff, { requesterName: "Ông Sáu", contact: "0905 111 222", kind: "CORRECTION", details: "Sai năm sinh.", receivedAt: new Date() });
    await expect(answerRegisterRequest(other, { requestId: request.id, status: "DONE", answer: "Đã sửa." })).rejects.toMatchObject({ status: 404 });
  });
});

describe("the breach register", () => {
  it("shows the 72-hour clock until the authority is told, then stops it; audited without the description", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const found = new Date(Date.now() - 70 * HOUR);
    const breach = await recordBreach(staff, { discoveredAt: found, description: "Bảng kê hộ nghèo gửi nhầm vào nhóm Zalo của thôn.", dataConcerned: "Họ tên, địa chỉ, hoàn cảnh", peopleAffected: 40 });
    const listed = (await listBreaches(thienTin)).find((b) => b.id === breach.id)!;
    expect(listed.clock).toMatchObject({ state: "RUNNING", hoursLeft: 1 });
    expect((await listBreaches(thienTin, new Date(found.getTime() + 73 * HOUR))).find((b) => b.id === breach.id)!.clock).toMatchObject({ state: "OVERDUE", hoursLate: 1 });

    // Told the authority: a name is required with the date, and the date is never moved afterwards.
    const parsed = updateBreachSchema.safeParse({ communeId: thienTin, breachId: breach.id, authorityNotifiedAt: "2026-01-01T08:00", authorityName: "" });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["breachAuthorityNameRequired"]);
    const told = new Date();
    await updateBreach(staff, { breachId: breach.id, peopleAffected: 42, authorityNotifiedAt: told, authorityName: "Cục A05, Bộ Công an", peopleNotifiedAt: null, peopleNotifiedHow: null, measures: "Đã gỡ tin nhắn." });
    const after = (await listBreaches(thienTin)).find((b) => b.id === breach.id)!;
    expect(after).toMatchObject({ peopleAffected: 42, authorityName: "Cục A05, Bộ Công an", measures: "Đã gỡ tin nhắn.", clock: { state: "NOTIFIED" } });
    await expect(updateBreach(staff, { breachId: breach.id, peopleAffected: null, authorityNotifiedAt: new Date(), authorityName: "Khác", peopleNotifiedAt: null, peopleNotifiedHow: null, measures: null })).rejects.toMatchObject({ code: "breachAlreadyNotified", status: 409 });

    const events = await db.auditEvent.findMany({ where: { entityType: "DataBreach", entityId: breach.id }, select: { action: true, details: true }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["breach.record", "breach.update"]);
    expect(JSON.stringify(events)).not.toContain("Zalo");
  });

  it("refuses a discovery in the future and a notice before the discovery", async () => {
    expect(recordBreachSchema.safeParse({ communeId: thienTin, discoveredAt: "2999-01-01T08:00", description: "Mô tả đủ dài để hợp lệ.", dataConcerned: "Họ tên" }).error?.issues.map((i) => i.message)).toEqual(["dateInFuture"]);
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const breach = await recordBreach(staff, { discoveredAt: new Date(Date.now() - HOUR), description: "Mất sổ ghi chép tại nhà văn hóa.", dataConcerned: "Số điện thoại", peopleAffected: null });
    await expect(updateBreach(staff, { breachId: breach.id, peopleAffected: null, authorityNotifiedAt: new Date(Date.now() - 2 * HOUR), authorityName: "A05", peopleNotifiedAt: null, peopleNotifiedHow: null, measures: null })).rejects.toMatchObject({ code: "breachNoticeBeforeDiscovery" });
  });
});

describe("requests from people on the list without an account", () => {
  it("are due 2 working days after they were received, overdue after, and answered once", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const friday = new Date("2026-11-27T03:00:00Z");
    const request = await recordRegisterRequest(staff, { requesterName: "Cụ Bảy", contact: "Nhà văn hóa thôn Long Bình", kind: "ACCESS", details: "Muốn xem thông tin của mình trong danh sách hộ.", receivedAt: friday });
    expect(request.dueAt.toISOString()).toBe("2026-12-01T16:59:59.999Z"); // Monday and Tuesday
    const justBefore = (await listRegisterRequests(thienTin, new Date("2026-12-01T16:59:59.999Z"))).find((r) => r.id === request.id)!;
    expect(justBefore.isOverdue).toBe(false);
    const justAfter = (await listRegisterRequests(thienTin, new Date("2026-12-01T17:00:00.000Z"))).find((r) => r.id === request.id)!;
    expect(justAfter.isOverdue).toBe(true);
    await answerRegisterRequest(staff, { requestId: request.id, status: "DONE", answer: "Đã in và trao bản thông tin cho cụ." });
    await expect(answerRegisterRequest(staff, { requestId: request.id, status: "REFUSED", answer: "Lần hai." })).rejects.toMatchObject({ code: "requestClosed", status: 409 });
    const answered = (await listRegisterRequests(thienTin)).find((r) => r.id === request.id)!;
    expect(answered).toMatchObject({ status: "DONE", isOverdue: false, answeredLate: true });
    const audit = await db.auditEvent.findMany({ where: { entityId: request.id }, select: { action: true, details: true }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["registerRequest.record", "registerRequest.answer"]);
    expect(JSON.stringify(audit)).not.toContain("Cụ Bảy");
  });
});

describe("consent per purpose", () => {
  it("is given explicitly, withdrawn, given again, with its whole history; the digest flag follows", async () => {
    const me = await userId("0901000003");
    expect((await listMyConsents(me, thienTin)).find((c) => c.purpose === EMAIL_DIGEST)).toMatchObject({ isGiven: false, history: [] });
    await giveConsent(me, thienTin, EMAIL_DIGEST);
    await expect(giveConsent(me, thienTin, EMAIL_DIGEST)).rejects.toMatchObject({ code: "consentAlreadyGiven", status: 409 });
    expect(await db.user.findUniqueOrThrow({ where: { id: me }, select: { emailDigest: true, emailOptOut: true } })).toEqual({ emailDigest: true, emailOptOut: false });
    await withdrawConsent(me, thienTin, EMAIL_DIGEST);
    // Withdrawn: the preference that sending reads (lib/notifications/digest.ts) follows, so no digest goes out.
    expect(await db.user.findUniqueOrThrow({ where: { id: me }, select: { emailDigest: true, emailOptOut: true } })).toEqual({ emailDigest: false, emailOptOut: true });
    await expect(withdrawConsent(me, thienTin, EMAIL_DIGEST)).rejects.toMatchObject({ code: "consentNotGiven", status: 409 });
    await giveConsent(me, thienTin, EMAIL_DIGEST);
    const digest = (await listMyConsents(me, thienTin)).find((c) => c.purpose === EMAIL_DIGEST)!;
    expect(digest.isGiven).toBe(true);
    expect(digest.history).toHaveLength(2);
    expect(digest.history.map((h) => h.withdrawnAt === null)).toEqual([true, false]);
    expect(digest.history[0]!.textVersion).toBe(CONSENT_TEXT_VERSION[EMAIL_DIGEST]);

    await giveConsent(me, thienTin, SMS_CONTACT);
    expect(await hasConsent(me, thienTin, SMS_CONTACT)).toBe(true);
    await withdrawConsent(me, thienTin, SMS_CONTACT);
    expect(await hasConsent(me, thienTin, SMS_CONTACT)).toBe(false);
    expect(await db.auditEvent.count({ where: { actorId: me, action: { in: ["consent.give", "consent.withdraw"] } } })).toBe(5);
  });

  it("withdrawing verification unlinks the account from the list; giving it again waits for staff", async () => {
    const listed = await db.resident.findFirstOrThrow({ where: { communeId: thienTin, memberships: { none: {} }, village: { name: "Tân Hòa" } }, select: { id: true, villageId: true } });
    const person = await db.user.create({ data: { name: "Rút đồng ý", displayName: "Rút", phone: "+84909999321", passwordHash: "x" }, select: { id: true } });
    await db.membership.create({ data: { userId: person.id, communeId: thienTin, role: "RESIDENT", status: "VERIFIED", residentId: listed.id, villageId: listed.villageId } });
    await db.consentRecord.create({ data: { userId: person.id, communeId: thienTin, purpose: VERIFICATION, textVersion: CONSENT_TEXT_VERSION[VERIFICATION] } });

    await withdrawConsent(person.id, thienTin, VERIFICATION);
    expect(await db.membership.findFirstOrThrow({ where: { userId: person.id }, select: { status: true, residentId: true, rejectionReason: true } })).toEqual({ status: "REJECTED", residentId: null, rejectionReason: "consentWithdrawn" });
    await expect(accessAs("0909999321", "thien-tin", ["RESIDENT"])).rejects.toMatchObject({ status: 403 });
    await giveConsent(person.id, thienTin, VERIFICATION);
    expect((await db.membership.findFirstOrThrow({ where: { userId: person.id }, select: { status: true } })).status).toBe("PENDING");
  });
});
