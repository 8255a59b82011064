// Finds every server action and route handler of the app, from the sources and from the build, so
// that the access matrix (e2e/access-matrix.ts) cannot silently miss one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const SKIP = new Set(["node_modules", ".next", "generated", ".git", "test-results", "playwright-report", "storage", ".data"]);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join("/");

/** "file#export" for every export of every module that starts with "use server". */
export function discoverActions(root: string): string[] {
  const found: string[] = [];
  for (const dir of ["app", "lib", "components"]) {
    if (!existsSync(path.join(root, dir))) continue;
    for (const file of walk(path.join(root, dir))) {
      const source = readFileSync(file, "utf8");
      if (!/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) continue;
      for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:const|function|let)\s+([A-Za-z0-9_$]+)/gm)) found.push(`${rel(root, file)}#${m[1]}`);
      for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
        for (const part of m[1]!.split(",")) {
          const name = part.trim().split(/\s+as\s+/).pop()?.trim();
          if (name) found.push(`${rel(root, file)}#${name}`);
        }
      }
    }
  }
  return found.sort();
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** "METHOD /route" for every method exported by app/**\/route.ts (route groups left out). */
export function discoverRoutes(root: string): string[] {
  const found: string[] = [];
  for (const file of walk(path.join(root, "app"))) {
    if (!/\/route\.(ts|tsx)$/.test(file)) continue;
    const route =
      "/" +
      rel(root, path.dirname(file))
        .replace(/^app\/?/, "")
        .split("/")
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .join("/");
    const source = readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:const|function)\s+([A-Z]+)/gm)) methods.add(m[1]!);
    for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
      for (const part of m[1]!.split(",")) methods.add(part.trim().split(/\s+as\s+/).pop()!.trim());
    }
    for (const m of methods) if (METHODS.includes(m)) found.push(`${m} ${route}`);
  }
  return found.sort();
}

export type ManifestAction = { id: string; key: string; pages: string[] };

/** The actions the build can call, with their ids, from .next/server/server-reference-manifest.json. */
export function manifestActions(root: string): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, { exportedName?: string; filename?: string }>; exportedName?: string; filename?: string }>;
  };
  const out: ManifestAction[] = [];
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.values(entry.workers)[0];
    const filename = entry.filename ?? worker?.filename;
    const exportedName = entry.exportedName ?? worker?.exportedName;
    out.push({ id, key: `${(filename ?? "?").replace(/^\.\//, "")}#${exportedName ?? "?"}`, pages: Object.keys(entry.workers).sort() });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Route paths the build serves, from .next/app-path-routes-manifest.json (route handlers only). */
export function manifestRoutes(root: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return Object.entries(manifest)
    .filter(([k]) => k.endsWith("/route"))
    // Metadata files (app/icon.svg) are served as routes too, but they are files, not handlers.
    .filter(([k]) => !existsSync(path.join(root, "app", k.replace(/\/route$/, ""))))
    .map(([, v]) => v)
    .sort();
}

/**
 * A page an action can be posted to: Next runs an action only from a page that uses it. A public page
 * when there is one (so that the action's own check is what answers), else the page of the area the
 * caller would use (the Front's for the Front, the staff area's for others), where the proxy turns
 * away those without a role in the commune of the URL before any action runs.
 */
