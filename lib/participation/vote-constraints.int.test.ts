import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/scripts/test/fixtures";

// The law's "one household, one vote" is held by the database itself, whatever the code does.
describe("vote uniqueness in the database", () => {
  let question: { id: string; communeId: string; consultationId: string; options: { id: string }[] };
  let household: { id: string; villageId: string };

  beforeAll(async () => {
    await seedDemo();
    question = await db.ballotQuestion.findFirstOrThrow({
      where: { votingUnit: "HOUSEHOLD", secret: false },
      select: { id: true, communeId: true, consultationId: true, options: { select: { id: true } } },
    });
    // A household with no vote on that question yet: other test files vote on the seeded questions too.
    const voted = await db.vote.findMany({ where: { questionId: question.id, householdId: { not: null } }, select: { householdId: true } });
    household = await db.household.findFirstOrThrow({
      where: { communeId: question.communeId, id: { notIn: voted.map((v) => v.householdId!) } },
      select: { id: true, villageId: true },
    });
  });

  const vote = (channel: "WEB" | "PAPER", receipt: string, voterKey?: string) =>
    db.vote.create({
      data: {
        communeId: question.communeId,
        consultationId: question.consultationId,
        questionId: question.id,
        voterKey: voterKey ?? `H:${household.id}`,
        householdId: household.id,
        villageId: household.villageId,
        channel,
        receiptCode: receipt,
        choices: { create: [{ optionId: question.options[0]!.id, communeId: question.communeId, questionId: question.id }] },
      },
    });

  it("refuses a second vote of the same household on the same question, from any channel", async () => {
    await vote("WEB", `R-${Date.now()}-1`);
    const second = vote("PAPER", `R-${Date.now()}-2`);
    await expect(second).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(second).rejects.toMatchObject({ code: "P2002" });
    expect(await db.vote.count({ where: { questionId: question.id, householdId: household.id } })).toBe(1);
  });

  it("refuses a voter key that does not name the household it belongs to", async () => {
    await expect(vote("PAPER", `R-${Date.now()}-3`, "H:someone-else")).rejects.toThrow(/Vote_voterKey_matches_unit|check constraint/i);
  });
});
