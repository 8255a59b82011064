// The authorization matrix: every server action and every route handler of the build, called over
// HTTP against `next start` as each kind of person (e2e/access-matrix.ts), on real objects of the
// test database (e2e/probe-objects.ts). An action must be allowed or denied as the table says; a
// route must answer exactly the status its line states; neither ever answers 500, a refused call
// writes nothing, an answer carries no field its reader may not see and nothing of another commune;
// and every call that takes an id is tried again with the caller's own commune and the other
// commune's ids, to be refused with nothing written.
import path from "node:path";

import type { APIRequestContext, APIResponse } from "@playwright/test";
import type pg from "pg";

import { ACTIONS, COMMUNE_KEYS, CROSS_FIELDS, crossInput, EVERYONE, type ProbeContext, ROUTES, WHO, type Who } from "./access-matrix";
import { actionPage, discoverActions, discoverRoutes, type ManifestAction, manifestActions, manifestRoutes, matrixLineProblems } from "./discover";
import { expect, test } from "./fixtures";
import { probeObjects } from "./probe-objects";
import { BASE_URL, callAction, changedTables, databaseClient, httpClient, tableFingerprint } from "./security-http";

const root = path.resolve(import.meta.dirname, "..");
// Refusals of the role check, and of the village check behind it (a village head of another village).
const DENIED_CODES = new Set(["unauthenticated", "forbidden", "accountBlocked", "inviteOtherVillage", "notYourVillage"]);
// Written by anything at any time (the scheduler's jobs, the audit sealer publishing a head), not by the calls under test.
const BACKGROUND_TABLES = ["RateLimit", "AuditHead"];
/**
 * Fields no answer carries unless its line `shows` them to that caller: contact details, birth
 * years, and ids that tie an act to a person.
 */
const FORBIDDEN_KEYS = [
  "phone", "email", "birthYear", "yearOfBirth", "passwordHash", "userId", "actorId", "authorId", "residentId", "householdId",
  "createdById", "uploadedById", "enteredById", "recordedById", "answeredById", "approvedById", "removedById", "frontSignedOffBy",
];

let db: pg.Client;
/** Thiện Tín's objects, and Nghĩa Hành's. */
let probe: ProbeContext;
let other: ProbeContext;
let actions: ManifestAction[];
/** Every account's id, phone and email, to find them in answers where they do not belong. */
let people: { id: string; phone: string | null; email: string | null; login: string | null }[];
const clients = {} as Record<Who, APIRequestContext>;

/** The administrator of the seed holds the role in both communes. */
const MEMBER_OF_BOTH: Who[] = ["admin"];
const isOtherCommune = (who: Who) => who.startsWith("otherCommune");
const homeOf = (who: Who) => (isOtherCommune(who) ? other : probe);
const awayOf = (who: Who) => (isOtherCommune(who) ? probe : other);
/** The caller's own commune with the other commune's objects. */
const crossed = (who: Who): ProbeContext => ({ ...awayOf(who), ...Object.fromEntries(COMMUNE_KEYS.map((k) => [k, homeOf(who)[k]])) });
/** The ids of a commune's objects (its own id included; its slug and audit numbers are not ids). */
const objectIds = (c: ProbeContext) => Object.entries(c).filter(([k]) => k !== "slug" && k !== "auditSeq").map(([, v]) => v);

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  db = await databaseClient();
  let n = 0;
  for (const who of EVERYONE) clients[who] = await httpClient(WHO[who], `10.70.0.${++n}`);
  actions = manifestActions(root);
  probe = await probeObjects(db, "thien-tin", { staff: clients.staff, actions });
  other = await probeObjects(db, "nghia-hanh", { staff: clients.otherCommuneStaff, actions });
  people = (await db.query<{ id: string; phone: string | null; email: string | null }>(`SELECT id, phone, email FROM "User"`)).rows.map((p) => ({
    ...p,
    login: Object.values(WHO).find((w) => w && (w === p.email || (p.phone && p.phone.endsWith(w.slice(1))))) ?? null,
  }));
});

test.afterAll(async () => {
  for (const c of Object.values(clients)) await c.dispose();
  await db.end();
});

/**
 * What an answer shows that its reader may not see: a forbidden key (unless the line `shows` it to
 * them), another person's id, phone (in either form) or email, or an id of the commune the probe is
 * not about.
 */
