// Reading conventions: the public register (recognised conventions with their versions, in force since,
// status, decisions and yearly review) and the staff/Front view (every version in the making, each step
// with who acted, and every clock with its overdue mark).
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings";

import { type Clock, clockOf, reviewDue, versionClocks } from "./rules";
import { shownLabel } from "@/lib/register/label";

async function communeSettings(communeId: string) {
  const c = await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { settings: true } });
  return readSettings(c.settings);
}

const versionSelect = {
  id: true,
  number: true,
  kind: true,
  stage: true,
  proposer: true,
  frontHeadName: true,
  signatures: true,
  householdsAtProposal: true,
  summary: true,
  draftingGroup: true,
  consultationId: true,
  adoptionResult: true,
  adoptedAt: true,
  submittedAt: true,
  decidedAt: true,
  decisionReasons: true,
  decisionDocumentId: true,
  sentAt: true,
  postedAt: true,
  createdAt: true,
  drafts: { select: { id: true, number: true, text: true, createdAt: true }, orderBy: { number: "asc" as const } },
  files: { select: { id: true, kind: true, attachmentId: true, createdAt: true }, orderBy: { createdAt: "asc" as const } },
} as const;

async function documentsOf(ids: (string | null)[]) {
  const list = ids.filter((x): x is string => !!x);
  if (!list.length) return new Map<string, { label: string; issuedAt: Date; type: string }>();
  const docs = await db.issuedDocument.findMany({ where: { id: { in: list } }, select: { id: true, label: true, issuedAt: true, type: true } });
  return new Map(docs.map((d) => [d.id, { ...d, label: shownLabel(d.label, d.type) }]));
}

/** The public register: every convention once it has a recognised version (in force, suspended or repealed). */
export async function listRegister(communeId: string, now = new Date()) {
  const settings = await communeSettings(communeId);
  const rows = await db.convention.findMany({
    where: { communeId, status: { not: "IN_MAKING" } },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      villageId: true,
      status: true,
      inForceSince: true,
      suspendedAt: true,
      repealedAt: true,
      versions: { where: { stage: "RECOGNISED" }, orderBy: { number: "asc" }, select: { id: true, number: true, kind: true, decidedAt: true, decisionDocumentId: true, drafts: { select: { text: true }, orderBy: { number: "desc" }, take: 1 } } },
      reviews: { select: { year: true, reviewedAt: true, outcome: true, note: true }, orderBy: { year: "desc" } },
      steps: { where: { documentId: { not: null } }, select: { id: true, kind: true, documentId: true, at: true }, orderBy: { at: "asc" } },
    },
  });
  const villages = new Map((await db.village.findMany({ where: { communeId }, select: { id: true, name: true } })).map((v) => [v.id, v.name]));
  const docs = await documentsOf(rows.flatMap((r) => r.steps.map((s) => s.documentId)));
  return rows.map((r) => ({
    ...r,
    villageName: villages.get(r.villageId) ?? "",
    decisions: r.steps.filter((s) => s.kind !== "REFUSED").map((s) => ({ stepId: s.id, kind: s.kind, at: s.at, label: docs.get(s.documentId!)?.label ?? "" })),
    review: r.inForceSince && r.status !== "REPEALED" ? reviewDue(r.inForceSince, r.reviews.map((x) => x.year), now, settings.conventionReviewDay) : null,
  }));
}

export type ConventionClock = Clock & { conventionId: string; title: string; versionNumber: number | null };

