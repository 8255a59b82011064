import "server-only";

// The one Prisma client. Secrets are omitted from every query unless a module asks for them
// explicitly (only the sign-in check does).
import { PrismaPg } from "@prisma/adapter-pg";

import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { danBanDb?: Db };

export const db: Db = globalForDb.danBanDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.danBanDb = db;
