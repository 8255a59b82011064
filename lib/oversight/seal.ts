// The sealer: chains the audit events that wait (inserted unchained by appendAudit and audit_append)
// in batches, one commune at a time. Under the chain's advisory lock it reads the published head, hashes
// the waiting events in order, and hands the batch to audit_seal, which checks that it continues the
// head, stamps each event once and publishes the new head: one transaction, one flush for the batch.
// A crash before the commit seals nothing, and the next sealer (in any instance) finds the same events
// waiting. The lock makes one sealer per chain at a time across instances.
import { db } from "@/lib/db";
import { env } from "@/lib/env";

import { chainLockKey, GENESIS_HASH, hashEvent } from "./audit";
import { hashedEventSelect } from "./public-chain";

/** An event left unsealed longer than this is a fault: npm run audit:verify fails on it. */
export const SEAL_GRACE_MS = 5_000;
const BATCH = 2_000;


/** The key of a chain in AuditHead: the commune's id, "" for the platform chain. */
export const chainKey = (communeId: string | null) => communeId ?? "";

/**
 * Seals one batch of the chain's waiting events. `wait: false` gives up at once (returns null) when
 * another sealer holds the chain, as the background sealer does; on-demand sealing waits its turn.
 */
async function sealBatch(communeId: string | null, wait: boolean): Promise<number | null> {
  return db.$transaction(
    async (tx) => {
      const key = chainLockKey(communeId);
      if (wait) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key})`;
      } else {
        const [got] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${key}) AS "locked"`;
        if (!got?.locked) return null;
      }
      const head = await tx.auditHead.findUnique({ where: { chain: chainKey(communeId) }, select: { hash: true } });
      const waiting = await tx.auditEvent.findMany({ where: { communeId, hash: null }, orderBy: { seq: "asc" }, take: BATCH, select: hashedEventSelect });
      if (waiting.length === 0) return 0;
      const headHash = head?.hash ?? GENESIS_HASH;
      const prevHashes: string[] = [];
      const hashes: string[] = [];
      let previous = headHash;
      for (const event of waiting) {
        prevHashes.push(previous);
        previous = hashEvent({ ...event, prevHash: previous });
        hashes.push(previous);
      }
      const seqs = waiting.map((e) => e.seq.toString());
      await tx.$queryRaw`SELECT "audit_seal"(${communeId}, ${headHash}, ${seqs}::text[]::bigint[], ${prevHashes}::text[], ${hashes}::text[])::text AS "sealed"`;
      return waiting.length;
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}

/** Seals every event of the chain that waits now (waiting for another sealer to finish first). Returns how many. */
export async function sealPendingAudit(communeId: string | null): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = (await sealBatch(communeId, true)) ?? 0;
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

/** The chains that have events waiting. */
async function waitingChains(): Promise<(string | null)[]> {
  const rows = await db.$queryRaw<{ communeId: string | null }[]>`SELECT DISTINCT "communeId" FROM "AuditEvent" WHERE "hash" IS NULL`;
  return rows.map((r) => r.communeId);
}

/** Seals every chain (scripts call it before they exit, tests before they read a chain). */
export async function sealAllPendingAudit(): Promise<number> {
  let total = 0;
  for (const communeId of await waitingChains()) total += await sealPendingAudit(communeId);
  return total;
}

/** One round of the background sealer: each chain that waits and that no other instance is sealing. */
async function sealRound() {
  for (const communeId of await waitingChains()) {
    while ((await sealBatch(communeId, false)) === BATCH);
  }
}

const globalForSealer = globalThis as unknown as { danBanSealer?: { stop: () => void } };

/** Starts the background sealer of this instance (instrumentation.ts). */
export function startAuditSealer(intervalMs = env.AUDIT_SEAL_INTERVAL_MS) {
  if (globalForSealer.danBanSealer) return globalForSealer.danBanSealer;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await sealRound();
    } catch (error) {
      // Nothing is lost: the events wait for the next round (or another instance).
      console.error("[audit sealer]", error);
    }
    // unref: the sealer never keeps a process alive on its own.
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  timer = setTimeout(tick, intervalMs).unref();
  const sealer = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      globalForSealer.danBanSealer = undefined;
    },
  };
  globalForSealer.danBanSealer = sealer;
  return sealer;
}
