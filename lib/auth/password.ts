import { availableParallelism } from "node:os";

import { hash, verify } from "@node-rs/argon2";

import { AppError } from "@/lib/errors";

// Argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
//
// Each hash costs ~19 MiB and tens of milliseconds of a core, so a flood of sign-ins must not run
// them all at once: at most HASH_CONCURRENCY run together in this process (one per core), at most
// HASH_QUEUE wait, and any more are refused at once with a 503 instead of piling up memory.
export const HASH_CONCURRENCY = Math.max(1, availableParallelism());
export const HASH_QUEUE = 32;

let running = 0;
const waiting: (() => void)[] = [];

export class HashingBusyError extends AppError {
  constructor() {
    super("serverBusy", 503);
  }
}

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) {
    if (waiting.length >= HASH_QUEUE) throw new HashingBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, or is given back.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export const hashPassword = (password: string) => withHashSlot(() => hash(password));

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withHashSlot(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

/** For tests: how many hashes run and wait now. */
export const hashingLoad = () => ({ running, waiting: waiting.length });
