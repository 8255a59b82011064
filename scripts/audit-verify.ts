// npm run audit:verify — verifies every commune's audit chain and names the first broken entry.
// Exits 1 when any chain is broken, or when an event has waited for the sealer longer than a few
// seconds (a sealer that is not running).
//
// npm run audit:verify -- --from https://danban.example.vn --commune thien-tin [--head <hash>]
// verifies one chain from outside, with nothing but the public routes: every sealed entry's hash
// recomputed from its public form, each linked to the one before, up to the published head (or to
// a head noted down earlier, which must still be on the chain).
import { parseArgs } from "node:util";

import { openDatabase } from "./db/database";

const { values } = parseArgs({ options: { from: { type: "string" }, commune: { type: "string" }, head: { type: "string" } } });

async function verifyFromOutside(site: string, slug: string | undefined, noted: string | undefined): Promise<boolean> {
  const { walkChain } = await import("@/lib/oversight/public-chain");
  const chainParam = slug ? `commune=${encodeURIComponent(slug)}` : "";
  const get = async (path: string) => {
    const response = await fetch(new URL(path, site));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  };
  const head = (await get(`/api/audit/head?${chainParam}`)) as { hash: string; events: number };
  let state: ReturnType<typeof walkChain> = { events: 0, head: "0".repeat(64), broken: null };
  let sawNoted = noted === undefined || noted === state.head;
  for (let after = "0"; ; ) {
    const page = (await get(`/api/audit/events?${chainParam}&after=${after}`)) as { events: Parameters<typeof walkChain>[0]; next: string | null };
    state = walkChain(page.events, state);
    if (noted && page.events.some((e) => e.hash === noted)) sawNoted = true;
    if (state.broken || !page.next) break;
    after = page.next;
  }
  const name = slug ?? "(platform)";
  if (state.broken) {
    console.log(`✗ ${name}: chain broken at entry #${state.broken.seq} (${state.broken.reason}). ${state.events} entries before it verify.`);
    return false;
  }
  // Entries sealed while we walked may take us past the head fetched first; it must be on the way.
  if (state.events < head.events) {
    console.log(`✗ ${name}: the published head (${head.events} entries) is beyond the ${state.events} entries served.`);
    return false;
  }
  if (!sawNoted) {
    console.log(`✗ ${name}: the head noted earlier (${noted}) is not on the chain any more.`);
    return false;
  }
  console.log(`✓ ${name}: ${state.events} entries verified from ${site}; head ${state.head}`);
  return true;
}

async function verifyDatabase(): Promise<boolean> {
  const database = await openDatabase();
  let ok = true;
  try {
    const { isStale, verifyAllChains } = await import("@/lib/oversight/verify-chain");
    const { db } = await import("@/lib/db");
    const communes = new Map((await db.commune.findMany({ select: { id: true, slug: true } })).map((c) => [c.id, c.slug]));
    for (const report of await verifyAllChains()) {
      const name = report.communeId ? (communes.get(report.communeId) ?? report.communeId) : "(platform)";
      if (report.broken) {
        ok = false;
        const why = {
          hashMismatch: "its content no longer matches its hash (edited)",
          brokenLink: "it does not follow the entry before it (an entry was removed, inserted or edited)",
          headMismatch: "the published head is not the end of the chain",
        }[report.broken.reason];
        console.log(`✗ ${name}: chain broken at entry #${report.broken.seq}: ${why}. ${report.events} entries before it verify.`);
      } else if (isStale(report)) {
        ok = false;
        console.log(`✗ ${name}: ${report.waiting} entries not sealed, the oldest since ${report.oldestWaitingAt!.toISOString()} (is the sealer running?)`);
      } else {
        const waiting = report.waiting ? ` (${report.waiting} being sealed)` : "";
        console.log(`✓ ${name}: ${report.events} entries verified; head ${report.head}${waiting}`);
      }
    }
    await db.$disconnect();
  } finally {
    await database.stop();
  }
  return ok;
}

const ok = values.from ? await verifyFromOutside(values.from, values.commune, values.head) : await verifyDatabase();
process.exit(ok ? 0 : 1);
