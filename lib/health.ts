import { type Db, db } from "@/lib/db";

const TIMEOUT_MS = 2000;

export async function checkHealth(client: Pick<Db, "$queryRaw"> = db) {
  const started = Date.now();
  try {
    await Promise.race([
      client.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS)),
    ]);
    return { status: "ok" as const, database: { status: "up" as const, latencyMs: Date.now() - started } };
  } catch (error) {
    return {
      status: "error" as const,
      database: { status: "down" as const, error: error instanceof Error ? error.message.split("\n")[0] : "unknown" },
    };
  }
}
