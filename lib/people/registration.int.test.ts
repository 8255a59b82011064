import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { limitPoints } from "@/lib/rate-limit";
import { peopleAccess, seedPeopleCommune } from "@/scripts/test/people-fixtures";

import { issueInvite } from "./invites";
import { checkPhoneCode, issuePhoneCode, PHONE_CODE_MINUTES } from "./phone-codes";
import { registerResident } from "./register-resident";
import { getRegistrationStatus, redeemInviteForAccount } from "./registration-status";
import { registrationSchema } from "./schemas";
import { httpSender, sendSms } from "@/lib/sms/send-sms";

let commune: string;
let phuKhuong: string;
let tanPhu1: string;
let ipSeq = 0;
let phoneSeq = 0;
const nextIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
/** A fresh phone number per test: +8493xxxxxxx. */
const nextPhone = () => `093${String(1_000_000 + ++phoneSeq).slice(1)}0`.slice(0, 10);

async function readCode(phone: string) {
  const message = await db.smsMessage.findFirstOrThrow({ where: { phone: `+84${phone.slice(1)}` }, orderBy: { createdAt: "desc" } });
  return /(\d{6})/.exec(message.body)![1]!;
}

async function sendCode(phone: string, ip = nextIp(), now?: Date) {
  await issuePhoneCode({ communeId: commune, phone: `+84${phone.slice(1)}`, ip, locale: "vi" }, { now });
  return readCode(phone);
}

function values(phone: string, code: string, over: Record<string, unknown> = {}) {
  return registrationSchema.parse({
    communeId: commune,
    name: "Người Thử Nghiệm",
    displayName: "Thử",
    phone,
    code,
    birthYear: 1980,
    villageId: phuKhuong,
    password: "mat-khau-dai",
    consent: true,
    ...over,
  });
}

/** A person on the list of a village, with no account yet, and nobody else of the same name and year there. */
async function listedPerson(villageId: string, skip = 0) {
  const [person] = await db.$queryRaw<{ id: string; fullName: string; birthYear: number; villageId: string; nameKey: string }[]>`
    SELECT r.id, r."fullName", r."birthYear", r."villageId", r."nameKey" FROM "Resident" r
    WHERE r."communeId" = ${commune} AND r."villageId" = ${villageId} AND r."isActive" AND r."birthYear" <= 2000
      AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."residentId" = r.id)
      AND NOT EXISTS (SELECT 1 FROM "Resident" o WHERE o."villageId" = r."villageId" AND o."nameKey" = r."nameKey" AND o."birthYear" = r."birthYear" AND o.id <> r.id)
    ORDER BY r.id OFFSET ${skip} LIMIT 1`;
  return person!;
}

beforeAll(async () => {
  const test = await seedPeopleCommune();
  commune = test.communeId;
  phuKhuong = test.villages["Phú Khương"]!;
  tanPhu1 = test.villages["Tân Phú 1"]!;
});

