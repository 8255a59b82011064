// Wrong passwords for one account slow its next attempt down instead of locking it: a lock-out
// would let anyone keep an official from signing in by typing wrong passwords for their phone number.
// The first FREE_FAILURES in an hour cost nothing; after that each failure makes the account wait
// 1 s, 2 s, 4 s … up to MAX_DELAY_SECONDS before the next try is even checked. The owner waits at
// most a minute; someone guessing gets about one try a minute, with no hashing work spent meanwhile.
import { blockFor, blockedSeconds, countEvent, resetRateLimit } from "@/lib/rate-limit";

export const FREE_FAILURES = 5;
export const MAX_DELAY_SECONDS = 60;

/** The wait after the n-th failure in the window. */
export function delayAfterFailures(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_FAILURES - 1));
}

/** Seconds the account must still wait before an attempt is checked; 0 when it may go on. */
export const secondsToWait = (accountKey: string) => blockedSeconds("signInDelay", accountKey);

export async function recordFailure(accountKey: string): Promise<number> {
  const delay = delayAfterFailures(await countEvent("signInFailures", accountKey));
  if (delay > 0) await blockFor("signInDelay", accountKey, delay);
  return delay;
}

export async function forgetFailures(accountKey: string): Promise<void> {
  await Promise.all([resetRateLimit("signInFailures", accountKey), resetRateLimit("signInDelay", accountKey)]);
}
