// One household, one vote, under load: a thousand attempts at once, from every channel, leave exactly
// one vote per household, and every refusal names the vote that was there first.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sealPendingAudit } from "@/lib/oversight/seal";
import { verifyChain } from "@/lib/oversight/verify-chain";
import { seedDemo } from "@/scripts/test/fixtures";

import { accessOf, createBallot, createTestCommune, createVillage, type TestCommune } from "./ballot-test-helpers";
import { castWebVote } from "./cast-web-vote";
import { enterAssisted, enterPaperBallot } from "./enter-offline-votes";
import { vnTime } from "./record-vote";

let c: TestCommune;

beforeAll(async () => {
  await seedDemo();
  c = await createTestCommune("Xã Thử Tải Cao");
});

const shuffle = <T>(items: T[]) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

describe("1,000 concurrent vote attempts from 500 households", () => {
  it("leave exactly 500 votes, refuse the rest naming the vote already there, and keep the audit chain whole", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Tải Cao", households: 500, accounts: 500 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId] });
    const staff = c.staff;
    const voters = await inBatches(village.households, 50, (h) => accessOf(h.userId!, c.communeId));
    const auditBefore = await db.auditEvent.count({ where: { communeId: c.communeId } });

    type Attempt = { household: number; channel: "WEB" | "PAPER" | "ASSISTED"; run: () => Promise<unknown> };
    const option = (i: number) => [ballot.agree, ballot.disagree, ballot.other][i % 3]!;
    const web = (i: number): Attempt => ({ household: i, channel: "WEB", run: () => castWebVote(voters[i]!, { questionId: ballot.questionId, optionIds: [option(i)] }) });
    const paper = (i: number): Attempt => ({
      household: i,
      channel: "PAPER",
      run: () => enterPaperBallot(staff, { consultationId: ballot.consultationId, householdId: village.households[i]!.householdId, answers: [{ questionId: ballot.questionId, optionIds: [option(i + 1)] }] }),
    });
    const assisted = (i: number): Attempt => ({
      household: i,
      channel: "ASSISTED",
      run: () =>
        enterAssisted(staff, {
          consultationId: ballot.consultationId,
          residentId: village.households[i]!.residentId,
          reason: "Người cao tuổi, nhờ cán bộ ghi giúp",
          answers: [{ questionId: ballot.questionId, optionIds: [option(i + 2)] }],
          opinion: null,
        }),
    });
    const attempts: Attempt[] = [];
    for (let i = 0; i < 500; i++) {
      if (i < 200) attempts.push(web(i), paper(i)); // online and on paper at once
      else if (i < 350) attempts.push(web(i), assisted(i)); // online and at the commune office
      else if (i < 450) attempts.push(web(i), web(i)); // a double tap
      else attempts.push(paper(i), assisted(i));
    }
    expect(attempts).toHaveLength(1000);
    shuffle(attempts);

    const started = performance.now();
    const outcomes = await Promise.allSettled(attempts.map((a) => a.run()));
    const seconds = (performance.now() - started) / 1000;

    const accepted = outcomes.filter((o) => o.status === "fulfilled").length;
    const refused = outcomes.flatMap((o, i) => (o.status === "rejected" ? [{ attempt: attempts[i]!, error: o.reason as unknown }] : []));
    console.log(`[votes] 1,000 attempts (500 accepted) in ${seconds.toFixed(2)} s: ${(accepted / seconds).toFixed(0)} accepted votes/s`);
    const unexpected = refused.filter((r) => !(r.error instanceof AppError) || r.error.code !== "alreadyVoted");
    expect(unexpected.map((r) => `${r.attempt.channel} ${r.attempt.household}: ${String(r.error)}`)).toEqual([]);
    expect(accepted).toBe(500);
    expect(refused).toHaveLength(500);

    const votes = await db.vote.findMany({ where: { questionId: ballot.questionId }, select: { householdId: true, voterKey: true, channel: true, createdAt: true, _count: { select: { choices: true } } } });
    expect(votes).toHaveLength(500);
    expect(new Set(votes.map((v) => v.householdId)).size).toBe(500);
    expect(votes.every((v) => v._count.choices === 1)).toBe(true);
    const byHousehold = new Map(votes.map((v) => [v.householdId!, v]));

    // Every refusal is the explained duplicate, naming the channel and time of the vote that stands.
    for (const { attempt, error } of refused) {
      expect(error).toBeInstanceOf(AppError);
      const stored = byHousehold.get(village.households[attempt.household]!.householdId)!;
      expect((error as AppError).code).toBe("alreadyVoted");
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).params).toMatchObject({ unit: "HOUSEHOLD", channel: stored.channel, time: vnTime(stored.createdAt) });
    }
    // The vote that stands came through one of the channels that tried.
    for (let i = 0; i < 500; i++) {
      const tried = attempts.filter((a) => a.household === i).map((a) => a.channel);
      expect(tried).toContain(byHousehold.get(village.households[i]!.householdId)!.channel);
    }

    // One audit event per accepted vote, and the commune's hash chain unbroken by the concurrency.
    expect(await db.auditEvent.count({ where: { communeId: c.communeId } })).toBe(auditBefore + 500);
    await sealPendingAudit(c.communeId);
    expect(await verifyChain(c.communeId)).toMatchObject({ events: auditBefore + 500, broken: null, waiting: 0 });
  });
});

describe("a burst of web votes", () => {
  it("takes 1,000 voters, 50 at a time, each vote with its audit event (figure printed for the report)", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Đo Tốc Độ", households: 1000, accounts: 1000 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId] });
    const voters = await inBatches(village.households, 50, (h) => accessOf(h.userId!, c.communeId));
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < voters.length) {
          const voter = voters[next++]!;
          await castWebVote(voter, { questionId: ballot.questionId, optionIds: [ballot.agree] });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`[votes] burst: 1,000 web votes, 50 in flight, in ${seconds.toFixed(2)} s: ${(1000 / seconds).toFixed(0)} accepted votes/s`);
    expect(await db.vote.count({ where: { questionId: ballot.questionId } })).toBe(1000);
    expect(await db.auditEvent.count({ where: { action: "vote.cast", details: { path: ["questionId"], equals: ballot.questionId } } })).toBe(1000);
  });
});
