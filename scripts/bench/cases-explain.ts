// A look at the public case queries on 20,000 cases (issue 12 §2 bench): seeds a fresh database with
// the bench's cases, prints EXPLAIN ANALYZE of the Open311 default list and the public list, and the
// time of each read as the routes do it. `npx tsx scripts/bench/cases-explain.ts [--keep]` (REUSE_DATABASE_URL: a database seeded before)
import { parseArgs } from "node:util";

import { createTestDatabase } from "../db/test-database";

const { values: args } = parseArgs({ options: { keep: { type: "boolean", default: false }, households: { type: "string", default: "200" } } });
const reuse = process.env.REUSE_DATABASE_URL;
const database = reuse ? { url: reuse, name: reuse, drop: async () => {} } : await createTestDatabase("danban_cases_explain");
process.env.DATABASE_URL = database.url;
try {
  const { db } = await import("@/lib/db");
  const { seed } = await import("../../prisma/seed/seed");
  const { seedBulkCases } = await import("../../prisma/seed/bulk-cases");
  if (!reuse) await seed(db, { households: Number(args.households) });
  await seedBulkCases(db, { communeSlug: "thien-tin", count: 20_000 });
  const commune = await db.commune.findUniqueOrThrow({ where: { slug: "thien-tin" }, select: { id: true, slug: true, name: true } });
  const { listRequests } = await import("@/lib/open311/georeport");
  const { publicCasePage, listPublicCasePins } = await import("@/lib/cases/list-cases");
  const time = async (name: string, f: () => Promise<unknown>) => {
    await f();
    const t = performance.now();
    const n = 5;
    let size = 0;
    for (let i = 0; i < n; i++) size = JSON.stringify(await f()).length;
    console.log(`${name}: ${((performance.now() - t) / n).toFixed(1)} ms, ${(size / 1024).toFixed(0)} KB`);
  };
  await time("open311 default list", () => listRequests(commune, new URLSearchParams(), new Date(), "http://x"));
  await time("open311 status=open", () => listRequests(commune, new URLSearchParams("status=open"), new Date(), "http://x"));
  await time("public list page 1", () => publicCasePage(commune.id, {}, 1));
  await time("public list page 5", () => publicCasePage(commune.id, {}, 5));
  await time("public list overdue", () => publicCasePage(commune.id, { overdue: true }, 1));
  await time("public list RESOLVED", () => publicCasePage(commune.id, { state: "RESOLVED" }, 1));
  await time("pins (all)", () => listPublicCasePins(commune.id, {}));
  const explain = async (sql: string) => {
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ANALYZE ${sql}`);
    console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
  };
  const id = commune.id.replace(/'/g, "''");
  console.log("\n--- Open311 default window: cases");
  await explain(`SELECT id, number FROM "Case" WHERE "communeId" = '${id}' AND "isPublic" AND kind IN ('PETITION','FEEDBACK') AND "mergedIntoId" IS NULL AND "receivedAt" >= now() - interval '90 days' AND "receivedAt" <= now() ORDER BY "receivedAt" DESC, number DESC LIMIT 1000`);
  console.log("\n--- last public update of 1000 cases");
  await explain(`SELECT DISTINCT ON ("caseId") "caseId", body, "createdAt" FROM "CaseUpdate" WHERE "caseId" = ANY(ARRAY(SELECT id FROM "Case" WHERE "communeId" = '${id}' ORDER BY "receivedAt" DESC LIMIT 1000)) AND "isPublic" ORDER BY "caseId", "createdAt" DESC`);
  console.log("\n--- public list page 1 (count)");
  await explain(`SELECT count(*) FROM "Case" WHERE "communeId" = '${id}' AND "isPublic" AND kind IN ('PETITION','FEEDBACK') AND "mergedIntoId" IS NULL`);
  await db.$disconnect();
} finally {
  if (!args.keep) await database.drop();
  else console.log(`kept ${database.url}`);
}