async function leaks(res: APIResponse, who: Who, shown: string[], foreign: ProbeContext): Promise<string[]> {
  const type = res.headers()["content-type"] ?? "";
  if (!/json|text|csv|xml/.test(type)) return [];
  let text = await res.text();
  const found: string[] = [];
  if (/json/.test(type)) {
    // A field the line shows to this caller is theirs to see, value included: it is left out of the search.
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (!v || typeof v !== "object") return v;
      const kept: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) {
        if (shown.includes(k)) continue;
        if (FORBIDDEN_KEYS.includes(k) && inner !== null) found.push(`field "${k}"`);
        kept[k] = walk(inner);
      }
      return kept;
    };
    try {
      text = JSON.stringify(walk(JSON.parse(text)));
    } catch {
      // not JSON after all: the values below are still looked for
    }
  }
  const me = people.find((p) => p.login === WHO[who]);
  for (const p of people) {
    if (p.id === me?.id) continue;
    if (text.includes(p.id)) found.push(`the id of another account (${p.id})`);
    if (p.phone && (text.includes(p.phone) || text.includes(p.phone.replace(/^\+84/, "0")))) found.push(`another person's phone (${p.phone})`);
    if (p.email && text.includes(p.email)) found.push(`another person's email (${p.email})`);
  }
  // The caller's own memberships (staff of Nghĩa Hành, the administrator of both) are theirs to see.
  if (homeOf(who) !== foreign && !MEMBER_OF_BOTH.includes(who)) for (const id of objectIds(foreign)) if (text.includes(id)) found.push(`an id of ${foreign.slug} (${id})`);
  return [...new Set(found)];
}

test("every server action and route handler has a line in the access matrix, with all it needs", () => {
  const sourceActions = discoverActions(root);
  const built = manifestActions(root);
  expect(sourceActions.length).toBeGreaterThan(30);
  expect(sourceActions.filter((k) => !(k in ACTIONS)), "actions without a line in e2e/access-matrix.ts").toEqual([]);
  expect(built.filter((a) => !(a.key in ACTIONS)).map((a) => a.key), "built actions without a line").toEqual([]);
  expect(Object.keys(ACTIONS).filter((k) => !sourceActions.includes(k)), "lines for actions that no longer exist").toEqual([]);

  const sourceRoutes = discoverRoutes(root);
  expect(sourceRoutes.filter((k) => !(k in ROUTES)), "routes without a line in e2e/access-matrix.ts").toEqual([]);
  expect(Object.keys(ROUTES).filter((k) => !sourceRoutes.includes(k)), "lines for routes that no longer exist").toEqual([]);
  const routePaths = new Set(sourceRoutes.map((r) => r.split(" ")[1]));
  expect(manifestRoutes(root).filter((r) => !routePaths.has(r)), "built routes not found in the sources").toEqual([]);
  expect(matrixLineProblems({ everyone: EVERYONE, actions: ACTIONS, routes: ROUTES, communeKeys: COMMUNE_KEYS }), "lines of e2e/access-matrix.ts that lack what they need").toEqual([]);
});

