// Rate limits kept in PostgreSQL (rate-limiter-flexible's Prisma store), so that they hold across
// every app instance behind a load balancer, not per process.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { db } from "@/lib/db";
import { rateLimited } from "@/lib/errors";

type LimitName = "signIn" | "signInIp" | "register" | "oneTimeCode" | "opinion" | "reaction" | "vote" | "receiptCheck" | "report" | "photo";

/** points per duration (seconds); blockDuration keeps a key blocked after it runs out. */
const LIMITS: Record<LimitName, { points: number; duration: number; blockDuration?: number }> = {
  signIn: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 }, // per account
  signInIp: { points: 50, duration: 15 * 60 }, // per address
  register: { points: 5, duration: 60 * 60 },
  oneTimeCode: { points: 3, duration: 10 * 60 },
  opinion: { points: 10, duration: 10 * 60 },
  reaction: { points: 60, duration: 60 },
  vote: { points: 30, duration: 60 },
  receiptCheck: { points: 20, duration: 60, blockDuration: 5 * 60 }, // per address: codes cannot be tried in bulk
  photo: { points: 10, duration: 60 * 60 },
  report: { points: 20, duration: 60 * 60 },
};

const limiters = new Map<LimitName, RateLimiterPrisma>();

function limiter(name: LimitName): RateLimiterPrisma {
  let l = limiters.get(name);
  if (!l) {
    l = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: name,
      clearExpiredByTimeout: false,
      ...LIMITS[name],
    });
    limiters.set(name, l);
  }
  return l;
}

/** Counts one attempt; throws a 429 AppError naming the wait when the limit is used up. */
export async function consumeRateLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw rateLimited(Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

/** Forgets the attempts of a key, e.g. after a successful sign-in. */
export async function resetRateLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
