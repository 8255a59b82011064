// The seed's road work in progress has its community investment supervision board (issue 13 §4): at least
// five members with their declarations, the investor notified at least 45 days before (Law 10/2022 Art.
// 41.1, 42, 45.1.b), a published finding; seeding again adds nothing.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { compositionProblem, isNotifiedInTime, isoDate } from "@/lib/supervision/rules";
import { communeId, seedDemo } from "@/scripts/test/fixtures";

import { SEEDED_ROAD_WORK, seedSupervision } from "./supervision";

beforeAll(async () => {
  await seedDemo();
});

describe("seeded supervision board", () => {
  it("the road work in progress has a lawful board with declarations and a published finding", async () => {
    const work = await db.work.findFirstOrThrow({
      where: { communeId: await communeId("thien-tin"), title: SEEDED_ROAD_WORK },
      select: { status: true, communeId: true, supervisionBoards: { include: { members: true, findings: true } } },
    });
    expect(work.status).toBe("IN_PROGRESS");
    expect(work.supervisionBoards).toHaveLength(1);
    const board = work.supervisionBoards[0]!;
    expect(board.members.length).toBeGreaterThanOrEqual(5);
    expect(compositionProblem(board.members.map((m) => ({ kind: m.kind, declared: m.declarationText.length > 0 })))).toBeNull();
    expect(board.members.every((m) => m.declarationText.includes("Điều 42") && m.declarationSignedOn <= board.investorNotifiedOn)).toBe(true);
    expect(isNotifiedInTime(isoDate(board.investorNotifiedOn), isoDate(board.supervisionStartOn))).toBe(true);
    expect(board.dissolvedAt).toBeNull();
    expect(board.findings.filter((f) => f.publishedAt)).toHaveLength(1);

    // The seeded road contribution is set against the road's residents' cash line.
    const { residentFundsForWork } = await import("@/lib/contributions/work-budget");
    const work2 = await db.work.findFirstOrThrow({ where: { communeId: work.communeId, title: SEEDED_ROAD_WORK }, select: { id: true } });
    const [cash] = await residentFundsForWork(work.communeId, work2.id);
    expect(cash).toMatchObject({ source: "RESIDENT_CASH", planned: 850_000_000, contributions: [{ title: "Đóng góp bê tông hóa đường giao thông nông thôn năm 2026" }] });
    expect(cash!.raised).toBeGreaterThan(0);
    expect(cash!.spent).toBe(24_700_000);

    const front = await db.user.findUniqueOrThrow({ where: { email: "mttq@thientin.danban.local" }, select: { id: true } });
    await seedSupervision(db, work.communeId, { frontId: front.id });
    expect(await db.supervisionMember.count({ where: { boardId: board.id } })).toBe(board.members.length);
  });
});
