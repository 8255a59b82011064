import "server-only";

// The one Prisma client. Secrets are omitted from every query unless a module asks for them
// explicitly (only the sign-in check does).
import { PrismaPg } from "@prisma/adapter-pg";

import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  // Every connection acts as the app's role, which may add to the audit log but never rewrite it
  // (migration audit_sealed_private). The embedded PostgreSQL has one user and ignores it.
  const options = env.DATABASE_APP_ROLE ? `-c role=${env.DATABASE_APP_ROLE}` : undefined;
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, options });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { danBanDb?: Db };

export const db: Db = globalForDb.danBanDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.danBanDb = db;