test("the probes use real objects of both communes", async () => {
  // Each probe value names a row of its own commune; the two communes share none.
  for (const c of [probe, other]) {
    const [row] = (
      await db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM "Report" WHERE id = $2 AND "communeId" = $1 AND status = 'DRAFT')
              + (SELECT count(*) FROM "OutcomeNotice" WHERE id = $3 AND "communeId" = $1 AND "consultationId" = $4 AND status = 'DRAFT')
              + (SELECT count(*) FROM "Attachment" WHERE id = $5 AND "communeId" = $1 AND "removedAt" IS NOT NULL)
              + (SELECT count(*) FROM "Attachment" WHERE id = $6 AND "communeId" = $1 AND kind = 'MINUTES')
              + (SELECT count(*) FROM "DisclosurePosting" WHERE id = $7 AND "communeId" = $1 AND "photoId" IS NOT NULL)
              + (SELECT count(*) FROM "Opinion" WHERE id = $8 AND "communeId" = $1) AS n`,
        [c.communeId, c.reportId, c.noticeId, c.noticeConsultationId, c.attachmentId, c.minutesId, c.postingId, c.opinionId],
      )
    ).rows;
    expect(Number(row!.n), `probe objects of ${c.slug}`).toBe(6);
  }
  expect(objectIds(probe).filter((id) => objectIds(other).includes(id))).toEqual([]);
});

test("every server action allows and denies as the matrix says, and a denied call writes nothing", async () => {
  test.setTimeout(15 * 60_000);
  const mismatches: string[] = [];
  const built = actions.filter((a) => a.key in ACTIONS);
  // Every action in the table that some page uses is in the build; the others cannot be called at all.
  expect(built.length).toBeGreaterThan(30);
  for (const action of built) {
    const entry = ACTIONS[action.key]!;
    const input = entry.probe ? entry.probe(probe) : { communeId: probe.communeId };
    for (const who of EVERYONE) {
      const expected = entry.allowed.includes(who) ? "allowed" : "denied";
      const before = expected === "denied" ? await tableFingerprint(db, BACKGROUND_TABLES) : null;
      // Posted from the caller's own commune's page: staff of another commune pass the proxy's guard
      // of their own staff area, so the action's own check of the commune in the input is what answers.
      const page = actionPage(action, { slug: homeOf(who).slug, consultationId: probe.consultationId }, who === "front" ? "front" : "staff");
      const outcome = await callAction(clients[who], { id: action.id, page }, input, { origin: BASE_URL });
      const code = outcome.result?.serverError?.code;
      // The proxy turns away those without a role in the staff or Front area before any action runs:
      // a visitor to the sign-in page, others to the forbidden page (which has no actions: 409).
      const stoppedByProxy = !outcome.result && [307, 403, 409].includes(outcome.status) && /\/(staff|front)\//.test(page);
      if (!stoppedByProxy && (outcome.status >= 500 || code === "unexpected" || !outcome.result)) {
        mismatches.push(`${action.key} as ${who} at ${page}: HTTP ${outcome.status}, ${outcome.body.slice(0, 200)}`);
        continue;
      }
      const actual = stoppedByProxy || (code && DENIED_CODES.has(code)) ? "denied" : "allowed";
      if (actual !== expected) mismatches.push(`${action.key} as ${who}: ${actual} (${code ?? "no error"}), expected ${expected}`);
      if (before) {
        const changed = changedTables(before, await tableFingerprint(db, BACKGROUND_TABLES));
        if (changed.length) mismatches.push(`${action.key} as ${who}: denied but wrote to ${changed.join(", ")}`);
      }
    }
  }
  expect(mismatches).toEqual([]);
});

/**
 * Who tries an action across communes: someone it lets in, from each commune (staff of Nghĩa Hành for
 * staff actions, its resident for residents' ones; Thiện Tín has every role).
 */
function crossCallers(key: string): Who[] {
  const entry = ACTIONS[key]!;
  const home = entry.fuzzAs ?? entry.allowed.find((w) => !isOtherCommune(w));
  const away: Who | undefined = entry.allowed.some((w) => ["staff", "leader", "admin"].includes(w))
    ? "otherCommuneStaff"
    : entry.allowed.includes("resident")
      ? "otherCommuneResident"
      : undefined;
  return [home, away].filter((w): w is Who => Boolean(w));
}

test("every server action that takes an id refuses another commune's ids sent with the caller's own commune, writing nothing", async () => {
  test.setTimeout(15 * 60_000);
  const mismatches: string[] = [];
  const stoppedAtValidation: string[] = [];
  let refusedPastValidation = 0;
  for (const action of actions.filter((a) => a.key in ACTIONS)) {
    const entry = ACTIONS[action.key]!;
    for (const who of crossCallers(action.key)) {
      const c = crossed(who);
      const input = { ...crossInput(c), ...CROSS_FIELDS[action.key], communeId: c.communeId, ...(entry.probe ? (entry.probe(c) as object) : {}) };
      const before = await tableFingerprint(db, BACKGROUND_TABLES);
      const page = actionPage(action, { slug: c.slug, consultationId: homeOf(who).consultationId }, who === "front" ? "front" : "staff");
      const outcome = await callAction(clients[who], { id: action.id, page }, input, { origin: BASE_URL });
      const result = outcome.result;
      const what = `${action.key} as ${who} (${c.slug}'s commune id, ${awayOf(who).slug}'s objects)`;
      if (outcome.status >= 500 || !result || result.serverError?.code === "unexpected") mismatches.push(`${what}: HTTP ${outcome.status}, ${outcome.body.slice(0, 200)}`);
      else if (!result.serverError && !result.validationErrors && !entry.crossAnswers) mismatches.push(`${what}: answered ${JSON.stringify(result.data ?? null).slice(0, 200)}, expected a refusal`);
      else if (result.validationErrors) stoppedAtValidation.push(`${action.key} as ${who}: ${JSON.stringify(result.validationErrors).slice(0, 120)}`);
      else if (result.serverError) refusedPastValidation++;
      const changed = changedTables(before, await tableFingerprint(db, BACKGROUND_TABLES));
      if (changed.length) mismatches.push(`${what}: wrote to ${changed.join(", ")}`);
      const leaked = objectIds(awayOf(who)).filter((id) => id !== c.communeId && JSON.stringify(result?.data ?? null).includes(id));
      if (leaked.length) mismatches.push(`${what}: answered with ${awayOf(who).slug}'s ids ${leaked.join(", ")}`);
    }
  }
  // What the input bag could not carry past an action's schema (refused before any lookup) is listed in
  // the report, so that a line can get a probe of its own where it matters.
  test.info().annotations.push({ type: "cross-commune refusals past validation", description: String(refusedPastValidation) });
  test.info().annotations.push({ type: "cross-commune calls stopped at validation", description: stoppedAtValidation.join("\n") || "none" });
  if (process.env.MATRIX_REPORT) console.log(`cross-commune: ${refusedPastValidation} refused past validation; stopped at validation:\n${stoppedAtValidation.join("\n")}`);
  expect(refusedPastValidation).toBeGreaterThan(20);
  expect(mismatches).toEqual([]);
});

