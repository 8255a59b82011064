// Reading cases: the public list and map (public petitions and feedback only, ./classification.ts),
// a case page as its sender or the public see it, the staff list and page (the denouncer hidden from
// all but the handler), and the Front's page (overdue and reopened cases).
import { db } from "@/lib/db";
import type { CaseKind, CaseState, Prisma } from "@/lib/generated/prisma/client";

import { publicCaseWhere, withSenderFor } from "./classification";
import { lateness, overdueWhere } from "./clocks";

export type CaseFilters = { categoryId?: string | null; state?: CaseState | null; villageId?: string | null; overdue?: boolean };

// Each filter its own AND term: "overdue" is itself a condition on the state, and must not replace the
// state asked for.
function filterWhere(filters: CaseFilters, now: Date): Prisma.CaseWhereInput {
  return {
    AND: [
      filters.categoryId ? { categoryId: filters.categoryId } : {},
      filters.state ? { state: filters.state } : {},
      filters.villageId ? { villageId: filters.villageId } : {},
      filters.overdue ? overdueWhere(now) : {},
    ],
  };
}

const listSelect = {
  id: true,
  number: true,
  kind: true,
  state: true,
  title: true,
  lat: true,
  lng: true,
  villageId: true,
  receivedAt: true,
  replyDueAt: true,
  repliedAt: true,
  resolveDueAt: true,
  expectedResolvedAt: true,
  resolvedAt: true,
  mergedIntoId: true,
  reopenCount: true,
  category: { select: { name: true, nameEn: true } },
} as const;

/** Cases on one page of the public list. */
export const PAGE_SIZE = 20;

/** Public cases, newest first, with whether each is overdue. Never a complaint or a denunciation. */
export async function listPublicCases(communeId: string, filters: CaseFilters = {}, now = new Date(), page = 1) {
  const rows = await db.case.findMany({
    where: { AND: [publicCaseWhere(communeId), filterWhere(filters, now)] },
    select: listSelect,
    orderBy: { number: "desc" },
    take: PAGE_SIZE,
    skip: (Math.max(1, page) - 1) * PAGE_SIZE,
  });
  return rows.map((r) => ({ ...r, late: lateness(r, now) }));
}

