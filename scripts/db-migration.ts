// npm run db:migration -- --name add_something — writes a new migration from the change to
// prisma/schema.prisma since the last migration. Review the SQL, then run npm run db:migrate.
import { parseArgs } from "node:util";

import { startEmbeddedPostgres } from "./db/embedded";
import { createMigration } from "./db/migrations";

const { values } = parseArgs({ options: { name: { type: "string" } } });
if (!values.name) {
  console.error("Usage: npm run db:migration -- --name <what_changed>");
  process.exit(2);
}
// The engine needs a connection even to diff two schemas: a throwaway in-memory database serves.
const scratch = await startEmbeddedPostgres({ dataDir: "memory://", port: 54390 + Math.floor(Math.random() * 9) });
try {
  const dir = await createMigration(values.name, scratch.url);
  console.log(dir ? `Wrote ${dir}/migration.sql` : "No changes to prisma/schema.prisma since the last migration.");
} finally {
  await scratch.stop();
}
