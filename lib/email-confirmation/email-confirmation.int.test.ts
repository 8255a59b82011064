// Email ownership: an address signs in and receives a role only once its owner opened the link sent to
// it; the link is stored hashed, works once, for 24 hours, and only for the address it was sent to;
// digests by email are off until the person ticks the box.
import { createHash } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/password";
import { checkCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/load-messages";
import { sendDigest } from "@/lib/notifications/digest";
import { smtpMailer } from "@/lib/notifications/mailer";
import { lookUpGrantee } from "@/lib/people/grantee";
import { grantRole } from "@/lib/people/officials";
import { correctMyDetails } from "@/lib/people/data-rights";
import { OFFICIALS_ROLES } from "@/lib/people/roles";
import { grantRoleSchema } from "@/lib/people/schemas";
import { userId } from "@/scripts/test/fixtures";
import { PEOPLE, seedPeopleCommune, type Who } from "@/scripts/test/people-fixtures";
import { startSmtpSink } from "@/scripts/test/smtp-sink";

import { resendConfirmation } from "./resend";
import { confirmEmail, issueConfirmation } from "./tokens";

const PASSWORD = "mat-khau-thu-2026";
let commune: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: ReturnType<typeof smtpMailer>;
let seq = 0;
let ip = 0;

async function newAccount(email: string | null = null) {
  seq++;
  const phone = `+8494700${String(seq).padStart(4, "0")}`;
  const user = await db.user.create({
    data: { name: `Nguyễn Văn Thử ${seq}`, displayName: "Thử", phone, email, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true },
  });
  return { id: user.id, phone, localPhone: `0${phone.slice(3)}` };
}

/** The token from the latest mail to `to`, as the person would click it. */
function tokenSentTo(to: string): string {
  const mail = sink.messages.filter((m) => m.to === to).at(-1);
  const match = mail?.text.match(/confirm-email\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no confirmation mail to ${to}`);
  return match[1]!;
}

async function code(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return "ok";
  } catch (e) {
    if (isAppError(e)) return `${e.status} ${e.code}`;
    throw e;
  }
}

const signIn = (identifier: string, password = PASSWORD) => checkCredentials(identifier, password, `10.9.0.${++ip}`);

beforeAll(async () => {
  commune = (await seedPeopleCommune()).communeId;
  sink = await startSmtpSink();
  mailer = smtpMailer(sink.url, "Dân Bàn <no-reply@thientin.test>");
});

afterAll(async () => {
  await sink?.close();
});

describe("signing in by email", () => {
  it("refuses an unconfirmed email with its own reason once the password is right; the phone number still works; the link opens it", async () => {
    const me = await newAccount("chua.xac.nhan@example.vn");
    await expect(signIn("chua.xac.nhan@example.vn")).resolves.toEqual({ ok: false, reason: "emailUnconfirmed" });
    // A wrong password says nothing about the address.
    await expect(signIn("chua.xac.nhan@example.vn", "sai-mat-khau")).resolves.toEqual({ ok: false, reason: "invalidCredentials" });
    await expect(signIn(me.localPhone)).resolves.toEqual({ ok: true, userId: me.id });

    await resendConfirmation(me.id, new Date(), mailer);
    const mail = sink.messages.filter((m) => m.to === "chua.xac.nhan@example.vn").at(-1)!;
    expect(mail.subject).toBe("Dân Bàn: xác nhận địa chỉ email");
    expect(mail.text).toContain("trong 24 giờ");
    await expect(confirmEmail(tokenSentTo("chua.xac.nhan@example.vn"))).resolves.toEqual({ email: "chua.xac.nhan@example.vn" });
    await expect(signIn("CHUA.XAC.NHAN@example.vn")).resolves.toEqual({ ok: true, userId: me.id });
  });

  it("tells the person what to do, in Vietnamese and English", () => {
    expect((loadMessages("vi").emailConfirm as Record<string, string>).signInUnconfirmed).toContain("chưa được xác nhận");
    expect((loadMessages("en").emailConfirm as Record<string, string>).signInUnconfirmed).toContain("not confirmed");
  });
});

describe("the confirmation link", () => {
  it("is stored only as its SHA-256 and works exactly once", async () => {
    const me = await newAccount("mot.lan@example.vn");
    const token = await db.$transaction((tx) => issueConfirmation(tx, me.id, "mot.lan@example.vn"));
    const row = await db.emailConfirmation.findFirstOrThrow({ where: { userId: me.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);

    await expect(code(() => confirmEmail(token))).resolves.toBe("ok");
    await expect(code(() => confirmEmail(token))).resolves.toBe("410 emailConfirmUsed");
    await expect(code(() => confirmEmail("khong-phai-ma-nao-ca-abcdef"))).resolves.toBe("404 emailConfirmUnknown");
  });

  it("works until one millisecond before 24 hours and is refused at 24 hours, the address left unconfirmed", async () => {
    const sentAt = new Date("2026-12-01T08:00:00Z");
    const late = await newAccount("het.han@example.vn");
    const lateToken = await db.$transaction((tx) => issueConfirmation(tx, late.id, "het.han@example.vn", sentAt));
    await expect(code(() => confirmEmail(lateToken, new Date(sentAt.getTime() + 24 * 3600_000)))).resolves.toBe("410 emailConfirmExpired");
    expect((await db.user.findUniqueOrThrow({ where: { id: late.id } })).emailVerifiedAt).toBeNull();

    const onTime = await newAccount("kip.gio@example.vn");
    const onTimeToken = await db.$transaction((tx) => issueConfirmation(tx, onTime.id, "kip.gio@example.vn", sentAt));
    const confirmedAt = new Date(sentAt.getTime() + 24 * 3600_000 - 1);
    await expect(code(() => confirmEmail(onTimeToken, confirmedAt))).resolves.toBe("ok");
    expect((await db.user.findUniqueOrThrow({ where: { id: onTime.id } })).emailVerifiedAt).toEqual(confirmedAt);
  });

  it("stops working when a newer link is sent or the address changes; a changed address is unconfirmed again and gets its own link", async () => {
    const me = await newAccount("cu@example.vn");
    const first = await db.$transaction((tx) => issueConfirmation(tx, me.id, "cu@example.vn"));
    const second = await db.$transaction((tx) => issueConfirmation(tx, me.id, "cu@example.vn"));
    await expect(code(() => confirmEmail(first))).resolves.toBe("410 emailConfirmUsed");
    await expect(code(() => confirmEmail(second))).resolves.toBe("ok");

    const outdated = await db.$transaction((tx) => issueConfirmation(tx, me.id, "cu@example.vn"));
    const saved = await correctMyDetails(me.id, commune, { displayName: "Thử", email: "moi@example.vn" }, new Date(), mailer);
    expect(saved).toMatchObject({ email: "moi@example.vn", confirmationSent: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).emailVerifiedAt).toBeNull();
    await expect(signIn("moi@example.vn")).resolves.toEqual({ ok: false, reason: "emailUnconfirmed" });
    await expect(code(() => confirmEmail(outdated))).resolves.toBe("410 emailConfirmUsed");
    await expect(code(() => confirmEmail(tokenSentTo("moi@example.vn")))).resolves.toBe("ok");

    // Saving the same address again keeps it confirmed and sends nothing.
    const before = sink.messages.length;
    await expect(correctMyDetails(me.id, commune, { displayName: "Thử lại", email: "moi@example.vn" }, new Date(), mailer)).resolves.toMatchObject({ confirmationSent: false });
    expect(sink.messages.length).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).emailVerifiedAt).not.toBeNull();
  });

  it("refuses a link for an address the account no longer has", async () => {
    const me = await newAccount("doi@example.vn");
    const token = await db.$transaction((tx) => issueConfirmation(tx, me.id, "doi@example.vn"));
    await db.user.update({ where: { id: me.id }, data: { email: "khac@example.vn" } });
    await expect(code(() => confirmEmail(token))).resolves.toBe("410 emailConfirmOutdated");
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).emailVerifiedAt).toBeNull();
  });

  it("is sent again only for one's own unconfirmed address, and only with a mail server", async () => {
    const none = await newAccount(null);
    await expect(code(() => resendConfirmation(none.id, new Date(), mailer))).resolves.toBe("422 emailConfirmNoEmail");
    const noServer = await newAccount("khong.may.chu@example.vn");
    await expect(code(() => resendConfirmation(noServer.id, new Date(), null))).resolves.toBe("503 emailConfirmNoMailer");
    const staff = await userId(PEOPLE.staff);
    await expect(code(() => resendConfirmation(staff, new Date(), mailer))).resolves.toBe("409 emailConfirmAlready");
    expect(await db.emailConfirmation.count({ where: { userId: { in: [none.id, noServer.id, staff] } } })).toBe(0);
  });
});

describe("granting a role by email", () => {
  const grant = (identifier: string) => grantRoleSchema.parse({ communeId: commune, identifier, role: "STAFF" });
  const admin = async () => requireCommuneAccess(await userId(PEOPLE.admin), commune, OFFICIALS_ROLES, { write: true });

  it("refuses an unconfirmed email with a message saying so, at look-up and at grant; nothing is granted", async () => {
    const person = await newAccount("ung.vien@example.vn");
    await expect(code(async () => lookUpGrantee(await admin(), "ung.vien@example.vn"))).resolves.toBe("409 officialEmailUnconfirmed");
    await expect(code(async () => grantRole(await admin(), grant("ung.vien@example.vn")))).resolves.toBe("409 officialEmailUnconfirmed");
    expect(await db.membership.count({ where: { userId: person.id } })).toBe(0);
    expect((loadMessages("vi").errors as Record<string, string>).officialEmailUnconfirmed).toContain("chưa được chủ tài khoản xác nhận");

    await db.user.update({ where: { id: person.id }, data: { emailVerifiedAt: new Date() } });
    await expect(code(async () => grantRole(await admin(), grant("Ung.Vien@example.vn")))).resolves.toBe("ok");
    expect(await db.membership.count({ where: { userId: person.id, communeId: commune, role: "STAFF", status: "VERIFIED" } })).toBe(1);
  });

  it("shows the account's name and only the last 3 digits of its phone before granting", async () => {
    const person = await newAccount(null);
    const found = await lookUpGrantee(await admin(), person.localPhone);
    expect(found).toEqual({ name: `Nguyễn Văn Thử ${seq}`, phone: `${"•".repeat(person.phone.length - 3)}${person.phone.slice(-3)}` });
    expect(found.phone).not.toContain(person.phone.slice(3, -3));
    await expect(code(async () => lookUpGrantee(await admin(), "0988777666"))).resolves.toBe("404 officialAccountNotFound");
    await expect(code(async () => lookUpGrantee(await admin(), PEOPLE.admin))).resolves.toBe("409 cannotGrantOwnRole");
  });

  it.each(Object.keys(PEOPLE) as Who[])("look-up as %s: administrators only", async (who) => {
    const person = await newAccount(null);
    const outcome = await code(async () => lookUpGrantee(await requireCommuneAccess(await userId(PEOPLE[who]), commune, OFFICIALS_ROLES, { write: true }), person.localPhone));
    expect(outcome).toBe(who === "admin" ? "ok" : "403 forbidden");
  });
});

describe("email digests", () => {
  it("are off for a new account until the box is ticked, and go only to a confirmed address", async () => {
    const me = await newAccount("ban.tin@example.vn");
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).emailOptOut).toBe(true);
    const queue = () => db.notification.create({ data: { userId: me.id, communeId: commune, kind: "opinionHidden", params: { number: 1, consultation: "Thử", reason: "SPAM", details: "" }, title: "Ý kiến bị ẩn", body: "Thử" } });

    await queue();
    await expect(sendDigest(me.id, mailer)).resolves.toEqual({ sent: 0, skipped: 1 });
    await db.user.update({ where: { id: me.id }, data: { emailOptOut: false } });
    await queue();
    await expect(sendDigest(me.id, mailer)).resolves.toEqual({ sent: 0, skipped: 1 }); // ticked, but unconfirmed
    await db.user.update({ where: { id: me.id }, data: { emailVerifiedAt: new Date() } });
    await queue();
    await expect(sendDigest(me.id, mailer)).resolves.toEqual({ sent: 1, skipped: 0 });
  });
});
