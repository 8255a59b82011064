// In production the outbox must not hand staff the one-time codes: any staff member could otherwise
// register any phone number (issue 11). Outside production it keeps them, for developers and tests.
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { seedPeopleCommune } from "@/scripts/test/people-fixtures";

import { outboxSender, sendSms } from "./send-sms";

describe("the outbox's copy of a one-time code", () => {
  it("is masked in production, and listed masked on the outbox page's query", async () => {
    const { communeId } = await seedPeopleCommune();
    await sendSms({ communeId, phone: "+84938800001", body: "Mã xác minh Dân Bàn: 482913.", secret: "482913" }, outboxSender, "production");
    const stored = await db.smsMessage.findFirstOrThrow({ where: { phone: "+84938800001" } });
    expect(stored.body).toBe("Mã xác minh Dân Bàn: ••••••.");
    expect(stored.status).toBe("SKIPPED");
    const { listSmsOutbox } = await import("@/lib/people/list-sms-outbox");
    // Other test files leave development-mode messages in the same commune: this test's own is the one checked.
    const listed = (await listSmsOutbox(communeId)).filter((m) => m.body.includes("Mã xác minh Dân Bàn"));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((m) => m.body).join("\n")).not.toMatch(/\d{6}/);
  });

  it("keeps the code outside production, where the outbox is how developers read it", async () => {
    const { communeId } = await seedPeopleCommune();
    await sendSms({ communeId, phone: "+84938800002", body: "Mã xác minh Dân Bàn: 482914.", secret: "482914" }, outboxSender, "development");
    const stored = await db.smsMessage.findFirstOrThrow({ where: { phone: "+84938800002" } });
    expect(stored.body).toContain("482914");
  });
});
