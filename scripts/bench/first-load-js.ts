// First-load JavaScript per route, read from the production build: the shared runtime plus the page's
// own entry chunks (layouts included), each gzipped. Chunks loaded later with next/dynamic (the map)
// are not first-load and are not counted.
//   npx tsx scripts/bench/first-load-js.ts          lists every route
//   npx tsx scripts/bench/first-load-js.ts --check  exits 1 when a non-map route reaches the limit
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

export const formatKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const routes = firstLoadJs(process.cwd());
  for (const r of routes) console.log(`${formatKb(r.gzipBytes).padStart(9)}  ${r.route}${isMapRoute(r.route) ? "  (map)" : ""}`);
  if (process.argv.includes("--check")) {
    const over = overLimit(routes);
    if (over.length) {
      console.error(`${over.length} route(s) at or over ${formatKb(FIRST_LOAD_LIMIT_BYTES)} of first-load JavaScript: ${over.map((r) => r.route).join(", ")}`);
      process.exit(1);
    }
  }
}
