// What changed between two states of a consultation, field by field, in a form that can be shown to
// the public ("Thời gian lấy ý kiến đến ngày: 30/12/2026 → 15/01/2027") and kept as JSON in
// ConsultationVersion.changes. Pure: the snapshots are built by snapshot-consultation.ts.
import type { Channel, LegalCategory, MatterKind, Subject } from "@/lib/generated/prisma/enums";

import { canonicalJson } from "@/lib/oversight/canonical-json";

type Feature = { type: "Feature"; geometry: { type: string; coordinates?: unknown }; properties?: { label?: string; color?: string } | null };

/** A consultation as the public sees it, with dates as Vietnam calendar days ("YYYY-MM-DD"). */
export type ConsultationSnapshot = {
  title: string;
  summary: string;
  matterKind: MatterKind;
  legalCategory: LegalCategory;
  subject: Subject;
  isCommuneWide: boolean;
  villages: { id: string; name: string }[];
  allowedChannels: Channel[];
  postingStartsAt: string | null;
  postingEndsAt: string | null;
  commentStartsAt: string | null;
  commentEndsAt: string | null;
  legalBasis: string;
  responsibleOfficer: string;
  sections: { id: string; heading: string; body: string }[];
  geometry: { type: "FeatureCollection"; features: Feature[] } | null;
  showResultsLive: boolean;
  requiresBroadcast: boolean;
  onlineVoteNotice: boolean;
  attachments: { id: string; title: string }[];
};

export const TEXT_FIELDS = ["title", "summary", "legalBasis", "responsibleOfficer"] as const;
export const ENUM_FIELDS = ["matterKind", "legalCategory", "subject"] as const;
export const DATE_FIELDS = ["commentStartsAt", "commentEndsAt", "postingStartsAt", "postingEndsAt"] as const;
export const FLAG_FIELDS = ["showResultsLive", "requiresBroadcast", "onlineVoteNotice"] as const;

export type ConsultationChange =
  | { kind: "text"; field: (typeof TEXT_FIELDS)[number]; before: string; after: string }
  | { kind: "enum"; field: (typeof ENUM_FIELDS)[number]; before: string; after: string }
  | { kind: "date"; field: (typeof DATE_FIELDS)[number]; before: string | null; after: string | null }
  | { kind: "flag"; field: (typeof FLAG_FIELDS)[number]; before: boolean; after: boolean }
  | { kind: "channels"; added: Channel[]; removed: Channel[] }
  | { kind: "scope"; before: string[] | null; after: string[] | null }
  | { kind: "section"; change: "added" | "removed"; heading: string }
  | { kind: "section"; change: "changed"; heading: string; beforeHeading: string; before: string; after: string }
  | { kind: "sectionsReordered" }
  | { kind: "geometry"; added: ShapeRef[]; removed: ShapeRef[]; changed: ShapeRef[] }
  | { kind: "attachment"; change: "added" | "removed"; title: string }
  | { kind: "attachment"; change: "renamed"; title: string; beforeTitle: string };

/** How the history names a shape: its label, else its number on the map; and its type. */
export type ShapeRef = { label: string | null; n: number; type: string };

const shapeRef = (feature: Feature, index: number): ShapeRef => ({
  label: feature.properties?.label?.trim() || null,
  n: index + 1,
  type: feature.geometry.type,
});
const sameShape = (a: ShapeRef, b: ShapeRef) => a.type === b.type && (a.label !== null || b.label !== null ? a.label === b.label : a.n === b.n);

/**
 * Shapes have no identity of their own: a shape present in both states, unchanged, is matched by its
 * content; what is left over is added or removed, and an added and a removed shape with the same name
 * and type are one shape that was moved, reshaped or recoloured.
 */
function diffGeometry(before: ConsultationSnapshot["geometry"], after: ConsultationSnapshot["geometry"]) {
  const a = (before?.features ?? []).map((f, i) => ({ key: canonicalJson(f), ref: shapeRef(f, i) }));
  const b = (after?.features ?? []).map((f, i) => ({ key: canonicalJson(f), ref: shapeRef(f, i) }));
  const removed = [...a];
  const added: typeof b = [];
  for (const shape of b) {
    const same = removed.findIndex((r) => r.key === shape.key);
    if (same >= 0) removed.splice(same, 1);
    else added.push(shape);
  }
  const changed: ShapeRef[] = [];
  for (let i = added.length - 1; i >= 0; i--) {
    const shape = added[i]!;
    const was = removed.findIndex((r) => sameShape(r.ref, shape.ref));
    if (was >= 0) {
      changed.unshift(shape.ref);
      removed.splice(was, 1);
      added.splice(i, 1);
    }
  }
  return { added: added.map((s) => s.ref), removed: removed.map((s) => s.ref), changed };
}

