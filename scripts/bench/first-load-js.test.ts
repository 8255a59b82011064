// The first-load JavaScript reader on a miniature build: which chunks count for a route (the shared
// runtime, the layouts above it and its page, each once) and which do not (other routes' chunks,
// chunks loaded later), and the limit check on top of it.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { budgetProblems, FIRST_LOAD_LIMIT_BYTES, firstLoadJs, overLimit, parseClientReferenceManifest } from "./first-load-js";

let root: string;
const gz = new Map<string, number>();

function chunk(name: string, kb: number) {
  // Random bytes do not compress: the gzipped size is the size, give or take the header.
  const content = randomBytes(Math.round(kb * 1024));
  const file = path.join(root, ".next/static/chunks", name);
  writeFileSync(file, content);
  gz.set(name, gzipSync(content).length);
}

function manifest(entry: string, entryJSFiles: Record<string, string[]>) {
  const file = path.join(root, ".next/server/app", `${entry}_client-reference-manifest.js`);
  mkdirSync(path.dirname(file), { recursive: true });
  // The shape Next writes: an assignment to a global, the JSON object, a semicolon.
  const value = { moduleLoading: { prefix: "/_next/" }, clientModules: {}, entryCSSFiles: {}, entryJSFiles };
  writeFileSync(file, `globalThis.__RSC_MANIFEST=(globalThis.__RSC_MANIFEST||{});globalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify(value)};`);
}

const size = (...names: string[]) => names.reduce((n, name) => n + gz.get(name)!, 0);

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "first-load-js-"));
  mkdirSync(path.join(root, ".next/static/chunks"), { recursive: true });
  for (const [name, kb] of [["runtime.js", 120], ["locale-layout.js", 4], ["commune-layout.js", 3], ["home.js", 5], ["consultation.js", 15], ["staff-form.js", 40], ["map.js", 60]] as const) {
    chunk(`${name}`, kb);
  }
  writeFileSync(path.join(root, ".next/static/chunks/style.css"), "body{}");
  writeFileSync(
    path.join(root, ".next/app-path-routes-manifest.json"),
    JSON.stringify({
      "/[locale]/[commune]/page": "/[locale]/[commune]",
      "/[locale]/[commune]/consultations/[id]/page": "/[locale]/[commune]/consultations/[id]",
      "/[locale]/[commune]/staff/new/page": "/[locale]/[commune]/staff/new",
      "/_not-found/page": "/_not-found",
      "/api/health/route": "/api/health",
    }),
  );
  writeFileSync(path.join(root, ".next/build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/runtime.js"] }));
  const layouts = {
    "[project]/app/[locale]/layout": ["static/chunks/locale-layout.js"],
    "[project]/app/[locale]/[commune]/layout": ["static/chunks/commune-layout.js", "static/chunks/style.css"],
  };
  manifest("/[locale]/[commune]/page", { ...layouts, "[project]/app/[locale]/[commune]/page": ["static/chunks/home.js", "static/chunks/runtime.js"] });
  manifest("/[locale]/[commune]/consultations/[id]/page", {
    ...layouts,
    "[project]/app/[locale]/[commune]/consultations/[id]/page": ["static/chunks/consultation.js"],
    // Another route's page in the same manifest is not this route's.
    "[project]/app/[locale]/[commune]/staff/new/page": ["static/chunks/staff-form.js"],
  });
  manifest("/[locale]/[commune]/staff/new/page", { ...layouts, "[project]/app/[locale]/[commune]/staff/new/page": ["static/chunks/staff-form.js", "static/chunks/consultation.js"] });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("firstLoadJs", () => {
  it("counts the runtime, every layout above the page and the page, each chunk once", () => {
    const routes = firstLoadJs(root);
    expect(routes.map((r) => r.route)).toEqual(["/[locale]/[commune]", "/[locale]/[commune]/consultations/[id]", "/[locale]/[commune]/staff/new"]);
    const home = routes[0]!;
    expect(home.files).toBe(4);
    expect(home.gzipBytes).toBe(size("runtime.js", "locale-layout.js", "commune-layout.js", "home.js"));
  });

  it("leaves out other routes' chunks and chunks loaded later (the map)", () => {
    const consultation = firstLoadJs(root).find((r) => r.route.endsWith("[id]"))!;
    expect(consultation.gzipBytes).toBe(size("runtime.js", "locale-layout.js", "commune-layout.js", "consultation.js"));
  });

  it("flags a route at or over 150 KB, and none under it", () => {
    const routes = firstLoadJs(root);
    const over = overLimit(routes);
    expect(over.map((r) => r.route)).toEqual(["/[locale]/[commune]/staff/new"]);
    expect(over[0]!.gzipBytes).toBeGreaterThanOrEqual(FIRST_LOAD_LIMIT_BYTES);
    expect(routes.filter((r) => !over.includes(r)).every((r) => r.gzipBytes < FIRST_LOAD_LIMIT_BYTES)).toBe(true);
    // Exactly at the limit is over it.
    expect(overLimit([{ route: "/x", files: 1, gzipBytes: FIRST_LOAD_LIMIT_BYTES }])).toHaveLength(1);
    expect(overLimit([{ route: "/x", files: 1, gzipBytes: FIRST_LOAD_LIMIT_BYTES - 1 }])).toHaveLength(0);
  });

  it("exempts the routes named as map routes, and only those", () => {
    const routes = firstLoadJs(root);
    expect(overLimit(routes, FIRST_LOAD_LIMIT_BYTES, ["/[locale]/[commune]/staff/new"])).toEqual([]);
    expect(overLimit(routes, FIRST_LOAD_LIMIT_BYTES, ["/[locale]/[commune]"])).toHaveLength(1);
  });
});

describe("parseClientReferenceManifest", () => {
  it("reads the object out of the file Next writes", () => {
    const parsed = parseClientReferenceManifest('globalThis.__RSC_MANIFEST=(globalThis.__RSC_MANIFEST||{});globalThis.__RSC_MANIFEST["/p"] = {"entryJSFiles":{"a":["b.js"]}};\n');
    expect(parsed.entryJSFiles).toEqual({ a: ["b.js"] });
  });

  it("refuses a file that is not one", () => {
    expect(() => parseClientReferenceManifest("module.exports = 1")).toThrow(/not a client reference manifest/);
  });
});

describe("budgetProblems", () => {
  const route = (name: string, kb: number) => ({ route: name, files: 3, gzipBytes: Math.round(kb * 1024) });

  it("refuses a new route over the limit, and passes routes under it", () => {
    expect(budgetProblems([route("/a", 149.9), route("/b", 150)], {})).toEqual(["/b: 150.0 KB, at or over 150.0 KB"]);
  });

  it("lets a pending route stay where it was, but not grow", () => {
    const pending = { "/form": { kb: 180 } };
    expect(budgetProblems([route("/form", 180.5)], pending)).toEqual([]);
    expect(budgetProblems([route("/form", 181.5)], pending)).toEqual(["/form: 181.5 KB, grew from 180.0 KB while over 150.0 KB"]);
  });

  it("asks for a pending route to leave the list once it is under", () => {
    expect(budgetProblems([route("/form", 140)], { "/form": { kb: 180 } })).toEqual(["/form: 140.0 KB, now under 150.0 KB: take it off PENDING_ROUTES"]);
  });

  it("leaves map routes alone", () => {
    expect(budgetProblems([route("/map", 400)], {}, FIRST_LOAD_LIMIT_BYTES, ["/map"])).toEqual([]);
  });
});