/**
 * The rate limits spent by the specs before (the hostile uploads of security-fuzz.spec.ts use the
 * same accounts) would answer 429 where the line states the route's own answer: they start afresh.
 */
const freshRateLimits = () => db.query(`DELETE FROM "RateLimit"`);

test("every route handler answers each caller exactly the status its line states, never a 500, shows nothing it may not, and a refused call writes nothing", async () => {
  test.setTimeout(10 * 60_000);
  await freshRateLimits();
  const mismatches: string[] = [];
  for (const [key, entry] of Object.entries(ROUTES)) {
    const method = key.split(" ")[0]!;
    for (const who of EVERYONE) {
      const before = await tableFingerprint(db, BACKGROUND_TABLES);
      const multipart = entry.probe.multipart?.(probe);
      const res = await clients[who].fetch(entry.probe.path(probe), { method, ...(multipart ? { multipart } : {}), headers: { Origin: BASE_URL }, maxRedirects: 0 });
      const status = res.status();
      const expected = entry.expect[who];
      if (status !== expected) mismatches.push(`${key} as ${who}: HTTP ${status}, expected ${expected} — ${(await res.text()).slice(0, 160)}`);
      for (const leak of await leaks(res, who, entry.shows?.[who] ?? [], other)) mismatches.push(`${key} as ${who}: the answer shows ${leak}`);
      // Allowed probes are harmless too (reads, or files refused for their content): nothing is
      // written, except where the table says the call itself is recorded.
      const changed = changedTables(before, await tableFingerprint(db, BACKGROUND_TABLES));
      if (changed.length && !entry.records?.includes(who)) mismatches.push(`${key} as ${who}: ${status}, wrote to ${changed.join(", ")}`);
      if (!changed.length && entry.records?.includes(who)) mismatches.push(`${key} as ${who}: ${status}, was not recorded`);
    }
  }
  expect(mismatches).toEqual([]);
});

test("every route handler that takes an id answers another commune's ids, sent with the caller's own commune, as its line states, writing nothing", async () => {
  test.setTimeout(5 * 60_000);
  await freshRateLimits();
  const mismatches: string[] = [];
  const tried: string[] = [];
  for (const [key, entry] of Object.entries(ROUTES)) {
    if (entry.cross === undefined) continue;
    const method = key.split(" ")[0]!;
    for (const who of entry.crossAs ?? (["staff", "otherCommuneStaff"] as const)) {
      const c = crossed(who);
      const before = await tableFingerprint(db, BACKGROUND_TABLES);
      const multipart = entry.probe.multipart?.(c);
      const res = await clients[who].fetch(entry.probe.path(c), { method, ...(multipart ? { multipart } : {}), headers: { Origin: BASE_URL }, maxRedirects: 0 });
      const what = `${key} as ${who} (${c.slug}'s commune, ${awayOf(who).slug}'s objects)`;
      tried.push(what);
      if (res.status() !== entry.cross) mismatches.push(`${what}: HTTP ${res.status()}, expected ${entry.cross} — ${(await res.text()).slice(0, 160)}`);
      for (const leak of await leaks(res, who, entry.shows?.[who] ?? [], awayOf(who))) mismatches.push(`${what}: the answer shows ${leak}`);
      const changed = changedTables(before, await tableFingerprint(db, BACKGROUND_TABLES));
      if (changed.length) mismatches.push(`${what}: wrote to ${changed.join(", ")}`);
    }
  }
  expect(tried.length).toBeGreaterThan(10);
  expect(mismatches).toEqual([]);
});