export function actionPage(action: ManifestAction, values: { slug: string; consultationId: string }, area: "staff" | "front" = "staff"): string {
  const page =
    action.pages.find((p) => !/\/(staff|front)\//.test(p)) ??
    action.pages.find((p) => p.includes(`/${area}/`)) ??
    action.pages[0] ??
    "app/[locale]/[commune]/page";
  return page
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace("/[locale]", "")
    .replace("[commune]", values.slug)
    .replace("[id]", values.consultationId)
    .replace("[page]", "1");
}

/**
 * What the lines of the access matrix lack, in words: a route line without the status of every caller
 * (`expect`) or, when its probe takes an object id, without the status across communes (`cross`); an
 * action line naming someone unknown. Checked with made-up values, so it runs without a database.
 */
export function matrixLineProblems(matrix: { everyone: readonly string[]; actions: Record<string, unknown>; routes: Record<string, unknown>; communeKeys: readonly string[] }): string[] {
  const problems: string[] = [];
  const known = new Set(matrix.everyone);
  const ctx = (commune: string, objects: string) =>
    new Proxy({} as Record<string, string>, { get: (_t, key) => (matrix.communeKeys.includes(String(key)) ? `${commune}-${String(key)}` : `${objects}-${String(key)}`) });
  const render = (probe: { path?: unknown; multipart?: unknown }, c: Record<string, string>) =>
    JSON.stringify([typeof probe.path === "function" ? probe.path(c) : null, typeof probe.multipart === "function" ? probe.multipart(c) : null]);
  for (const [key, line] of Object.entries(matrix.actions)) {
    const e = (line ?? {}) as { allowed?: unknown; fuzzAs?: unknown; probe?: unknown; crossAnswers?: unknown };
    if (!Array.isArray(e.allowed)) problems.push(`ACTION "${key}": no \`allowed\` list (who passes the access check)`);
    else for (const w of e.allowed) if (!known.has(w as string)) problems.push(`ACTION "${key}": \`allowed\` names "${String(w)}", who is not in WHO`);
    if (e.fuzzAs !== undefined && !known.has(e.fuzzAs as string)) problems.push(`ACTION "${key}": \`fuzzAs\` names "${String(e.fuzzAs)}", who is not in WHO`);
    if (e.probe !== undefined && typeof e.probe !== "function") problems.push(`ACTION "${key}": \`probe\` must be a function of the probe values`);
    if (e.crossAnswers !== undefined && (typeof e.crossAnswers !== "string" || !e.crossAnswers.trim())) problems.push(`ACTION "${key}": \`crossAnswers\` must say why`);
  }
  for (const [key, line] of Object.entries(matrix.routes)) {
    const e = (line ?? {}) as { allowed?: unknown; expect?: Record<string, unknown>; probe?: { path?: unknown; multipart?: unknown }; cross?: unknown; crossAs?: unknown };
    if (!e.expect) {
      problems.push(`ROUTE "${key}": no \`expect\`: state the HTTP status of every caller, e.g. expect: only(STAFF, 200, 403)${e.allowed ? " (`allowed` alone is no longer enough for a route)" : ""}`);
      continue;
    }
    const missing = matrix.everyone.filter((w) => !Number.isInteger(e.expect![w]) || (e.expect![w] as number) < 100 || (e.expect![w] as number) > 599);
    if (missing.length) problems.push(`ROUTE "${key}": \`expect\` has no HTTP status for ${missing.join(", ")}`);
    const extra = Object.keys(e.expect).filter((w) => !known.has(w));
    if (extra.length) problems.push(`ROUTE "${key}": \`expect\` names ${extra.join(", ")}, who are not in WHO`);
    if (!e.probe || typeof e.probe.path !== "function") {
      problems.push(`ROUTE "${key}": no \`probe.path\``);
      continue;
    }
    // The caller's own commune with the other commune's objects: if that changes the request, the
    // probe takes an object id, and the line must say what such a call gets.
    const takesId = render(e.probe, ctx("own", "other")) !== render(e.probe, ctx("own", "own"));
    if (takesId && !Number.isInteger(e.cross)) problems.push(`ROUTE "${key}": its probe takes an object id but the line has no \`cross\` (the status when the caller's own commune is sent with the other commune's ids)`);
    if (e.crossAs !== undefined && (!Array.isArray(e.crossAs) || e.crossAs.length !== 2 || e.crossAs.some((w) => !known.has(w as string))))
      problems.push(`ROUTE "${key}": \`crossAs\` must name two callers of WHO, one of each commune`);
  }
  return problems;
}
