// Blocking an account for abuse: with a reason and a duration, logged. A blocked account can still read
// (requireCommuneAccess refuses only writes).
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";

import { appendAudit } from "./audit";
import type { BlockAccountValues } from "./schemas";

const DAY = 24 * 60 * 60 * 1000;

export async function blockAccount(access: CommuneAccess, values: BlockAccountValues, now = new Date()) {
  if (values.userId === access.userId) throw forbidden();
  const member = await db.membership.findFirst({
    where: { userId: values.userId, communeId: access.communeId, role: "RESIDENT" },
    select: { id: true },
  });
  if (!member) throw notFound("accountNotFound");
  const endsAt = values.days ? new Date(now.getTime() + values.days * DAY) : null;
  return db.$transaction(async (tx) => {
    const block = await tx.accountBlock.create({
      data: { communeId: access.communeId, userId: values.userId, reason: values.reason, startsAt: now, endsAt, createdById: access.userId },
      select: { id: true, endsAt: true },
    });
    await notify(tx, {
      communeId: access.communeId,
      userId: values.userId,
      kind: "accountBlocked",
      params: { reason: "OTHER", until: endsAt ? endsAt.toISOString().slice(0, 10) : "" },
    });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "account.block",
      entityType: "User",
      entityId: values.userId,
      after: { reason: values.reason, endsAt },
      details: { days: values.days },
    });
    return block;
  });
}

export async function liftBlock(access: CommuneAccess, blockId: string, now = new Date()) {
  const block = await db.accountBlock.findFirst({ where: { id: blockId, communeId: access.communeId }, select: { id: true, userId: true, liftedAt: true } });
  if (!block) throw notFound("accountNotFound");
  if (block.liftedAt) throw conflict("alreadyLifted");
  return db.$transaction(async (tx) => {
    await tx.accountBlock.update({ where: { id: block.id }, data: { liftedAt: now } });
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: "account.unblock",
      entityType: "User",
      entityId: block.userId,
      after: { liftedAt: now },
    });
    return { liftedAt: now };
  });
}
