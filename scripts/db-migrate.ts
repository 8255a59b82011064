// npm run db:migrate — applies the migrations in prisma/migrations to DATABASE_URL, or to the
// embedded database when it is unset. The same as `prisma migrate deploy`, without the native engine.
import { openDatabase } from "./db/database";
import { applyMigrations } from "./db/migrations";

const db = await openDatabase();
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "The database is up to date.");
} finally {
  await db.stop();
}
