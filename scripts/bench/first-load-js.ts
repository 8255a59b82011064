// First-load JavaScript per route, read from the production build: the shared runtime plus the page's
// own entry chunks (layouts included), each gzipped. Chunks loaded later with next/dynamic (the map)
// are not first-load and are not counted.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type RouteJs = { route: string; files: number; gzipBytes: number };

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
    const source = readFileSync(manifestFile, "utf8");
    const json = source.slice(source.indexOf("= {") + 2).replace(/;\s*$/, "");
    const manifest = JSON.parse(json) as { entryJSFiles: Record<string, string[]> };
    const files = new Set(build.rootMainFiles);
    // The page's entry and every layout above it.
    const segments = entry.replace(/\/page$/, "").split("/").filter(Boolean);
    for (let i = 0; i <= segments.length; i++) {
      const prefix = `[project]/app${i ? `/${segments.slice(0, i).join("/")}` : ""}`;
      for (const key of [`${prefix}/layout`, ...(i === segments.length ? [`${prefix}/page`] : [])]) {
        for (const f of manifest.entryJSFiles[key] ?? []) files.add(f);
      }
    }
    out.push({ route, files: files.size, gzipBytes: [...files].reduce((n, f) => n + size(f), 0) });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of firstLoadJs(process.cwd())) console.log(`${(r.gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${r.route}`);
}
