// Residents' contributions set against the budget of the work they pay for (issue 13 §2): a contribution
// linked to a work (Contribution.workId) funds that work's line of the same kind — money collected from
// households against its residents' cash line (RESIDENT_CASH), labour days against its labour line
// (LABOUR_DAYS). For each such line the public sees what was planned, what residents brought (the ledger's
// net sum: receipts less reversals) and what was spent from it (the contributions' spending records).
// Only contributions whose collection is open count (a decision that passed, Law 10/2022 Art. 15.1).
import { db } from "@/lib/db";
import type { ContributionUnit, WorkFundSource } from "@/lib/generated/prisma/enums";

/** The budget line a contribution of each unit is set against. */
export const BUDGET_SOURCE_OF_UNIT: Readonly<Record<ContributionUnit, WorkFundSource>> = { MONEY: "RESIDENT_CASH", LABOUR_DAYS: "LABOUR_DAYS" };

export type ResidentFundRow = {
  source: WorkFundSource;
  unit: ContributionUnit;
  /** The work's lines of this source (most works have one), with their planned amount (VND or labour days). */
  lines: { id: string; note: string | null; planned: number }[];
  planned: number;
  raised: number;
  spent: number;
  contributions: { id: string; title: string }[];
};

/** Planned, raised and spent per residents' budget source of a work (cash in VND, labour in days). */
export async function residentFundsForWork(communeId: string, workId: string): Promise<ResidentFundRow[]> {
  const [lines, contributions] = await Promise.all([
    db.workBudgetLine.findMany({ where: { communeId, workId, source: { in: Object.values(BUDGET_SOURCE_OF_UNIT) } }, orderBy: { sortOrder: "asc" }, select: { id: true, source: true, note: true, amountVnd: true, labourDays: true } }),
    db.contribution.findMany({ where: { communeId, workId, openedAt: { not: null } }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, unit: true } }),
  ]);
  const ids = contributions.map((c) => c.id);
  const [raised, spent] = ids.length
    ? await Promise.all([
        db.contributionEntry.groupBy({ by: ["contributionId"], where: { contributionId: { in: ids } }, _sum: { amount: true } }),
        db.contributionSpending.groupBy({ by: ["contributionId"], where: { contributionId: { in: ids } }, _sum: { amount: true } }),
      ])
    : [[], []];
  const sumOf = (rows: { contributionId: string; _sum: { amount: number | null } }[], id: string) => rows.find((r) => r.contributionId === id)?._sum.amount ?? 0;
  const rows: ResidentFundRow[] = [];
  for (const unit of Object.keys(BUDGET_SOURCE_OF_UNIT) as ContributionUnit[]) {
    const source = BUDGET_SOURCE_OF_UNIT[unit];
    const ofSource = lines.filter((l) => l.source === source).map((l) => ({ id: l.id, note: l.note, planned: unit === "MONEY" ? Number(l.amountVnd ?? 0n) : (l.labourDays ?? 0) }));
    const ofUnit = contributions.filter((c) => c.unit === unit);
    if (ofSource.length === 0 && ofUnit.length === 0) continue;
    rows.push({
      source,
      unit,
      lines: ofSource,
      planned: ofSource.reduce((n, l) => n + l.planned, 0),
      raised: ofUnit.reduce((n, c) => n + sumOf(raised, c.id), 0),
      spent: ofUnit.reduce((n, c) => n + sumOf(spent, c.id), 0),
      contributions: ofUnit.map((c) => ({ id: c.id, title: c.title })),
    });
  }
  return rows;
}
