// One app instance at a time sets the job queue up. pg-boss creates its schema and queues with DDL
// (partitions, foreign keys) that deadlocks when two instances start at the same moment, as they do
// behind a load balancer after a deploy; a PostgreSQL advisory lock, held on a connection of its own
// for the duration, makes the others wait their turn instead.
import pg from "pg";

const LOCK_KEY = "danban:scheduler-setup";

export async function withSetupLock<T>(connectionString: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [LOCK_KEY]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext($1))", [LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
