// The demo contribution (issue 13 §2): linked to a decision that passed under Art. 15.1 (checked by
// the real count), open, with receipts, a reversal, exemptions and spending; and an initiative.
import { beforeAll, describe, expect, it } from "vitest";

import { decisionGate } from "@/lib/contributions/manage";
import { getPublicSummary } from "@/lib/contributions/read";
import { db } from "@/lib/db";
import { seedDemo } from "@/scripts/test/fixtures";

import { SEED_CONTRIBUTION_TITLE } from "./contributions";

beforeAll(async () => {
  await seedDemo();
});

describe("seeded contribution", () => {
  it("rests on a passed decision and has receipts, a reversal, exemptions and spending", async () => {
    const c = await db.contribution.findFirstOrThrow({ where: { title: SEED_CONTRIBUTION_TITLE }, select: { id: true, communeId: true, consultationId: true, questionId: true, openedAt: true } });
    expect(c.openedAt).not.toBeNull();
    expect(await decisionGate(c.communeId, c.consultationId, c.questionId)).toBeNull();
    const s = await getPublicSummary(c.communeId, c.id);
    expect(s.collected).toBeGreaterThan(0);
    expect(s.exemptions.reduce((n, e) => n + e.households, 0)).toBeGreaterThan(0);
    expect(await db.contributionEntry.count({ where: { contributionId: c.id, kind: "REVERSAL" } })).toBe(1);
    expect(s.spendings).toHaveLength(2);
    expect(await db.initiative.count({ where: { communeId: c.communeId } })).toBeGreaterThan(0);
  });
});
