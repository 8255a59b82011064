// npm run db:seed [-- --households N] — loads the demo communes into DATABASE_URL, or into the
// embedded database when it is unset. Running it again adds nothing.
// For benchmarks: --consultations N --opinions N --votes N --reactions N add volume to xã Thiện Tín
// (--voting-unit RESIDENT|HOUSEHOLD for every question; one consultation gets all of it with 1).
import { parseArgs } from "node:util";

import { openDatabase } from "../../scripts/db/database";

const { values } = parseArgs({
  options: {
    households: { type: "string", default: "4500" },
    consultations: { type: "string", default: "0" },
    opinions: { type: "string", default: "0" },
    votes: { type: "string", default: "0" },
    reactions: { type: "string", default: "0" },
    "voting-unit": { type: "string" },
  },
});
const n = (name: Exclude<keyof typeof values, "voting-unit">, min: number, max: number) => {
  const v = Number(values[name]);
  if (!Number.isInteger(v) || v < min || v > max) {
    console.error(`--${name} must be a whole number between ${min} and ${max}`);
    process.exit(2);
  }
  return v;
};
const households = n("households", 20, 200_000);
const bulk = { consultations: n("consultations", 0, 1000), opinions: n("opinions", 0, 2_000_000), votes: n("votes", 0, 2_000_000), reactions: n("reactions", 0, 5_000_000) };

const votingUnit = values["voting-unit"];
if (votingUnit !== undefined && votingUnit !== "RESIDENT" && votingUnit !== "HOUSEHOLD") {
  console.error("--voting-unit must be RESIDENT or HOUSEHOLD");
  process.exit(2);
}

const database = await openDatabase();
const started = Date.now();
try {
  const { db } = await import("@/lib/db");
  const { seed } = await import("./seed");
  await seed(db, { households, log: (line) => console.log(line) });
  if (bulk.consultations > 0) {
    const { seedBulk } = await import("./bulk");
    console.log("bench volume");
    await seedBulk(db, { communeSlug: "thien-tin", ...bulk, votingUnit, log: (line) => console.log(line) });
  }
  // No server may be running to seal what the seed recorded: seal it before leaving.
  const { sealAllPendingAudit } = await import("@/lib/oversight/seal");
  await sealAllPendingAudit();
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await db.$disconnect();
} finally {
  await database.stop();
}
