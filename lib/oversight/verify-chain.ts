// Verifying the audit chain from the database: the check anyone can run on the public data
// (./public-chain.ts), walked in chain order, plus what only the database shows: the published head
// agrees with the chain, and no event has waited for the sealer longer than it should.
import { db } from "@/lib/db";

import { GENESIS_HASH, hashEvent } from "./audit";
import { type ChainBreak, checkEvent, publicEventSelect, toPublicEvent, walkChain } from "./public-chain";
import { chainKey, SEAL_GRACE_MS } from "./seal";

export type { ChainBreak } from "./public-chain";
export { checkEvent } from "./public-chain";

export type ChainReport = {
  communeId: string | null;
  events: number;
  head: string;
  broken: ChainBreak | null;
  /** Events not yet sealed, and when the oldest was written. */
  waiting: number;
  oldestWaitingAt: Date | null;
};

const BATCH = 5000;

/** Whether the report shows an event left unsealed past the grace period (a sealer that is not running). */
export const isStale = (report: ChainReport, now = new Date()) =>
  report.oldestWaitingAt !== null && now.getTime() - report.oldestWaitingAt.getTime() > SEAL_GRACE_MS;

async function waitingIn(communeId: string | null) {
  const [row] = await db.$queryRaw<{ count: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS "count", min("createdAt") AS "oldest" FROM "AuditEvent" WHERE "communeId" IS NOT DISTINCT FROM ${communeId} AND "hash" IS NULL`;
  return { waiting: row?.count ?? 0, oldestWaitingAt: row?.oldest ?? null };
}

/** Walks one commune's chain (null: the platform chain) in order, in batches. */
export async function verifyChain(communeId: string | null): Promise<ChainReport> {
  let state: ReturnType<typeof walkChain> = { events: 0, head: GENESIS_HASH, broken: null };
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { communeId, position: { gt: BigInt(state.events) } },
      orderBy: { position: "asc" },
      take: BATCH,
      select: publicEventSelect,
    });
    state = walkChain(rows.map(toPublicEvent), state);
    if (state.broken || rows.length < BATCH) break;
  }
  const waiting = await waitingIn(communeId);
  if (!state.broken) {
    // A sealed event beyond the walk (a gap in positions, a removed row) or a head that says otherwise.
    const [beyond, published] = await Promise.all([
      db.auditEvent.findFirst({ where: { communeId, position: { gt: BigInt(state.events) } }, orderBy: { position: "asc" }, select: { seq: true } }),
      db.auditHead.findUnique({ where: { chain: chainKey(communeId) }, select: { hash: true, seq: true } }),
    ]);
    if (beyond) state = { ...state, broken: { seq: beyond.seq.toString(), reason: "brokenLink" } };
    else if ((published?.hash ?? GENESIS_HASH) !== state.head) {
      state = { ...state, broken: { seq: published?.seq.toString() ?? "0", reason: "headMismatch" } };
    }
  }
  return { communeId, ...state, ...waiting };
}

export async function verifyAllChains(): Promise<ChainReport[]> {
  const chains = await db.auditEvent.findMany({ distinct: ["communeId"], select: { communeId: true } });
  const reports: ChainReport[] = [];
  for (const { communeId } of chains) reports.push(await verifyChain(communeId));
  return reports;
}

/** The head of a commune's chain as the sealer published it: anyone can note it down and compare it later. */
export async function getChainHead(communeId: string | null) {
  const head = await db.auditHead.findUnique({ where: { chain: chainKey(communeId) }, select: { position: true, seq: true, hash: true, sealedAt: true } });
  return {
    communeId,
    events: Number(head?.position ?? 0),
    seq: head?.seq.toString() ?? null,
    hash: head?.hash ?? GENESIS_HASH,
    at: head?.sealedAt ?? null,
  };
}

/** One event in its public form, the hash recomputed, and whether it checks against its predecessor. */
export async function getAuditEvent(communeId: string | null, seq: bigint) {
  const row = await db.auditEvent.findFirst({ where: { communeId, seq }, select: publicEventSelect });
  if (!row) return null;
  const event = toPublicEvent(row);
  if (row.position === null) return { event, sealed: false, recomputedHash: null, valid: null, problem: null };
  const previous =
    row.position > BigInt(1)
      ? await db.auditEvent.findFirst({ where: { communeId, position: row.position - BigInt(1) }, select: { hash: true } })
      : { hash: GENESIS_HASH };
  const problem = previous?.hash ? checkEvent(event, previous.hash) : "brokenLink";
  return { event, sealed: true, recomputedHash: hashEvent({ ...event, prevHash: event.prevHash! }), valid: problem === null, problem };
}

/** Sealed public events of a chain in chain order, after a position: what an outside verifier reads. */
export async function listChainEvents(communeId: string | null, after: bigint, take: number) {
  const rows = await db.auditEvent.findMany({ where: { communeId, position: { gt: after } }, orderBy: { position: "asc" }, take, select: publicEventSelect });
  return rows.map(toPublicEvent);
}
