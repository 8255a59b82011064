// The public list of cases has one canonical address per filter and page, so that each is a cached
// page (ISR) like every other public page: `/cases?state=RESOLVED&page=2` (what the filter form sends,
// readable and shareable) is served by `/cases/view/s-RESOLVED~p-2` (proxy.ts rewrites it there).
// Kept free of the database and of Next, so that the proxy can use it.
import type { CaseState } from "@/lib/generated/prisma/enums";

export const LIST_STATES: readonly CaseState[] = ["RECEIVED", "CLASSIFIED", "ACCEPTED", "IN_PROGRESS", "RESOLVED", "REFUSED", "TRANSFERRED"];
/** The largest page number an address may name (a larger one is page 1). */
export const MAX_LIST_PAGE = 10_000;

export type ListFilters = { categoryId: string | null; state: CaseState | null; villageId: string | null; overdue: boolean };
export type ListView = { filters: ListFilters; page: number };

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The filters and page of a query (`category`, `state`, `village`, `overdue=1`, `page`): unknown values ignored. */
export function readListQuery(get: (name: string) => string | null | undefined): ListView {
  const one = (name: string) => {
    const v = get(name);
    return typeof v === "string" && v.length > 0 && v.length <= 40 ? v : null;
  };
  const state = one("state");
  const category = one("category");
  const village = one("village");
  const page = Number(one("page") ?? "1");
  return {
    filters: {
      categoryId: category && ID.test(category) ? category : null,
      state: state && (LIST_STATES as readonly string[]).includes(state) ? (state as CaseState) : null,
      villageId: village && ID.test(village) ? village : null,
      overdue: one("overdue") === "1",
    },
    page: Number.isInteger(page) && page >= 1 && page <= MAX_LIST_PAGE ? page : 1,
  };
}

/** The canonical key of a view: "all" for page 1 unfiltered, else its parts in a fixed order. */
export function listKey({ filters, page }: ListView): string {
  const parts = [
    filters.categoryId ? `c-${filters.categoryId}` : null,
    filters.state ? `s-${filters.state}` : null,
    filters.villageId ? `v-${filters.villageId}` : null,
    filters.overdue ? "o-1" : null,
    page > 1 ? `p-${page}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join("~") : "all";
}

/** The view a key names, or null when the key is not canonical (each view has exactly one address). */
export function parseListKey(key: string): ListView | null {
  if (key.length > 200) return null;
  const fields = new Map<string, string>();
  if (key !== "all") {
    for (const part of key.split("~")) {
      const m = /^([csvop])-(.+)$/.exec(part);
      if (!m || fields.has(m[1]!)) return null;
      fields.set(m[1]!, m[2]!);
    }
  }
  const names: Record<string, string> = { c: "category", s: "state", v: "village", o: "overdue", p: "page" };
  const view = readListQuery((name) => fields.get(Object.keys(names).find((k) => names[k] === name)!) ?? null);
  return listKey(view) === key ? view : null;
}

/** The query of a view, for links (the filter form's own names); empty for page 1 unfiltered. */
export function listQuery({ filters, page }: ListView): string {
  const q = new URLSearchParams();
  if (filters.categoryId) q.set("category", filters.categoryId);
  if (filters.state) q.set("state", filters.state);
  if (filters.villageId) q.set("village", filters.villageId);
  if (filters.overdue) q.set("overdue", "1");
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The internal path serving `/[locale]/[commune]/cases` with this query (proxy.ts), or null for another path. */
export function caseListRewrite(pathname: string, search: URLSearchParams): string | null {
  const m = /^\/(vi|en)\/([a-z0-9-]+)\/cases\/?$/.exec(pathname);
  if (!m) return null;
  return `/${m[1]}/${m[2]}/cases/view/${listKey(readListQuery((name) => search.get(name)))}`;
}