describe("one-time codes through the outbox sender", () => {
  it("keeps the text in the outbox with its commune, sends nothing, and stores only a hash of the code", async () => {
    const phone = nextPhone();
    const code = await sendCode(phone);
    const message = await db.smsMessage.findFirstOrThrow({ where: { phone: `+84${phone.slice(1)}` } });
    expect(message).toMatchObject({ communeId: commune, provider: "outbox", status: "SKIPPED", sentAt: null });
    expect(message.body).toContain(code);
    const stored = await db.oneTimeCode.findFirstOrThrow({ where: { phone: `+84${phone.slice(1)}` } });
    expect(stored.codeHash).not.toContain(code);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeCloseTo(PHONE_CODE_MINUTES * 60_000, -3);
  });

  it("refuses an expired code", async () => {
    const phone = nextPhone();
    const sentAt = new Date(Date.now() - (PHONE_CODE_MINUTES + 1) * 60_000);
    const code = await sendCode(phone, nextIp(), sentAt);
    await expect(checkPhoneCode(`+84${phone.slice(1)}`, code)).rejects.toMatchObject({ code: "codeExpired", status: 422 });
  });

  it("allows five tries, counting down, then refuses even the right code", async () => {
    const phone = `+84${nextPhone().slice(1)}`;
    await issuePhoneCode({ communeId: commune, phone, ip: nextIp(), locale: "vi" });
    const code = await readCode(`0${phone.slice(3)}`);
    const wrong = code === "000000" ? "111111" : "000000";
    for (const left of [4, 3, 2, 1]) await expect(checkPhoneCode(phone, wrong)).rejects.toMatchObject({ code: "codeWrong", params: { left } });
    await expect(checkPhoneCode(phone, wrong)).rejects.toMatchObject({ code: "codeTooManyAttempts", status: 429 });
    await expect(checkPhoneCode(phone, code)).rejects.toMatchObject({ code: "codeTooManyAttempts" });
  });

  it("accepts only the newest code of a phone", async () => {
    const phone = nextPhone();
    const first = await sendCode(phone);
    const second = await sendCode(phone);
    const e164 = `+84${phone.slice(1)}`;
    if (first !== second) await expect(checkPhoneCode(e164, first)).rejects.toMatchObject({ code: "codeWrong" });
    await expect(checkPhoneCode(e164, second)).resolves.toEqual(expect.any(String));
  });

  it("limits codes per phone (3 in 10 minutes) and per address (30 an hour)", async () => {
    const phone = nextPhone();
    for (let i = 0; i < 3; i++) await sendCode(phone);
    await expect(sendCode(phone)).rejects.toMatchObject({ code: "rateLimited", status: 429 });
    const ip = nextIp();
    expect(limitPoints("register")).toBe(30);
    for (let i = 0; i < limitPoints("register"); i++) await sendCode(nextPhone(), ip);
    await expect(sendCode(nextPhone(), ip)).rejects.toMatchObject({ code: "rateLimited", status: 429 });
  });

  it("sends no code to a number that already has an account", async () => {
    await expect(sendCode("0901000001")).rejects.toMatchObject({ code: "phoneTaken", status: 409 });
  });
});

describe("the HTTP SMS sender", () => {
  it("posts the message to the gateway with its token, and keeps the code out of the stored copy", async () => {
    const received: { auth?: string; body: string }[] = [];
    let status = 200;
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ auth: req.headers.authorization, body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    try {
      const sent = await sendSms({ communeId: commune, phone: "+84939999001", body: "Ma cua ban la 123456.", secret: "123456" }, httpSender(url, "token-1"));
      expect(sent.status).toBe("SENT");
      expect(received[0]).toEqual({ auth: "Bearer token-1", body: JSON.stringify({ to: "+84939999001", text: "Ma cua ban la 123456." }) });
      const stored = await db.smsMessage.findUniqueOrThrow({ where: { id: sent.id } });
      expect(stored).toMatchObject({ provider: "http", status: "SENT", body: "Ma cua ban la ••••••." });

      status = 500;
      await expect(sendSms({ communeId: commune, phone: "+84939999002", body: "x 654321", secret: "654321" }, httpSender(url, "token-1"))).rejects.toMatchObject({ code: "smsFailed", status: 503 });
      expect(await db.smsMessage.findFirstOrThrow({ where: { phone: "+84939999002" } })).toMatchObject({ status: "FAILED", error: "HTTP 500" });
    } finally {
      server.close();
    }
  });
});

