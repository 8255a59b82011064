// Verifying the audit chain: recompute every event's hash from its fields and check that each one
// names its predecessor's hash. The first event that fails is named, with why.
import { db } from "@/lib/db";

import { GENESIS_HASH, hashEvent } from "./audit";

export type ChainBreak = { seq: string; reason: "hashMismatch" | "brokenLink" };
export type ChainReport = { communeId: string | null; events: number; head: string; broken: ChainBreak | null };

const BATCH = 5000;

const eventSelect = {
  seq: true,
  communeId: true,
  actorId: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  beforeDigest: true,
  afterDigest: true,
  details: true,
  createdAt: true,
  prevHash: true,
  hash: true,
} as const;

/** Checks one event against its predecessor's hash. */
export function checkEvent(event: Parameters<typeof hashEvent>[0] & { hash: string }, previousHash: string): ChainBreak["reason"] | null {
  if (event.prevHash !== previousHash) return "brokenLink";
  if (hashEvent(event) !== event.hash) return "hashMismatch";
  return null;
}

/** Walks one commune's chain (null: the platform chain) in order, in batches. */
export async function verifyChain(communeId: string | null): Promise<ChainReport> {
  let previous = GENESIS_HASH;
  let after = BigInt(0);
  let events = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { communeId, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
      select: eventSelect,
    });
    for (const row of rows) {
      const reason = checkEvent(row, previous);
      if (reason) return { communeId, events, head: previous, broken: { seq: row.seq.toString(), reason } };
      previous = row.hash;
      events += 1;
    }
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.seq;
  }
  return { communeId, events, head: previous, broken: null };
}

export async function verifyAllChains(): Promise<ChainReport[]> {
  const chains = await db.auditEvent.findMany({ distinct: ["communeId"], select: { communeId: true } });
  const reports: ChainReport[] = [];
  for (const { communeId } of chains) reports.push(await verifyChain(communeId));
  return reports;
}

/** The head of a commune's chain: anyone can note it down and compare it later. */
export async function getChainHead(communeId: string | null) {
  const [last, count] = await Promise.all([
    db.auditEvent.findFirst({ where: { communeId }, orderBy: { seq: "desc" }, select: { seq: true, hash: true, createdAt: true } }),
    db.auditEvent.count({ where: { communeId } }),
  ]);
  return { communeId, events: count, seq: last?.seq.toString() ?? null, hash: last?.hash ?? GENESIS_HASH, at: last?.createdAt ?? null };
}

/** One event with everything needed to recompute its hash, and whether it checks against its predecessor. */
export async function getAuditEvent(communeId: string | null, seq: bigint) {
  const event = await db.auditEvent.findFirst({ where: { communeId, seq }, select: eventSelect });
  if (!event) return null;
  const previous = await db.auditEvent.findFirst({
    where: { communeId, seq: { lt: seq } },
    orderBy: { seq: "desc" },
    select: { hash: true },
  });
  const problem = checkEvent(event, previous?.hash ?? GENESIS_HASH);
  return { event: { ...event, seq: event.seq.toString() }, recomputedHash: hashEvent(event), valid: problem === null, problem };
}
