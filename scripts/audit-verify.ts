// npm run audit:verify — verifies every commune's audit chain and names the first broken entry.
// Exits 1 when any chain is broken.
import { openDatabase } from "./db/database";

const database = await openDatabase();
let broken = false;
try {
  const { verifyAllChains } = await import("@/lib/oversight/verify-chain");
  const { db } = await import("@/lib/db");
  const communes = new Map((await db.commune.findMany({ select: { id: true, slug: true } })).map((c) => [c.id, c.slug]));
  for (const report of await verifyAllChains()) {
    const name = report.communeId ? (communes.get(report.communeId) ?? report.communeId) : "(platform)";
    if (report.broken) {
      broken = true;
      const why = report.broken.reason === "hashMismatch" ? "its content no longer matches its hash (edited)" : "it does not follow the entry before it (an entry was removed, inserted or edited)";
      console.log(`✗ ${name}: chain broken at entry #${report.broken.seq}: ${why}. ${report.events} entries before it verify.`);
    } else {
      console.log(`✓ ${name}: ${report.events} entries verified; head ${report.head}`);
    }
  }
  await db.$disconnect();
} finally {
  await database.stop();
}
process.exit(broken ? 1 : 0);
