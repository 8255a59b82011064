import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { enqueueDigests, registerJobs } from "@/lib/scheduler/jobs";
import { communeId, seedDemo, userId } from "@/scripts/test/fixtures";
import { startSmtpSink } from "@/scripts/test/smtp-sink";

import { smtpMailer } from "./mailer";
import { notify } from "./notify";

let thienTin: string;

async function waitFor(check: () => Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
}

async function queue(person: string, kinds: string[]) {
  await db.$transaction(async (tx) => {
    for (const kind of kinds) await notify(tx, { communeId: thienTin, userId: person, kind, params: { number: 7, consultation: "Đường liên thôn", details: "", reason: "ABUSE", until: "" }, link: "/thien-tin/account" });
  });
}

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  await db.notification.updateMany({ data: { emailStatus: "SKIPPED" } });
});

describe("email digests through the job queue", () => {
  let boss: PgBoss;
  const sink = { current: undefined as Awaited<ReturnType<typeof startSmtpSink>> | undefined };

  beforeAll(async () => {
    sink.current = await startSmtpSink({ refuseFirst: 1 });
    boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2 });
    await boss.start();
    await registerJobs(boss, {
      mailer: smtpMailer(sink.current.url, "Dân Bàn <no-reply@thientin.test>"),
      retry: { retryLimit: 3, retryDelay: 1, retryBackoff: true },
      digestCron: "0 0 1 1 *", // the test enqueues digests itself
    });
  });

  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await sink.current?.close();
  });

  it("sends one digest per person, retried after a temporary SMTP failure, and respects opt-outs", async () => {
    const withEmail = await userId("0901000001");
    const optedOut = await userId("0901000003");
    const noEmail = await userId("0901000002");
    await db.user.update({ where: { id: withEmail }, data: { email: "hai@example.vn", emailVerifiedAt: new Date(), emailOptOut: false } });
    await db.user.update({ where: { id: optedOut }, data: { email: "ba@example.vn", emailVerifiedAt: new Date(), emailOptOut: true } });
    await db.user.update({ where: { id: noEmail }, data: { email: null } });
    // Only what this test queues is counted: other tests in the same database may notify these people too.
    const since = await db.$queryRaw<{ now: Date }[]>`select now() as now`.then((r) => r[0]!.now);
    await queue(withEmail, ["opinionHidden", "noteAnswered"]);
    await queue(optedOut, ["opinionHidden"]);
    await queue(noEmail, ["opinionHidden"]);

    await enqueueDigests(boss);
    await waitFor(async () => (await db.notification.count({ where: { emailStatus: "PENDING" } })) === 0);

    const mails = sink.current!.messages;
    expect(mails).toHaveLength(1); // one digest, not one mail per event; nothing to the others
    expect(mails[0]!.to).toBe("hai@example.vn");
    expect(mails[0]!.subject).toBe("Dân Bàn: 2 thông báo mới");
    expect(mails[0]!.text).toContain("Ý kiến số 7 của bạn đã bị ẩn");
    expect(mails[0]!.text).toContain("UBND xã đã trả lời ý kiến giám sát");
    // The first attempt was refused and retried; the mail arrived once.
    expect(sink.current!.attempts()).toBeGreaterThanOrEqual(2);
    const ours = { createdAt: { gte: since } };
    expect(await db.notification.count({ where: { ...ours, userId: withEmail, emailStatus: "SENT" } })).toBe(2);
    expect(await db.notification.count({ where: { ...ours, userId: { in: [optedOut, noEmail] }, emailStatus: "SKIPPED" } })).toBe(2);
    expect(await db.notification.count({ where: { ...ours, userId: { in: [withEmail, optedOut, noEmail] } } })).toBe(4);
  });
});
