// The ledger's sums (issue 13 §2): a PROPERTY test. Whatever households, receipts and corrections, and
// in whatever order they were entered, each village's total equals the sum of its households' records,
// and a reversed receipt adds nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { byHousehold, byMonth, byVillage, type LedgerEntry, total } from "./ledger";

const VILLAGES = ["v1", "v2", "v3"];
const household = fc.record({ id: fc.uuid(), villageId: fc.constantFrom(...VILLAGES) });
const receipt = fc.record({ amount: fc.integer({ min: 1, max: 5_000_000 }), day: fc.integer({ min: 1, max: 360 }), reversed: fc.boolean() });

/** Receipts for households, each maybe followed by its reversing entry; then shuffled. */
const ledger = fc
  .array(fc.tuple(household, fc.array(receipt, { maxLength: 6 })), { minLength: 1, maxLength: 25 })
  .chain((rows) => {
    const entries: LedgerEntry[] = [];
    for (const [h, receipts] of rows) {
      for (const r of receipts) {
        const receivedOn = new Date(Date.UTC(2026, 0, r.day)).toISOString().slice(0, 10);
        entries.push({ householdId: h.id, villageId: h.villageId, amount: r.amount, receivedOn });
        if (r.reversed) entries.push({ householdId: h.id, villageId: h.villageId, amount: -r.amount, receivedOn: "2026-12-31" });
      }
    }
    return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }).map((shuffled) => ({ rows, entries, shuffled }));
  });

describe("ledger sums", () => {
  it("per-village totals equal the sum of household records, whatever the order of entry and correction", () => {
    fc.assert(
      fc.property(ledger, ({ rows, entries, shuffled }) => {
        const villageOf = new Map(rows.map(([h]) => [h.id, h.villageId]));
        const households = byHousehold(shuffled);
        const fromHouseholds = new Map<string, number>();
        for (const [id, amount] of households) fromHouseholds.set(villageOf.get(id)!, (fromHouseholds.get(villageOf.get(id)!) ?? 0) + amount);
        const villages = byVillage(shuffled);
        for (const v of VILLAGES) expect(villages.get(v) ?? 0).toBe(fromHouseholds.get(v) ?? 0);
        // Order does not matter, and the months add up to the same total.
        expect(byVillage(entries)).toEqual(villages);
        expect(byMonth(shuffled).reduce((n, m) => n + m.amount, 0)).toBe(total(entries));
        // A household's net is its receipts that were not reversed.
        for (const [h] of rows) {
          const own = rows.filter(([x]) => x.id === h.id).flatMap(([, r]) => r);
          expect(households.get(h.id) ?? 0).toBe(own.filter((r) => !r.reversed).reduce((n, r) => n + r.amount, 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("groups by the month the money was received", () => {
    const e = (amount: number, receivedOn: string): LedgerEntry => ({ householdId: "h", villageId: "v", amount, receivedOn });
    expect(byMonth([e(500, "2026-03-31"), e(200, "2026-04-01"), e(-500, "2026-04-02")])).toEqual([
      { month: "2026-03", amount: 500 },
      { month: "2026-04", amount: -300 },
    ]);
  });
});
