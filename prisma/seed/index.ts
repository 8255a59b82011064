// npm run db:seed [-- --households N] — loads the demo communes into DATABASE_URL, or into the
// embedded database when it is unset. Running it again adds nothing.
import { parseArgs } from "node:util";

import { openDatabase } from "../../scripts/db/database";

const { values } = parseArgs({ options: { households: { type: "string", default: "4500" } } });
const households = Number(values.households);
if (!Number.isInteger(households) || households < 20 || households > 200_000) {
  console.error("--households must be a whole number between 20 and 200000");
  process.exit(2);
}

const database = await openDatabase();
const started = Date.now();
try {
  const { db } = await import("@/lib/db");
  const { seed } = await import("./seed");
  await seed(db, { households, log: (line) => console.log(line) });
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await db.$disconnect();
} finally {
  await database.stop();
}
