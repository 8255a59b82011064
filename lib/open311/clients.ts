// Open311 clients of a commune: staff (STAFF, LEADER, ADMIN) create one per app or dashboard and
// revoke it; the API key is shown once and only its SHA-256 digest is stored. A key is 32 random
// bytes (256 bits), so a fast digest is enough: nobody can guess one to try against the digest.
import { createHash, randomBytes } from "node:crypto";

import type { CommuneAccess } from "@/lib/auth/authorize";
import type { Role } from "@/lib/generated/prisma/enums";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { appendAudit } from "@/lib/oversight/audit";

/** Who manages Open311 clients: the commune's staff, leaders and administrators. */
export const OPEN311_CLIENT_ROLES: readonly Role[] = STAFF_ROLES;

const KEY_PREFIX = "o311_";

export const digestKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/** Creates a client; returns its key, the only time anyone sees it. */
export async function createOpen311Client(access: CommuneAccess, input: { name: string; contact: string | null }) {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const client = await tx.open311Client.create({
      data: { communeId: access.communeId, name: input.name, contact: input.contact, keyPrefix: key.slice(0, KEY_PREFIX.length + 6), keyHash: digestKey(key), createdById: access.userId },
      select: { id: true, name: true, keyPrefix: true },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "open311.client.create",
      entityType: "Open311Client",
      entityId: client.id,
      after: { name: input.name, contact: input.contact, keyPrefix: client.keyPrefix },
      details: { name: input.name },
    });
    return { id: client.id, name: client.name, key };
  });
}

/** Revokes a client of the caller's commune (another commune's client does not exist for them). */
export async function revokeOpen311Client(access: CommuneAccess, clientId: string) {
  return db.$transaction(async (tx) => {
    const client = await tx.open311Client.findFirst({ where: { id: clientId, communeId: access.communeId }, select: { id: true, name: true, revokedAt: true } });
    if (!client) throw notFound();
    if (client.revokedAt) return { id: client.id, revokedAt: client.revokedAt };
    const revokedAt = new Date();
    await tx.open311Client.update({ where: { id: client.id }, data: { revokedAt, revokedById: access.userId } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "open311.client.revoke",
      entityType: "Open311Client",
      entityId: client.id,
      before: { revokedAt: null },
      after: { revokedAt },
      details: { name: client.name },
    });
    return { id: client.id, revokedAt };
  });
}

export function listOpen311Clients(communeId: string) {
  return db.open311Client.findMany({
    where: { communeId },
    select: { id: true, name: true, contact: true, keyPrefix: true, createdAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** The live client holding `key`, if any (revoked keys and unknown keys alike: null). */
export async function clientForKey(key: string | null | undefined) {
  if (!key || !key.startsWith(KEY_PREFIX) || key.length > 100) return null;
  return db.open311Client.findFirst({ where: { keyHash: digestKey(key), revokedAt: null }, select: { id: true, communeId: true, name: true } });
}
