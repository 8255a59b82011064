// The public audit log shows what was done, not who: the routes and the page give an official's
// pseudonym (stable, not the account id), never a resident, an account id or a digest a guess could
// reverse; and from that public data alone, anyone can verify the chain up to the published head.
import { beforeAll, describe, expect, it } from "vitest";

import { GET as getEvent } from "@/app/api/audit/events/[seq]/route";
import { GET as getEvents } from "@/app/api/audit/events/route";
import { GET as getHead } from "@/app/api/audit/head/route";
import { db } from "@/lib/db";
import { communeId as communeIdOf, seedDemo } from "@/scripts/test/fixtures";

import { appendAudit } from "./audit";
import { digest } from "./canonical-json";
import { listAuditEvents } from "./list-audit";
import { type PublicAuditEvent, walkChain } from "./public-chain";
import { sealPendingAudit } from "./seal";

const SITE = "http://danban.test";
const OFFICIAL = "official-account-7f3a";
const OTHER_OFFICIAL = "official-account-9c1d";
const RESIDENT = "resident-account-2b8e";
const CHOICE = { optionIds: ["agree"] };
let communeId: string;

async function record(actorId: string, actorRole: string, action: string, after?: unknown) {
  await db.$transaction((tx) => appendAudit(tx, { communeId, actorId, actorRole, action, entityType: "Test", entityId: action, after, details: { note: action } }));
}

async function allPublicEvents(): Promise<PublicAuditEvent[]> {
  const events: PublicAuditEvent[] = [];
  for (let after = "0"; ; ) {
    const page = (await (await getEvents(new Request(`${SITE}/api/audit/events?commune=thien-tin&after=${after}`))).json()) as { events: PublicAuditEvent[]; next: string | null };
    events.push(...page.events);
    if (!page.next) return events;
    after = page.next;
  }
}

beforeAll(async () => {
  await seedDemo();
  communeId = await communeIdOf("thien-tin");
  await record(OFFICIAL, "STAFF", "test.public.publish", { status: "PUBLISHED" });
  await record(OTHER_OFFICIAL, "LEADER", "test.public.approve", { status: "APPROVED" });
  await record(RESIDENT, "RESIDENT", "test.public.vote", CHOICE);
  await record(OFFICIAL, "STAFF", "test.public.close", { status: "CLOSED" });
  await sealPendingAudit(communeId);
});

describe("the public audit log", () => {
  it("shows an official under a stable pseudonym that is not the account id, and a resident under none", async () => {
    const events = await allPublicEvents();
    const actorOf = (action: string) => events.find((e) => e.action === action)!.actor;
    expect(actorOf("test.public.publish")).toMatch(/^p-[0-9a-f]{20}$/);
    expect(actorOf("test.public.close")).toBe(actorOf("test.public.publish"));
    expect(actorOf("test.public.approve")).not.toBe(actorOf("test.public.publish"));
    expect(actorOf("test.public.vote")).toBeNull();
  });

  it("gives no account id, no before/after digest and no salt, in the routes or on the page", async () => {
    const vote = (await db.auditEvent.findFirstOrThrow({ where: { communeId, action: "test.public.vote" }, select: { seq: true, salt: true, afterDigest: true } }));
    const one = await (await getEvent(new Request(`${SITE}/api/audit/events/${vote.seq}?commune=thien-tin`), { params: Promise.resolve({ seq: vote.seq.toString() }) })).json();
    const list = await listAuditEvents(communeId, 1, 50);
    for (const published of [JSON.stringify(await allPublicEvents()), JSON.stringify(one), JSON.stringify(list)]) {
      for (const secret of [OFFICIAL, OTHER_OFFICIAL, RESIDENT, vote.salt!, vote.afterDigest!, digest(CHOICE)!]) expect(published).not.toContain(secret);
      for (const field of ["actorId", "beforeDigest", "afterDigest", "salt"]) expect(published).not.toContain(`"${field}"`);
    }
    expect(one).toMatchObject({ sealed: true, valid: true });
  });

  it("leaves no digest a guess can check: every possible choice, hashed the way digests are, matches nothing published", async () => {
    const published = JSON.stringify(await allPublicEvents());
    for (const optionIds of [["agree"], ["disagree"], ["abstain"]]) {
      expect(published).not.toContain(digest({ optionIds })!);
      expect(published).not.toContain(digest({ actorId: RESIDENT, afterDigest: digest({ optionIds }), beforeDigest: null })!);
    }
  });

  it("verifies from outside with only the public routes and the published head", async () => {
    const head = (await (await getHead(new Request(`${SITE}/api/audit/head?commune=thien-tin`))).json()) as { hash: string; events: number };
    const result = walkChain(await allPublicEvents());
    expect(result.broken).toBeNull();
    expect(result).toMatchObject({ events: head.events, head: head.hash });
  });

  it("answers the head from what the sealer published, without counting rows", async () => {
    const published = await db.auditHead.findUniqueOrThrow({ where: { chain: communeId } });
    const head = await (await getHead(new Request(`${SITE}/api/audit/head?commune=thien-tin`))).json();
    expect(head).toMatchObject({ hash: published.hash, events: Number(published.position), seq: published.seq.toString() });
    // An event that waits for the sealer is not in the head yet.
    await record(OFFICIAL, "STAFF", "test.public.waiting");
    expect((await (await getHead(new Request(`${SITE}/api/audit/head?commune=thien-tin`))).json()).hash).toBe(published.hash);
    await sealPendingAudit(communeId);
  });
});
