// Residents' rights over their personal data (Law 91/2025, Decree 356/2025): see and download
// everything held, correct it, and ask for deletion, answered within 2 working days. Deletion
// anonymises: opinions keep their text without the identity, votes stay counted but unlinked.
import { randomBytes } from "node:crypto";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { DataRequestKind } from "@/lib/generated/prisma/enums";
import { sendConfirmation } from "@/lib/email-confirmation/send";
import { issueConfirmation } from "@/lib/email-confirmation/tokens";
import { getMailer, type Mailer } from "@/lib/notifications/mailer";
import { appendAudit } from "@/lib/oversight/audit";
import { readSettings } from "@/lib/settings";

import { assertDisplayNameAllowed } from "./display-name";
import { eraseLinks } from "./erase-links";
import { exportLinkedRecords } from "./export-linked";
import { addWorkingDays } from "./working-days";

export const ANONYMOUS_NAME = "Người dân (đã ẩn danh)";

/** Everything held about a person, as one JSON document they can download. */
export async function exportMyData(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      displayName: true,
      phone: true,
      email: true,
      phoneVerifiedAt: true,
      locale: true,
      emailOptOut: true,
      emailDigest: true,
      createdAt: true,
      memberships: {
        select: {
          role: true,
          status: true,
          verificationMethod: true,
          verifiedAt: true,
          claimedName: true,
          claimedBirthYear: true,
          createdAt: true,
          commune: { select: { name: true, slug: true } },
          resident: { select: { fullName: true, birthYear: true, household: { select: { code: true, address: true } }, village: { select: { name: true } } } },
        },
      },
      consents: { select: { purpose: true, textVersion: true, givenAt: true, withdrawnAt: true } },
    },
  });
  const [opinions, reactions, reports, appeals, votes, notifications, requests, blocks] = await Promise.all([
    db.opinion.findMany({
      where: { authorId: userId },
      select: {
        number: true,
        body: true,
        stance: true,
        lat: true,
        lng: true,
        channel: true,
        moderationState: true,
        createdAt: true,
        editedAt: true,
        consultation: { select: { title: true } },
        revisions: { select: { body: true, writtenAt: true } },
        answer: { select: { kind: true, body: true, answeredAt: true } },
      },
    }),
    db.reaction.findMany({ where: { userId }, select: { kind: true, createdAt: true, opinion: { select: { number: true, consultation: { select: { title: true } } } } } }),
    db.opinionReport.findMany({ where: { reporterId: userId }, select: { reason: true, details: true, createdAt: true, opinion: { select: { number: true } } } }),
    db.moderationAppeal.findMany({ where: { authorId: userId }, select: { body: true, status: true, decisionNote: true, createdAt: true, opinion: { select: { number: true } } } }),
    db.vote.findMany({
      where: { userId },
      select: {
        receiptCode: true,
        channel: true,
        createdAt: true,
        updatedAt: true,
        question: { select: { text: true } },
        choices: { select: { option: { select: { label: true } } } },
      },
    }),
    db.notification.findMany({ where: { userId }, select: { title: true, body: true, createdAt: true, readAt: true } }),
    db.dataRequest.findMany({ where: { userId }, select: { kind: true, status: true, details: true, dueAt: true, resolvedAt: true, resolution: true, createdAt: true } }),
    db.accountBlock.findMany({ where: { userId }, select: { reason: true, startsAt: true, endsAt: true, liftedAt: true } }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: user,
    opinions,
    reactions,
    reports,
    appeals,
    votes: votes.map((v) => ({ ...v, choices: v.choices.map((c) => c.option.label) })),
    notifications,
    dataRequests: requests,
    blocks,
    ...(await exportLinkedRecords(userId, user.phone)),
  };
}

async function openRequest(
  tx: Tx,
  input: { userId: string; communeId: string; kind: DataRequestKind; details: string | null; now: Date },
) {
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: input.communeId }, select: { settings: true } });
  const dueAt = addWorkingDays(input.now, 2, readSettings(commune.settings).extraHolidays);
  const request = await tx.dataRequest.create({
    data: { communeId: input.communeId, userId: input.userId, kind: input.kind, details: input.details, dueAt },
    select: { id: true, dueAt: true, kind: true, status: true },
  });
  await appendAudit(tx, {
    communeId: input.communeId,
    actorId: input.userId,
    actorRole: "RESIDENT",
    action: `dataRequest.${input.kind.toLowerCase()}`,
    entityType: "DataRequest",
    entityId: request.id,
    after: { kind: input.kind, dueAt },
  });
  return request;
}

/** A correction the person cannot make alone (a verified name, year of birth, household) or a deletion. */
export async function requestDataChange(
  userId: string,
  communeId: string,
  kind: "CORRECTION" | "DELETION",
  details: string | null,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    // One open deletion at a time: lock the person's row so two clicks cannot open two.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (kind === "DELETION") {
      const open = await tx.dataRequest.findFirst({ where: { userId, kind: "DELETION", status: "OPEN" }, select: { id: true } });
      if (open) throw conflict("deletionAlreadyRequested");
    }
    return openRequest(tx, { userId, communeId, kind, details, now });
  });
}