function diffSections(before: ConsultationSnapshot["sections"], after: ConsultationSnapshot["sections"]): ConsultationChange[] {
  const changes: ConsultationChange[] = [];
  const afterIds = new Set(after.map((s) => s.id));
  const beforeById = new Map(before.map((s) => [s.id, s]));
  for (const s of before) if (!afterIds.has(s.id)) changes.push({ kind: "section", change: "removed", heading: s.heading });
  for (const s of after) {
    const was = beforeById.get(s.id);
    if (!was) changes.push({ kind: "section", change: "added", heading: s.heading });
    else if (was.heading !== s.heading || was.body !== s.body) {
      changes.push({ kind: "section", change: "changed", heading: s.heading, beforeHeading: was.heading, before: was.body, after: s.body });
    }
  }
  // Kept sections in a different order: said once, not once per section.
  const keptBefore = before.filter((s) => afterIds.has(s.id)).map((s) => s.id);
  const keptAfter = after.filter((s) => beforeById.has(s.id)).map((s) => s.id);
  if (keptBefore.join() !== keptAfter.join()) changes.push({ kind: "sectionsReordered" });
  return changes;
}

function diffAttachments(before: ConsultationSnapshot["attachments"], after: ConsultationSnapshot["attachments"]): ConsultationChange[] {
  const changes: ConsultationChange[] = [];
  const afterById = new Map(after.map((a) => [a.id, a]));
  const beforeById = new Map(before.map((a) => [a.id, a]));
  for (const a of after) {
    const was = beforeById.get(a.id);
    if (!was) changes.push({ kind: "attachment", change: "added", title: a.title });
    else if (was.title !== a.title) changes.push({ kind: "attachment", change: "renamed", title: a.title, beforeTitle: was.title });
  }
  for (const a of before) if (!afterById.has(a.id)) changes.push({ kind: "attachment", change: "removed", title: a.title });
  return changes;
}

const scopeOf = (s: ConsultationSnapshot) => (s.isCommuneWide ? null : s.villages.map((v) => v.name).sort((x, y) => x.localeCompare(y, "vi")));

/** Every difference between two states, in the order of the form. Empty when nothing changed. */
export function diffConsultation(before: ConsultationSnapshot, after: ConsultationSnapshot): ConsultationChange[] {
  const changes: ConsultationChange[] = [];
  for (const field of TEXT_FIELDS) {
    if (before[field] !== after[field]) changes.push({ kind: "text", field, before: before[field], after: after[field] });
  }
  for (const field of ENUM_FIELDS) {
    if (before[field] !== after[field]) changes.push({ kind: "enum", field, before: before[field], after: after[field] });
  }
  const scopeBefore = scopeOf(before);
  const scopeAfter = scopeOf(after);
  if (JSON.stringify(scopeBefore) !== JSON.stringify(scopeAfter)) changes.push({ kind: "scope", before: scopeBefore, after: scopeAfter });
  const channelsAdded = after.allowedChannels.filter((c) => !before.allowedChannels.includes(c));
  const channelsRemoved = before.allowedChannels.filter((c) => !after.allowedChannels.includes(c));
  if (channelsAdded.length || channelsRemoved.length) changes.push({ kind: "channels", added: channelsAdded, removed: channelsRemoved });
  for (const field of DATE_FIELDS) {
    if (before[field] !== after[field]) changes.push({ kind: "date", field, before: before[field], after: after[field] });
  }
  for (const field of FLAG_FIELDS) {
    if (before[field] !== after[field]) changes.push({ kind: "flag", field, before: before[field], after: after[field] });
  }
  changes.push(...diffSections(before.sections, after.sections));
  const geometry = diffGeometry(before.geometry, after.geometry);
  if (geometry.added.length || geometry.removed.length || geometry.changed.length) changes.push({ kind: "geometry", ...geometry });
  changes.push(...diffAttachments(before.attachments, after.attachments));
  return changes;
}

/** The names of the fields that changed, for the audit log's public details. */
export function changedFields(changes: ConsultationChange[]): string[] {
  return [...new Set(changes.map((c) => ("field" in c ? c.field : c.kind)))];
}
