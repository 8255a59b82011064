// Sums from the ledger (pure functions over its entries). The ledger is append-only: a receipt is
// never edited; a correction is a reversing entry carrying the negative amount. So every total is the
// plain sum of entries, whatever the order in which receipts and reversals were made.
export type LedgerEntry = { householdId: string; villageId: string; amount: number; receivedOn: string };

/** Per household: the net amount brought. */
export function byHousehold(entries: readonly LedgerEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) out.set(e.householdId, (out.get(e.householdId) ?? 0) + e.amount);
  return out;
}

/** Per village: the net amount collected (entries carry the household's village when entered). */
export function byVillage(entries: readonly LedgerEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) out.set(e.villageId, (out.get(e.villageId) ?? 0) + e.amount);
  return out;
}

/** Per month ("YYYY-MM" of the date received, Vietnam calendar), sorted by month. */
export function byMonth(entries: readonly LedgerEntry[]): { month: string; amount: number }[] {
  const out = new Map<string, number>();
  for (const e of entries) out.set(e.receivedOn.slice(0, 7), (out.get(e.receivedOn.slice(0, 7)) ?? 0) + e.amount);
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, amount]) => ({ month, amount }));
}

export const total = (entries: readonly LedgerEntry[]) => entries.reduce((n, e) => n + e.amount, 0);