/**
 * What a person may correct at once: the public name and the email. A new email is unconfirmed until
 * its link is opened (lib/email-confirmation): the link goes out after the change is saved.
 */
export async function correctMyDetails(
  userId: string,
  communeId: string,
  values: { displayName: string; email: string | null; emailOptOut?: boolean },
  now = new Date(),
  mailer: Mailer | null = getMailer(),
) {
  const { after, token, locale } = await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true, email: true, emailOptOut: true, locale: true } });
    await assertDisplayNameAllowed(tx, userId, communeId, before.displayName, values.displayName);
    const changed = values.email !== before.email;
    const after = await tx.user
      .update({ where: { id: userId }, data: { ...values, ...(changed ? { emailVerifiedAt: null } : {}) }, select: { displayName: true, email: true, emailOptOut: true } })
      .catch((e: { code?: string }) => {
        if (e.code === "P2002") throw new AppError("emailTaken", 409, {}, { email: "emailTaken" });
        throw e;
      });
    await appendAudit(tx, {
      communeId,
      actorId: userId,
      actorRole: "RESIDENT",
      action: "user.correct",
      entityType: "User",
      entityId: userId,
      before: { displayName: before.displayName, email: before.email, emailOptOut: before.emailOptOut },
      after,
    });
    const token = changed && after.email ? await issueConfirmation(tx, userId, after.email, now) : null;
    return { after, token, locale: before.locale };
  });
  const confirmationSent = token && after.email ? await sendConfirmation(after.email, token, locale, mailer) : false;
  return { ...after, confirmationSent };
}

/** Drops the identity, keeps the contributions: the text of opinions, and votes counted but unlinked. */
export async function anonymiseUser(tx: Tx, userId: string, now = new Date()) {
  const { phone } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { phone: true } });
  // Reactions, reports, appeals, text messages, codes, follows, votes: lib/people/erase-links.ts.
  await eraseLinks(tx, { userId, phone });
  await tx.user.update({
    where: { id: userId },
    data: {
      name: ANONYMOUS_NAME,
      displayName: ANONYMOUS_NAME,
      phone: null,
      email: null,
      phoneVerifiedAt: null,
      passwordHash: await hashPassword(randomBytes(32).toString("base64")),
      anonymisedAt: now,
    },
  });
  await tx.opinion.updateMany({
    where: { authorId: userId },
    data: { authorId: null, residentId: null, householdId: null, displayName: ANONYMOUS_NAME, anonymisedAt: now },
  });
  await tx.membership.updateMany({
    where: { userId },
    data: { status: "REJECTED", residentId: null, claimedName: null, claimedBirthYear: null, rejectionReason: "anonymised" },
  });
  await tx.consentRecord.updateMany({ where: { userId, withdrawnAt: null }, data: { withdrawnAt: now } });
  await tx.notification.deleteMany({ where: { userId } });
}

/** Staff close a request; closing a deletion as done anonymises the person in the same transaction. */
export async function resolveDataRequest(
  access: CommuneAccess,
  values: { requestId: string; status: "DONE" | "REFUSED"; resolution: string },
  now = new Date(),
) {
  const request = await db.dataRequest.findFirst({
    where: { id: values.requestId, communeId: access.communeId },
    select: { id: true, userId: true, kind: true, status: true },
  });
  if (!request) throw notFound("requestNotFound");
  if (request.status !== "OPEN") throw conflict("requestClosed");
  return db.$transaction(async (tx) => {
    const { count } = await tx.dataRequest.updateMany({
      where: { id: request.id, status: "OPEN" },
      data: { status: values.status, resolution: values.resolution, resolvedAt: now, resolvedById: access.userId },
    });
    if (count !== 1) throw conflict("requestClosed");
    if (request.kind === "DELETION" && values.status === "DONE") await anonymiseUser(tx, request.userId, now);
    await appendAudit(tx, {
      communeId: access.communeId,
      actorId: access.userId,
      actorRole: access.actingRole,
      action: request.kind === "DELETION" && values.status === "DONE" ? "user.anonymise" : "dataRequest.resolve",
      entityType: "DataRequest",
      entityId: request.id,
      after: { status: values.status, resolution: values.resolution },
      details: { kind: request.kind, status: values.status },
    });
    return { status: values.status };
  });
}

export const listDataRequests = (communeId: string) =>
  db.dataRequest.findMany({
    where: { communeId },
    select: {
      id: true,
      kind: true,
      status: true,
      details: true,
      dueAt: true,
      createdAt: true,
      resolvedAt: true,
      resolution: true,
      userId: true,
    },
    orderBy: [{ status: "asc" }, { dueAt: "asc" }],
    take: 500,
  });
