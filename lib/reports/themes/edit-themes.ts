// Staff adjust the proposed themes before the report goes to the Front: they rename a theme in their
// own words, or merge themes the clustering kept apart. Both are pure functions from one theme set to
// the next, so the report can store each version and show what changed.
import { invalid, notFound } from "@/lib/errors";

import { LABEL_SEPARATOR, LABEL_PHRASES } from "./label-theme";
import { OTHER_THEME_ID, type Theme, themeLabelSchema, type ThemeSet, type WeightedTerm } from "./schemas";

function findTheme(set: ThemeSet, id: string): Theme {
  const theme = set.themes.find((t) => t.id === id);
  if (!theme) throw notFound("themeNotFound");
  return theme;
}

function parseLabel(label: string): string {
  const parsed = themeLabelSchema.safeParse(label);
  if (!parsed.success) throw invalid(parsed.error.issues[0]!.message, {}, { label: parsed.error.issues[0]!.message });
  return parsed.data;
}

/** Renames a theme; an empty label is refused. The proposed label is kept in autoLabel. */
export function renameTheme(set: ThemeSet, themeId: string, label: string): ThemeSet {
  findTheme(set, themeId);
  const clean = parseLabel(label);
  return { ...set, themes: set.themes.map((t) => (t.id === themeId ? { ...t, label: clean, isRenamed: clean !== t.autoLabel } : t)) };
}

/** Weights of the merged themes' terms, each theme counting by its number of opinions. */
function combine(lists: { items: WeightedTerm[]; size: number }[], limit: number): WeightedTerm[] {
  const total = lists.reduce((sum, l) => sum + l.size, 0) || 1;
  const combined = new Map<string, number>();
  for (const { items, size } of lists) for (const { text, weight } of items) combined.set(text, (combined.get(text) ?? 0) + (weight * size) / total);
  return [...combined]
    .map(([text, weight]) => ({ text, weight: Math.round(weight * 1e4) / 1e4 }))
    .sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : 1))
    .slice(0, limit);
}

/**
 * Merges two or more themes into the first one named. Without a label the merged theme is labelled
 * from the strongest phrases of all of them. The "other" theme cannot be merged: it is not a theme.
 */
export function mergeThemes(set: ThemeSet, themeIds: string[], label?: string): ThemeSet {
  const ids = [...new Set(themeIds)];
  if (ids.length < 2) throw invalid("themeMergeNeedsTwo");
  if (ids.includes(OTHER_THEME_ID)) throw invalid("themeMergeOther");
  const merging = ids.map((id) => findTheme(set, id));
  const [target] = merging as [Theme, ...Theme[]];
  const lists = (pick: (t: Theme) => WeightedTerm[]) => merging.map((t) => ({ items: pick(t), size: t.opinionIds.length }));
  const phrases = combine(lists((t) => t.phrases), 5);
  const topTerms = combine(lists((t) => t.topTerms), 10);
  const autoLabel =
    phrases
      .slice(0, LABEL_PHRASES)
      .map((p) => p.text)
      .join(LABEL_SEPARATOR) || target.autoLabel;
  const clean = label === undefined ? autoLabel : parseLabel(label);
  const merged: Theme = {
    id: target.id,
    kind: "theme",
    label: clean,
    autoLabel,
    isRenamed: clean !== autoLabel,
    phrases,
    topTerms,
    opinionIds: merging.flatMap((t) => t.opinionIds).sort(),
    mergedFrom: [...new Set(merging.flatMap((t) => [t.id, ...(t.mergedFrom ?? [])]))].filter((id) => id !== target.id).sort(),
  };
  const rest = set.themes.filter((t) => !ids.includes(t.id));
  const themes = [...rest.filter((t) => t.kind === "theme"), merged]
    .sort((a, b) => b.opinionIds.length - a.opinionIds.length || (a.id < b.id ? -1 : 1))
    .concat(rest.filter((t) => t.kind === "other"));
  return { ...set, themes };
}