/** Staff, leaders, the Front and village heads: every convention with its versions, steps and clocks. */
export async function getConventionForStaff(communeId: string, conventionId: string, now = new Date()) {
  const settings = await communeSettings(communeId);
  const c = await db.convention.findFirst({
    where: { id: conventionId, communeId },
    select: {
      id: true,
      title: true,
      villageId: true,
      status: true,
      inForceSince: true,
      currentVersionId: true,
      versions: { select: versionSelect, orderBy: { number: "asc" } },
      steps: { orderBy: [{ createdAt: "asc" }], select: { id: true, versionId: true, kind: true, at: true, dueAt: true, onTime: true, actorId: true, actorRole: true, note: true, documentId: true } },
      reviews: { orderBy: { year: "desc" }, select: { year: true, reviewedAt: true, outcome: true, note: true } },
    },
  });
  if (!c) return null;
  const [village, actors, docs] = await Promise.all([
    db.village.findUniqueOrThrow({ where: { id: c.villageId }, select: { name: true, householdCount: true } }),
    db.user.findMany({ where: { id: { in: [...new Set(c.steps.map((s) => s.actorId))] } }, select: { id: true, name: true } }),
    documentsOf(c.steps.map((s) => s.documentId)),
  ]);
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const clocks = clocksOf(c, now, settings.extraHolidays);
  return {
    ...c,
    village,
    steps: c.steps.map((s) => ({ ...s, actorName: names.get(s.actorId) ?? "", document: s.documentId ? (docs.get(s.documentId) ?? null) : null })),
    clocks,
    review: c.inForceSince && c.status !== "REPEALED" ? reviewDue(c.inForceSince, c.reviews.map((r) => r.year), now, settings.conventionReviewDay) : null,
  };
}

type ForClocks = {
  id: string;
  title: string;
  versions: { number: number; adoptedAt: Date | null; submittedAt: Date | null; decidedAt: Date | null; sentAt: Date | null }[];
  steps: { kind: string; at: Date }[];
};

/** Every clock of a convention: its versions', and an open suspension or repeal. */
export function clocksOf(c: ForClocks, now: Date, extraHolidays: readonly string[]): ConventionClock[] {
  const out: ConventionClock[] = [];
  for (const v of c.versions) for (const k of versionClocks(v, now, extraHolidays)) out.push({ ...k, conventionId: c.id, title: c.title, versionNumber: v.number });
  for (const [grounds, decision, kind] of [
    ["SUSPENSION_GROUNDS", "SUSPENDED", "suspension"],
    ["REPEAL_GROUNDS", "REPEALED", "repeal"],
  ] as const) {
    const g = c.steps.filter((s) => s.kind === grounds).at(-1);
    if (!g) continue;
    const d = c.steps.find((s) => s.kind === decision && s.at >= g.at);
    out.push({ ...clockOf(kind, g.at, d?.at ?? null, now, extraHolidays), conventionId: c.id, title: c.title, versionNumber: null });
  }
  return out;
}

/** The staff and Front list: every convention with its stage and open clocks, overdue first. */
export async function listForStaff(communeId: string, now = new Date()) {
  const settings = await communeSettings(communeId);
  const rows = await db.convention.findMany({
    where: { communeId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      villageId: true,
      status: true,
      inForceSince: true,
      versions: { select: { number: true, stage: true, adoptedAt: true, submittedAt: true, decidedAt: true, sentAt: true }, orderBy: { number: "asc" } },
      steps: { select: { kind: true, at: true }, orderBy: { at: "asc" } },
      reviews: { select: { year: true } },
    },
  });
  const villages = new Map((await db.village.findMany({ where: { communeId }, select: { id: true, name: true } })).map((v) => [v.id, v.name]));
  return rows.map((r) => {
    const clocks = clocksOf(r, now, settings.extraHolidays);
    return {
      id: r.id,
      title: r.title,
      villageName: villages.get(r.villageId) ?? "",
      status: r.status,
      stage: r.versions.at(-1)?.stage ?? null,
      versionNumber: r.versions.at(-1)?.number ?? null,
      open: clocks.filter((k) => k.state === "open" || k.state === "overdue"),
      review: r.inForceSince && r.status !== "REPEALED" ? reviewDue(r.inForceSince, r.reviews.map((x) => x.year), now, settings.conventionReviewDay) : null,
    };
  });
}

/** The convention-kind consultations of the commune a draft may be posted with. */
export async function listConventionConsultations(communeId: string) {
  return db.consultation.findMany({
    where: { communeId, legalCategory: "DECISION_VILLAGE_CONVENTION", status: { in: ["PUBLISHED", "CLOSED"] } },
    select: { id: true, title: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}