describe("registration matched to the list", () => {
  it("verifies at once an exact, single match, typed without diacritics", async () => {
    const person = await listedPerson(phuKhuong);
    const phone = nextPhone();
    const code = await sendCode(phone);
    const typed = person.nameKey.toUpperCase();
    const result = await registerResident(values(phone, code, { name: typed, birthYear: person.birthYear }), nextIp());
    expect(result).toMatchObject({ status: "VERIFIED", method: "LIST_MATCH" });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: result.userId }, select: { residentId: true, status: true, villageId: true } });
    expect(membership).toEqual({ residentId: person.id, status: "VERIFIED", villageId: phuKhuong });
    expect(await db.user.findUniqueOrThrow({ where: { id: result.userId }, select: { phoneVerifiedAt: true } })).toMatchObject({ phoneVerifiedAt: expect.any(Date) });
    expect(await db.consentRecord.count({ where: { userId: result.userId, purpose: "registration" } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Membership", action: "resident.register" }, orderBy: { seq: "desc" } });
    expect(event.details).toEqual({ status: "VERIFIED", method: "LIST_MATCH" });

    // The code is used up: it cannot register anything again.
    await expect(registerResident(values(phone, code, { name: "Ai Khác" }), nextIp())).rejects.toMatchObject({ code: "codeExpired" });
  });

  it("leaves a registration pending when nobody matches, or when two people do", async () => {
    const none = nextPhone();
    const r1 = await registerResident(values(none, await sendCode(none), { name: "Không Có Trong Danh Sách" }), nextIp());
    expect(r1).toMatchObject({ status: "PENDING", method: null });

    // Two people with the same name and year in one village: staff must choose.
    const person = await listedPerson(phuKhuong, 1);
    const household = await db.resident.findUniqueOrThrow({ where: { id: person.id }, select: { householdId: true } });
    const other = await db.household.findFirstOrThrow({ where: { communeId: commune, villageId: phuKhuong, NOT: { id: household.householdId } } });
    await db.resident.create({ data: { communeId: commune, householdId: other.id, villageId: phuKhuong, fullName: person.fullName, nameKey: person.nameKey, birthYear: person.birthYear } });
    const twin = nextPhone();
    const r2 = await registerResident(values(twin, await sendCode(twin), { name: person.fullName, birthYear: person.birthYear }), nextIp());
    expect(r2).toMatchObject({ status: "PENDING" });
    expect(await db.membership.findFirstOrThrow({ where: { userId: r2.userId }, select: { residentId: true, claimedName: true } })).toEqual({ residentId: null, claimedName: person.fullName });
  });

  it("does not match the same name in another village or year", async () => {
    const person = await listedPerson(phuKhuong, 2);
    const a = nextPhone();
    expect(await registerResident(values(a, await sendCode(a), { name: person.fullName, birthYear: person.birthYear, villageId: tanPhu1 }), nextIp())).toMatchObject({ status: "PENDING" });
    const b = nextPhone();
    expect(await registerResident(values(b, await sendCode(b), { name: person.fullName, birthYear: person.birthYear! - 1 }), nextIp())).toMatchObject({ status: "PENDING" });
  });

  it("refuses a wrong code, keeping nothing", async () => {
    const phone = nextPhone();
    const code = await sendCode(phone);
    await expect(registerResident(values(phone, code === "999999" ? "999998" : "999999"), nextIp())).rejects.toMatchObject({ code: "codeWrong", fields: { code: "codeWrong" } });
    expect(await db.user.count({ where: { phone: `+84${phone.slice(1)}` } })).toBe(0);
  });
});

