// A change of the version history in words: "Thời gian lấy ý kiến (đến ngày): 30/12/2026 →
// 15/01/2027". Pure, given a translator over the whole catalogue and a date formatter, so that the
// same history reads in Vietnamese and English.
import type { ConsultationChange, ShapeRef } from "./diff-consultation";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export type DescribedChange = {
  /** What changed: "Tiêu đề", "Thêm mục “Vị trí”". */
  label: string;
  /** Short values shown inline as "before → after". */
  before?: string;
  after?: string;
  /** Long texts (a section's body, the summary) shown on request. */
  detail?: { before: string; after: string };
};

/** Texts longer than this are shown on request rather than inline. */
const INLINE_MAX = 160;

const list = (items: string[]) => items.join(", ");

function shapeName(t: Translate, s: ShapeRef): string {
  const type = t(`versions.shapeTypes.${s.type}`);
  return s.label ? `${s.label} (${type})` : `${type} #${s.n}`;
}

export function describeChange(change: ConsultationChange, t: Translate, formatDate: (isoDate: string) => string): DescribedChange {
  const empty = t("versions.empty");
  switch (change.kind) {
    case "text": {
      const label = t(`versions.fields.${change.field}`);
      if (change.before.length > INLINE_MAX || change.after.length > INLINE_MAX) {
        return { label, detail: { before: change.before || empty, after: change.after || empty } };
      }
      return { label, before: change.before || empty, after: change.after || empty };
    }
    case "enum": {
      const enumName = change.field === "matterKind" ? "MatterKind" : change.field === "legalCategory" ? "LegalCategory" : "Subject";
      return { label: t(`versions.fields.${change.field}`), before: t(`enums.${enumName}.${change.before}`), after: t(`enums.${enumName}.${change.after}`) };
    }
    case "date":
      return {
        label: t(`versions.fields.${change.field}`),
        before: change.before ? formatDate(change.before) : empty,
        after: change.after ? formatDate(change.after) : empty,
      };
    case "flag":
      return { label: t(`versions.fields.${change.field}`), before: t(change.before ? "versions.yes" : "versions.no"), after: t(change.after ? "versions.yes" : "versions.no") };
    case "channels": {
      const parts = [
        change.added.length ? t("versions.added", { list: list(change.added.map((c) => t(`enums.Channel.${c}`))) }) : null,
        change.removed.length ? t("versions.removed", { list: list(change.removed.map((c) => t(`enums.Channel.${c}`))) }) : null,
      ].filter(Boolean);
      return { label: `${t("versions.fields.channels")}: ${parts.join("; ")}` };
    }
    case "scope": {
      const scope = (v: string[] | null) => (v ? list(v) : t("versions.wholeCommune"));
      return { label: t("versions.fields.scope"), before: scope(change.before), after: scope(change.after) };
    }
    case "section":
      if (change.change !== "changed") {
        return { label: t(change.change === "added" ? "versions.sectionAdded" : "versions.sectionRemoved", { heading: change.heading }) };
      }
      return {
        label:
          change.beforeHeading === change.heading
            ? t("versions.sectionChanged", { heading: change.heading })
            : t("versions.sectionRenamed", { before: change.beforeHeading, heading: change.heading }),
        ...(change.before !== change.after ? { detail: { before: change.before || empty, after: change.after || empty } } : {}),
      };
    case "sectionsReordered":
      return { label: t("versions.sectionsReordered") };
    case "geometry": {
      const parts = [
        change.added.length ? t("versions.added", { list: list(change.added.map((s) => shapeName(t, s))) }) : null,
        change.changed.length ? t("versions.changed", { list: list(change.changed.map((s) => shapeName(t, s))) }) : null,
        change.removed.length ? t("versions.removed", { list: list(change.removed.map((s) => shapeName(t, s))) }) : null,
      ].filter(Boolean);
      return { label: `${t("versions.fields.geometry")}: ${parts.join("; ")}` };
    }
    case "attachment":
      if (change.change === "renamed") return { label: t("versions.attachmentRenamed", { before: change.beforeTitle, title: change.title }) };
      return { label: t(change.change === "added" ? "versions.attachmentAdded" : "versions.attachmentRemoved", { title: change.title }) };
  }
}
