// First-load JavaScript per route, read from the production build: the shared runtime plus the page's
// own entry chunks (layouts included), each gzipped. Chunks loaded later with next/dynamic (the map)
// are not first-load and are not counted.
//   npx tsx scripts/bench/first-load-js.ts          lists every route
//   npx tsx scripts/bench/first-load-js.ts --check  exits 1 when a route outside the map and the
//                                                   pending list reaches the limit, or a pending one grows
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type RouteJs = { route: string; files: number; gzipBytes: number };

/** The product's target (product.md): under 150 KB gzipped on every route outside the map. */
export const FIRST_LOAD_LIMIT_BYTES = 150 * 1024;

/**
 * Routes allowed over the limit because the map is what they are for. None today: every map is
 * loaded with next/dynamic after the page, so it never counts as first-load.
 */
export const MAP_ROUTES: readonly string[] = [];

export const isMapRoute = (route: string, mapRoutes: readonly string[] = MAP_ROUTES) => mapRoutes.includes(route);

/**
 * Routes still at or over the limit when the check was introduced, with their size then (KB) and what
 * keeps them there. Not exempt: the check fails when one of them grows by more than a kilobyte, and a
 * route must leave this list as soon as it is under the limit. The goal is an empty list.
 */
export const PENDING_ROUTES: Readonly<Record<string, { kb: number; why: string }>> = {
  "/[locale]/[commune]/staff/consultations/[id]/edit": { kb: 211.6, why: "consultation form: zod resolver (47 KB), react-hook-form, useTranslations" },
  "/[locale]/[commune]/staff/consultations/new": { kb: 209.7, why: "consultation form: zod resolver (47 KB), react-hook-form, useTranslations" },
  "/[locale]/[commune]/staff/consultations/[id]/meetings": { kb: 206.1, why: "meeting form: zod resolver, react-hook-form, useTranslations" },
  "/[locale]/[commune]/staff/consultations/[id]/postings": { kb: 205.9, why: "posting form: zod resolver, react-hook-form, useTranslations" },
  "/[locale]/[commune]/staff/consultations/[id]/ballot": { kb: 205.3, why: "question and settings forms: zod resolver, react-hook-form, useTranslations" },
  "/[locale]/[commune]/register": { kb: 204.4, why: "registration form: zod resolver, react-hook-form, useTranslations; the display-name and password rules in its schema (+1.3 KB)" },
  "/[locale]/[commune]/staff/residents/pending": { kb: 202.1, why: "verification forms: zod resolver, react-hook-form, useTranslations; the people schemas' display-name and password rules (+1.3 KB)" },
  "/[locale]/[commune]/register/status": { kb: 201.5, why: "invite code form: zod resolver, react-hook-form, useTranslations; the people schemas' display-name and password rules (+1.3 KB)" },
  "/[locale]/[commune]/consultations/[id]": { kb: 177.3, why: "opinion form (react-hook-form), ballot and opinion actions with useTranslations; the online-deciding poll (+1.0 KB)" },
  "/[locale]/[commune]/consultations/[id]/opinions/[page]": { kb: 156.5, why: "opinion actions with useTranslations (ICU runtime, 12 KB); +1.0 KB with issue 14 (the header's sign-in link returns to the page, shared client modules)" },
  "/[locale]/[commune]/staff/consultations/[id]": { kb: 154.5, why: "publish and schedule controls with useTranslations" },
  "/[locale]/[commune]/staff/consultations/[id]/votes": { kb: 155.4, why: "offline entry with useTranslations" },
  "/[locale]/[commune]/receipts": { kb: 153.2, why: "receipt check with useTranslations" },
  "/[locale]/[commune]/staff/residents": { kb: 153.9, why: "invite and representative buttons with useTranslations" },
  "/[locale]/[commune]/staff/consultations/[id]/opinions": { kb: 151.6, why: "bulk answer form and notes with useTranslations" },
  "/[locale]/[commune]/staff/residents/import": { kb: 152.7, why: "list import with useTranslations; the re-import's list of who is missing from the file, with the day to mark them gone (+1.2 KB, lib/households)" },
  "/[locale]/[commune]/staff/data-requests": { kb: 150.9, why: "ActionForm translates errors with useTranslations" },
  "/[locale]/[commune]/reception": { kb: 151.7, why: "booking and cancelling (ActionForm) translate errors with useTranslations" },
  "/[locale]/[commune]/staff/open311": { kb: 152.7, why: "the new-client form with useTranslations, which shows the key once" },
  "/[locale]/[commune]/staff/reception": { kb: 151.7, why: "schedule and session forms (ActionForm) translate errors with useTranslations" },
  "/[locale]/[commune]/staff/reception/sessions/[id]": { kb: 151.7, why: "register and case forms (ActionForm) translate errors with useTranslations" },
  "/[locale]/[commune]/front/consultations/[id]": { kb: 150.9, why: "notes (ActionForm) with useTranslations" },
  "/[locale]/[commune]/account": { kb: 150.9, why: "ActionForm translates errors with useTranslations" },
  "/[locale]/[commune]/supervision/[boardId]": { kb: 152.8, why: "supervision board: visit form (photo upload) and ActionForms translate errors with useTranslations" },
  "/[locale]/[commune]/front/supervision/[workId]": { kb: 152.3, why: "supervision board set-up form (member rows) translates errors with useTranslations" },
  "/[locale]/[commune]/staff/consultations/[id]/report": { kb: 150.9, why: "ActionForm translates errors with useTranslations" },
  "/[locale]/[commune]/staff/consultations/[id]/notice": { kb: 150.9, why: "ActionForm translates errors with useTranslations" },
  "/[locale]/[commune]/staff/officials": { kb: 152.2, why: "ActionForm translates errors with useTranslations; the two-step grant (look up, then grant)" },
  // Added with the trust work (issues 10 and 11): the same ActionForm pattern, 0.5–1.5 KB over.
  "/[locale]/[commune]/account/password": { kb: 151.5, why: "ActionForm translates errors with useTranslations" },
  "/[locale]/[commune]/front": { kb: 151.4, why: "Front appointment decisions (ActionForm) with useTranslations" },
  "/[locale]/[commune]/household-votes": { kb: 151.1, why: "dispute form (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/privacy": { kb: 151.4, why: "breach and request forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/vote-reviews": { kb: 151.4, why: "void and meeting-count decisions (ActionForm) with useTranslations" },
  "/[locale]/confirm-email": { kb: 151.1, why: "confirm button (ActionForm) with useTranslations" },
  "/[locale]/reset-password": { kb: 151.4, why: "reset forms (ActionForm) with useTranslations" },
  // Petitions and feedback (issue 12 §2): the same ActionForm pattern; the filing and update forms upload photos.
  "/[locale]/[commune]/cases/[number]": { kb: 151.7, why: "follow and 'Has it been fixed?' (ActionForm) with useTranslations" },
  "/[locale]/[commune]/cases/new": { kb: 152.6, why: "filing form with photo upload and location, useTranslations" },
  "/[locale]/[commune]/staff/cases/[number]": { kb: 152.9, why: "update form with photos, assign, classify, merge (ActionForm) with useTranslations" },
  // Works and results (lib/works, issue 13 §1): the same ActionForm/useTranslations islands as cases.
  "/[locale]/[commune]/works/[id]": { kb: 153.7, why: "follow and milestone comments (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/works/[id]": { kb: 159.8, why: "work form with the map editor field, milestone form with photos, publish and moderation (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/works/new": { kb: 157.5, why: "work form with the map editor field (GeometryImport) and budget lines, with useTranslations" },
  "/[locale]/[commune]/staff/cases/categories": { kb: 151.7, why: "category and template forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/cases/new": { kb: 151.7, why: "intake form (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/consultations/[id]/online-deciding": { kb: 153.6, why: "agreement, notice, team and sent-on forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/dialogues": { kb: 151.8, why: "sign and open-request forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/dialogues/[id]": { kb: 151.8, why: "question and agree forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/front/dialogues": { kb: 151.8, why: "plan form (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/dialogues": { kb: 151.8, why: "plan, paper-signature and commitment forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/dialogues/[id]": { kb: 152.2, why: "moderation, answer and minutes forms (ActionForm) and the minutes upload with useTranslations" },
  // Contributions and initiatives (issue 13 §2): the same ActionForm pattern.
  "/[locale]/[commune]/contributions/[id]/ledger": { kb: 151.8, why: "receipt, reversal, exemption, spending and disclosure forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/contributions": { kb: 151.8, why: "set-up form (ActionForm) with useTranslations" },
  "/[locale]/[commune]/initiatives": { kb: 151.8, why: "propose, sign, paper-signature and meeting forms (ActionForm) with useTranslations" },
  // Village conventions (issue 13 §5): the same ActionForm pattern; the convention page uploads the dossier's scans.
  "/[locale]/[commune]/staff/conventions": { kb: 151.8, why: "proposal form (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/conventions/[id]": { kb: 152.3, why: "step, decision and review forms (ActionForm) and the dossier upload with useTranslations" },
  // The People's Inspection Board (issue 13 §3): the same ActionForm pattern.
  "/[locale]/[commune]/inspection": { kb: 151.8, why: "the board's filing and send-plan forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/inspection": { kb: 151.8, why: "answer forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/front/inspection": { kb: 151.8, why: "board, member and countersign forms (ActionForm) with useTranslations" },
  // The living household list (issue 14 §2, lib/households): the same ActionForm pattern.
  "/[locale]/[commune]/staff/households/[householdId]": { kb: 151.8, why: "edit, move, split and leaving forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/households/corrections": { kb: 151.8, why: "answer forms (ActionForm) with useTranslations" },
  "/[locale]/[commune]/staff/villages": { kb: 151.8, why: "merge and split forms (ActionForm) with useTranslations" },
  // Periodic reports (issue 14 §4): the dashboards carry no client island (charts are server-drawn SVG).
  "/[locale]/[commune]/staff/periodic-reports": { kb: 151.8, why: "draft text and issue forms (ActionForm) with useTranslations" },
};

/**
 * How much a pending route may vary between builds before the check calls it grown. (Six staff routes
 * were raised by 1.1 KB when the ratings pages came in: no code of theirs changed; Turbopack's module
 * ids went from five to six digits across every chunk once the build passed a number of modules.)
 */
const PENDING_SLACK_BYTES = 1024;

/** The client reference manifest's object, from the JavaScript file Next writes it as. */
export function parseClientReferenceManifest(source: string): { entryJSFiles: Record<string, string[]> } {
  const start = source.indexOf("= {");
  if (start < 0) throw new Error("not a client reference manifest");
  const json = source.slice(start + 2).replace(/;\s*$/, "");
  const manifest = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
  return { entryJSFiles: manifest.entryJSFiles ?? {} };
}

export function firstLoadJs(root: string): RouteJs[] {
  const next = path.join(root, ".next");
  const routes = JSON.parse(readFileSync(path.join(next, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const gz = new Map<string, number>();
  const size = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(next, file))).length);
    return gz.get(file)!;
  };
  const out: RouteJs[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page") || entry.startsWith("/_")) continue;
    const manifestFile = path.join(next, "server/app", `${entry}_client-reference-manifest.js`);
    const manifest = parseClientReferenceManifest(readFileSync(manifestFile, "utf8"));
    const files = new Set(build.rootMainFiles);
    // The page's entry and every layout above it.
    const segments = entry.replace(/\/page$/, "").split("/").filter(Boolean);
    for (let i = 0; i <= segments.length; i++) {
      const prefix = `[project]/app${i ? `/${segments.slice(0, i).join("/")}` : ""}`;
      for (const key of [`${prefix}/layout`, ...(i === segments.length ? [`${prefix}/page`] : [])]) {
        for (const f of manifest.entryJSFiles[key] ?? []) if (f.endsWith(".js")) files.add(f);
      }
    }
    out.push({ route, files: files.size, gzipBytes: [...files].reduce((n, f) => n + size(f), 0) });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/** Routes outside the map at or over the limit. */
export function overLimit(routes: RouteJs[], limit = FIRST_LOAD_LIMIT_BYTES, mapRoutes: readonly string[] = MAP_ROUTES): RouteJs[] {
  return routes.filter((r) => !isMapRoute(r.route, mapRoutes) && r.gzipBytes >= limit);
}

/**
 * What the check refuses: a route over the limit that is not pending, a pending route that grew, and
 * a pending route already under the limit (take it off the list).
 */
export function budgetProblems(routes: RouteJs[], pending: Readonly<Record<string, { kb: number }>> = PENDING_ROUTES, limit = FIRST_LOAD_LIMIT_BYTES, mapRoutes: readonly string[] = MAP_ROUTES): string[] {
  const problems: string[] = [];
  for (const r of routes) {
    if (isMapRoute(r.route, mapRoutes)) continue;
    const known = pending[r.route];
    if (!known) {
      if (r.gzipBytes >= limit) problems.push(`${r.route}: ${formatKb(r.gzipBytes)}, at or over ${formatKb(limit)}`);
    } else if (r.gzipBytes < limit) {
      problems.push(`${r.route}: ${formatKb(r.gzipBytes)}, now under ${formatKb(limit)}: take it off PENDING_ROUTES`);
    } else if (r.gzipBytes > known.kb * 1024 + PENDING_SLACK_BYTES) {
      problems.push(`${r.route}: ${formatKb(r.gzipBytes)}, grew from ${known.kb.toFixed(1)} KB while over ${formatKb(limit)}`);
    }
  }
  return problems;
}

export const formatKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const routes = firstLoadJs(process.cwd());
  for (const r of routes) console.log(`${formatKb(r.gzipBytes).padStart(9)}  ${r.route}${isMapRoute(r.route) ? "  (map)" : ""}`);
  const over = overLimit(routes);
  if (over.length) console.log(`${over.length} route(s) at or over ${formatKb(FIRST_LOAD_LIMIT_BYTES)}, of which ${over.filter((r) => PENDING_ROUTES[r.route]).length} pending`);
  if (process.argv.includes("--check")) {
    const problems = budgetProblems(routes);
    for (const p of problems) console.error(p);
    if (problems.length) process.exit(1);
  }
}