describe("invitation codes from the village head", () => {
  it("are issued only for people of the head's own village", async () => {
    const head = await peopleAccess("headPhuKhuong", ["VILLAGE_HEAD"]);
    const own = await listedPerson(phuKhuong, 5);
    const invite = await issueInvite(head, own.id);
    expect(invite.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(invite).toMatchObject({ fullName: own.fullName, village: "Phú Khương" });
    const stored = await db.residentInvite.findFirstOrThrow({ where: { residentId: own.id } });
    expect(stored.codeHash).not.toContain(invite.code.replace("-", ""));

    const elsewhere = await listedPerson(tanPhu1);
    await expect(issueInvite(head, elsewhere.id)).rejects.toMatchObject({ code: "inviteOtherVillage", status: 403 });
    const otherCommune = await db.resident.findFirstOrThrow({ where: { commune: { slug: "nghia-hanh" } } });
    await expect(issueInvite(head, otherCommune.id)).rejects.toMatchObject({ code: "residentNotFound", status: 404 });
  });

  it("verify at registration, once, whatever name was typed, and only the newest code works", async () => {
    const head = await peopleAccess("headPhuKhuong", ["VILLAGE_HEAD"]);
    const person = await listedPerson(phuKhuong, 6);
    const old = await issueInvite(head, person.id);
    const invite = await issueInvite(head, person.id);
    const phone = nextPhone();
    const code = await sendCode(phone);
    await expect(registerResident(values(phone, code, { inviteCode: old.code }), nextIp())).rejects.toMatchObject({ code: "inviteExpired", fields: { inviteCode: "inviteExpired" } });
    const result = await registerResident(values(phone, code, { name: "Tên Gọi Ở Nhà", inviteCode: invite.code.toLowerCase().replace("-", " ") }), nextIp());
    expect(result).toMatchObject({ status: "VERIFIED", method: "INVITE_CODE" });
    expect(await db.membership.findFirstOrThrow({ where: { userId: result.userId }, select: { residentId: true, verifiedById: true } })).toEqual({
      residentId: person.id,
      verifiedById: head.userId,
    });

    const again = nextPhone();
    await expect(registerResident(values(again, await sendCode(again), { inviteCode: invite.code }), nextIp())).rejects.toMatchObject({ code: "inviteUsed", status: 409 });
    // A person who has an account gets no new code.
    await expect(issueInvite(head, person.id)).rejects.toMatchObject({ code: "residentAlreadyRegistered", status: 409 });
  });

  it("expire", async () => {
    const head = await peopleAccess("headPhuKhuong", ["VILLAGE_HEAD"]);
    const person = await listedPerson(phuKhuong, 7);
    const invite = await issueInvite(head, person.id, new Date(Date.now() - 31 * 24 * 60 * 60 * 1000));
    const phone = nextPhone();
    await expect(registerResident(values(phone, await sendCode(phone), { inviteCode: invite.code }), nextIp())).rejects.toMatchObject({ code: "inviteExpired" });
    await expect(registerResident(values(phone, await readCode(phone), { inviteCode: "ABCD-EFGH" }), nextIp())).rejects.toMatchObject({ code: "inviteInvalid" });
  });

  it("let a resident who is waiting verify later, on their own registration only", async () => {
    const phone = nextPhone();
    const pending = await registerResident(values(phone, await sendCode(phone), { name: "Chờ Mã Trưởng Thôn" }), nextIp());
    expect(pending.status).toBe("PENDING");
    const head = await peopleAccess("headPhuKhuong", ["VILLAGE_HEAD"]);
    const person = await listedPerson(phuKhuong, 8);
    const invite = await issueInvite(head, person.id);

    // Someone without a registration in the commune cannot use it.
    const staff = await peopleAccess("staff", ["STAFF"]);
    await expect(redeemInviteForAccount(staff.userId, commune, invite.code, nextIp())).rejects.toMatchObject({ status: 403 });

    await expect(redeemInviteForAccount(pending.userId, commune, invite.code, nextIp())).resolves.toEqual({ status: "VERIFIED" });
    expect(await getRegistrationStatus(pending.userId, commune)).toMatchObject({ status: "VERIFIED", verificationMethod: "INVITE_CODE", resident: { fullName: person.fullName } });
    await expect(redeemInviteForAccount(pending.userId, commune, invite.code, nextIp())).rejects.toMatchObject({ code: "registrationNotPending" });
  });

  it("are limited per address, so they cannot be guessed", async () => {
    const ip = nextIp();
    const phone = nextPhone();
    const pending = await registerResident(values(phone, await sendCode(phone), { name: "Đoán Mã" }), nextIp());
    for (let i = 0; i < limitPoints("register"); i++) await expect(redeemInviteForAccount(pending.userId, commune, "ABCD-EFG2", ip)).rejects.toMatchObject({ code: "inviteInvalid" });
    await expect(redeemInviteForAccount(pending.userId, commune, "ABCD-EFG2", ip)).rejects.toMatchObject({ code: "rateLimited", status: 429 });
  });
});