/** One page of the public list and how many pages the filters give (at least one, even when empty). */
export async function publicCasePage(communeId: string, filters: CaseFilters = {}, page = 1, now = new Date()) {
  const where = { AND: [publicCaseWhere(communeId), filterWhere(filters, now)] };
  const [total, cases] = await Promise.all([db.case.count({ where }), listPublicCases(communeId, filters, now, page)]);
  return { cases, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/**
 * The public map's pins, compact: each pin is [number, lat, lng, state, kind, category, overdue 0/1],
 * the state, kind and category as indexes into the lists beside (category -1 for none). Nothing the map
 * does not draw (no title, text or sender).
 */
export type CasePins = { states: CaseState[]; kinds: CaseKind[]; categories: string[]; pins: [number, number, number, number, number, number, 0 | 1][] };

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Every public case with a map point (same filters as the list), in the compact form of CasePins. */
export async function listPublicCasePins(communeId: string, filters: CaseFilters = {}, now = new Date()): Promise<CasePins> {
  const rows = await db.case.findMany({
    where: { AND: [publicCaseWhere(communeId), filterWhere(filters, now), { lat: { not: null }, lng: { not: null } }] },
    select: {
      number: true,
      state: true,
      kind: true,
      categoryId: true,
      lat: true,
      lng: true,
      mergedIntoId: true,
      replyDueAt: true,
      repliedAt: true,
      resolveDueAt: true,
      expectedResolvedAt: true,
    },
    orderBy: { number: "desc" },
  });
  const index = <T>(list: T[], at: Map<T, number>, value: T) => at.get(value) ?? (list.push(value), at.set(value, list.length - 1), list.length - 1);
  const out: CasePins = { states: [], kinds: [], categories: [], pins: [] };
  const at = { states: new Map<CaseState, number>(), kinds: new Map<CaseKind, number>(), categories: new Map<string, number>() };
  for (const r of rows) {
    out.pins.push([
      r.number,
      round5(r.lat!),
      round5(r.lng!),
      index(out.states, at.states, r.state),
      index(out.kinds, at.kinds, r.kind),
      r.categoryId ? index(out.categories, at.categories, r.categoryId) : -1,
      lateness(r, now) ? 1 : 0,
    ]);
  }
  return out;
}

const pageSelect = {
  ...listSelect,
  communeId: true,
  body: true,
  isPublic: true,
  address: true,
  source: true,
  filedById: true,
  enteredById: true,
  handlerId: true,
  senderName: true,
  senderPhone: true,
  senderAddress: true,
  notifyBySms: true,
  acceptedAt: true,
  isComplex: true,
  categoryId: true,
  transferredTo: true,
  refusalReason: true,
  fixAskedAt: true,
  fixAnswer: true,
  fixAnsweredAt: true,
  mergedInto: { select: { number: true } },
  photos: { select: { attachmentId: true, updateId: true }, orderBy: { createdAt: "asc" } },
} as const;

/**
 * A case as a resident sees it: public cases for everyone, their own case (even private) for its
 * sender. Only public updates; the sender's details never.
 */
export async function getCaseForResident(communeId: string, number: number, viewerId: string | null, now = new Date()) {
  const c = await db.case.findFirst({
    where: { communeId, number, OR: [publicCaseWhere(communeId, { includeMerged: true }), ...(viewerId ? [{ filedById: viewerId }] : [])] },
    select: pageSelect,
  });
  if (!c) return null;
  const updates = await db.caseUpdate.findMany({
    where: { caseId: c.id, isPublic: true },
    select: { id: true, body: true, fromState: true, toState: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const following = viewerId ? (await db.caseFollow.count({ where: { caseId: c.id, userId: viewerId } })) > 0 : false;
  const followers = await db.caseFollow.count({ where: { caseId: c.id } });
  const { senderName: _n, senderPhone: _p, senderAddress: _a, enteredById: _e, handlerId: _h, ...shown } = c;
  return { ...shown, isSender: viewerId !== null && c.filedById === viewerId, filedById: null, updates, following, followers, late: lateness(c, now) };
}

/** Every case of the commune for staff, with its lateness; the denouncer hidden from all but the handler. */
export async function listStaffCases(communeId: string, viewerId: string, filters: CaseFilters & { kind?: string | null } = {}, now = new Date()) {
  const rows = await db.case.findMany({
    where: { communeId, ...filterWhere(filters, now), ...(filters.kind ? { kind: filters.kind as never } : {}) },
    select: { ...listSelect, senderName: true, senderPhone: true, senderAddress: true, filedById: true, enteredById: true, handlerId: true, isPublic: true },
    orderBy: [{ number: "desc" }],
    take: 200,
  });
  return rows.map((r) => ({ ...withSenderFor(r, viewerId), late: lateness(r, now) }));
}

/** One case for staff: every update (public and private), photos, sender (or not, see withSenderFor). */
export async function getStaffCase(communeId: string, number: number, viewerId: string, now = new Date()) {
  const c = await db.case.findFirst({ where: { communeId, number }, select: pageSelect });
  if (!c) return null;
  const updates = await db.caseUpdate.findMany({
    where: { caseId: c.id },
    select: { id: true, body: true, isPublic: true, fromState: true, toState: true, authorId: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const merged = await db.case.findMany({ where: { mergedIntoId: c.id }, select: { number: true } });
  return { ...withSenderFor(c, viewerId), updates, merged, late: lateness(c, now) };
}

/**
 * The Front's page (supervision, Law 10/2022): overdue cases and cases reopened by a "no". Complaints
 * and denunciations appear by number, kind and dates only — never their title, text or sender.
 */
export async function listCasesForFront(communeId: string, now = new Date()) {
  const rows = await db.case.findMany({
    where: { communeId, mergedIntoId: null, OR: [overdueWhere(now), { reopenCount: { gt: 0 }, state: { notIn: ["RESOLVED", "REFUSED", "TRANSFERRED"] } }] },
    select: listSelect,
    orderBy: { replyDueAt: "asc" },
    take: 500,
  });
  return rows.map((r) => {
    const secret = r.kind === "COMPLAINT" || r.kind === "DENUNCIATION";
    return { ...r, title: secret ? null : r.title, lat: secret ? null : r.lat, lng: secret ? null : r.lng, late: lateness(r, now) };
  });
}
