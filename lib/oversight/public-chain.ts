// The audit log as the public sees it, and its verification from that alone: no database, no secret.
// `npm run audit:verify -- --from <site> --commune <slug>` and the server's own check share it, so an
// outside verifier runs exactly the check the commune runs.
import { GENESIS_HASH, hashEvent, type PublicFields } from "./audit";

export type PublicAuditEvent = Omit<PublicFields, "createdAt"> & {
  seq: string;
  position: string | null;
  createdAt: string;
  prevHash: string | null;
  hash: string | null;
};

/** The columns an event's hash covers (with the previous hash): the sealer reads these to chain it. */
export const hashedEventSelect = {
  seq: true,
  communeId: true,
  actor: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  details: true,
  privateDigest: true,
  createdAt: true,
} as const;

/** The columns of a public event: never actorId, the before/after digests or the salt. */
export const publicEventSelect = { ...hashedEventSelect, position: true, prevHash: true, hash: true } as const;

type PublicRow = Omit<PublicAuditEvent, "seq" | "position" | "createdAt"> & { seq: bigint; position: bigint | null; createdAt: Date };

export function toPublicEvent(row: PublicRow): PublicAuditEvent {
  return { ...row, seq: row.seq.toString(), position: row.position?.toString() ?? null, createdAt: row.createdAt.toISOString() };
}

export type ChainBreak = { seq: string; reason: "hashMismatch" | "brokenLink" | "headMismatch" };

/** Checks one sealed event against its predecessor's hash. */
export function checkEvent(event: PublicFields & { prevHash: string | null; hash: string | null }, previousHash: string): ChainBreak["reason"] | null {
  if (event.prevHash !== previousHash) return "brokenLink";
  if (event.hash === null || hashEvent({ ...event, prevHash: previousHash }) !== event.hash) return "hashMismatch";
  return null;
}

/**
 * Walks sealed events given in chain order (position 1, 2, …) from a previous state, and names the
 * first that fails. Call it page by page with the state it returns.
 */
export function walkChain(events: PublicAuditEvent[], from: { events: number; head: string } = { events: 0, head: GENESIS_HASH }) {
  let { events: count, head } = from;
  for (const event of events) {
    const reason = event.position !== String(count + 1) ? "brokenLink" : checkEvent(event, head);
    if (reason) return { events: count, head, broken: { seq: event.seq, reason } as ChainBreak };
    head = event.hash!;
    count += 1;
  }
  return { events: count, head, broken: null };
}
