// Rate limits kept in PostgreSQL (rate-limiter-flexible's Prisma store), so that they hold across
// every app instance behind a load balancer, not per process.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { db } from "@/lib/db";
import { rateLimited } from "@/lib/errors";

type LimitName = "signInFailures" | "signInDelay" | "signInIp" | "register" | "oneTimeCode" | "opinion" | "reaction" | "vote" | "receiptCheck" | "report" | "photo" | "emailConfirmation" | "open311";

/** points per duration (seconds); blockDuration keeps a key blocked after it runs out. */
const LIMITS: Record<LimitName, { points: number; duration: number; blockDuration?: number }> = {
  // Per account, failures slow the next attempt down (lib/auth/sign-in-delay.ts) and never lock it:
  // a lock would let anyone shut an official out by typing wrong passwords for their phone number.
  signInFailures: { points: 1_000_000, duration: 60 * 60 },
  signInDelay: { points: 1, duration: 1 },
  signInIp: { points: 50, duration: 15 * 60 }, // per address
  // Per address: registrations and text messages sent. A registration morning at the village hall,
  // with one Wi-Fi (or one carrier NAT) for the whole queue, needs dozens an hour; each phone number
  // still gets only its own few codes (oneTimeCode), and the per-address cap bounds the SMS bill.
  register: { points: 30, duration: 60 * 60 },
  oneTimeCode: { points: 3, duration: 10 * 60 },
  emailConfirmation: { points: 5, duration: 60 * 60 }, // per account: confirmation mails
  opinion: { points: 10, duration: 10 * 60 },
  reaction: { points: 60, duration: 60 },
  vote: { points: 30, duration: 60 },
  receiptCheck: { points: 20, duration: 60, blockDuration: 5 * 60 }, // per address: codes cannot be tried in bulk
  photo: { points: 10, duration: 60 * 60 },
  report: { points: 20, duration: 60 * 60 },
  // Per Open311 client key: requests filed in an hour (an app relays many residents, a script should not flood).
  open311: { points: 120, duration: 60 * 60 },
};

/** How many attempts a key has in its window: tests name the boundary by it, not by a copy. */
export const limitPoints = (name: LimitName): number => LIMITS[name].points;

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

/** Counts one event and returns how many the key has in its window (no limit applied). */
export async function countEvent(name: LimitName, key: string): Promise<number> {
  return (await limiter(name).penalty(key)).consumedPoints;
}

/** Keeps a key refused for the given seconds. */
export async function blockFor(name: LimitName, key: string, seconds: number): Promise<void> {
  await limiter(name).block(key, seconds);
}

/** Seconds until a key blocked with blockFor may go on; 0 when it is not blocked. */
export async function blockedSeconds(name: LimitName, key: string): Promise<number> {
  const res = await limiter(name).get(key);
  return res && res.consumedPoints > LIMITS[name].points && res.msBeforeNext > 0 ? Math.ceil(res.msBeforeNext / 1000) : 0;
}

/** Forgets the attempts of a key, e.g. after a successful sign-in. */
export async function resetRateLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
