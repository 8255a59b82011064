// The authorization matrix: every server action and every route handler of the build, called over
// HTTP against `next start` as each kind of person (e2e/access-matrix.ts), must be allowed or
// denied as the table says, never answer 500, and a denied call must write nothing.
import path from "node:path";

import type { APIRequestContext } from "@playwright/test";
import type pg from "pg";

import { ACTIONS, EVERYONE, type ProbeContext, ROUTES, WHO, type Who } from "./access-matrix";
import { actionPage, discoverActions, discoverRoutes, manifestActions, manifestRoutes } from "./discover";
import { expect, test } from "./fixtures";
import { BASE_URL, callAction, databaseClient, httpClient, rowCounts } from "./security-http";

const root = path.resolve(import.meta.dirname, "..");
// Refusals of the role check, and of the village check behind it (a village head of another village).
const DENIED_CODES = new Set(["unauthenticated", "forbidden", "accountBlocked", "inviteOtherVillage", "notYourVillage"]);
// Written by anything at any time (the scheduler's jobs, the audit sealer publishing a head), not by the calls under test.
const BACKGROUND_TABLES = ["RateLimit", "AuditHead"];

let db: pg.Client;
let probe: ProbeContext;
const clients = {} as Record<Who, APIRequestContext>;

test.beforeAll(async () => {
  db = await databaseClient();
  const one = async (sql: string, params: unknown[] = []) => (await db.query<{ id: string }>(sql, params)).rows[0]?.id ?? "no-such-row";
  const communeId = await one(`SELECT id FROM "Commune" WHERE slug = 'thien-tin'`);
  probe = {
    communeId,
    slug: "thien-tin",
    consultationId: await one(`SELECT id FROM "Consultation" WHERE "communeId" = $1 AND status = 'PUBLISHED' ORDER BY "createdAt" LIMIT 1`, [communeId]),
    attachmentId: await one(`SELECT a.id FROM "Attachment" a JOIN "Consultation" c ON c.id = a."consultationId" WHERE c."communeId" = $1 AND c.status <> 'DRAFT' LIMIT 1`, [communeId]),
    postingId: await one(`SELECT p.id FROM "DisclosurePosting" p WHERE p."communeId" = $1 LIMIT 1`, [communeId]),
    minutesId: await one(`SELECT id FROM "Attachment" WHERE "communeId" = $1 LIMIT 1`, [communeId]),
    otherVillageResidentId: await one(
      `SELECT r.id FROM "Resident" r JOIN "Village" v ON v.id = r."villageId" WHERE r."communeId" = $1 AND v.name = 'Phú Khương' AND r."isActive"
       AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."residentId" = r.id) ORDER BY r.id LIMIT 1`,
      [communeId],
    ),
  };
  expect(probe.otherVillageResidentId).not.toBe("no-such-row");
  let n = 0;
  for (const who of EVERYONE) clients[who] = await httpClient(WHO[who], `10.70.0.${++n}`);
});

test.afterAll(async () => {
  for (const c of Object.values(clients)) await c.dispose();
  await db.end();
});

test("every server action and route handler has a line in the access matrix", () => {
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
});

test("every server action allows and denies as the matrix says, and a denied call writes nothing", async () => {
  test.setTimeout(15 * 60_000);
  const mismatches: string[] = [];
  const built = manifestActions(root).filter((a) => a.key in ACTIONS);
  // Every action in the table that some page uses is in the build; the others cannot be called at all.
  expect(built.length).toBeGreaterThan(30);
  for (const action of built) {
    const entry = ACTIONS[action.key]!;
    const input = entry.probe ? entry.probe(probe) : { communeId: probe.communeId };
    for (const who of EVERYONE) {
      const expected = entry.allowed.includes(who) ? "allowed" : "denied";
      const before = expected === "denied" ? await rowCounts(db, BACKGROUND_TABLES) : null;
      // Posted from the caller's own commune's page: staff of another commune pass the proxy's guard
      // of their own staff area, so the action's own check of the commune in the input is what answers.
      const page = actionPage(action, { slug: who.startsWith("otherCommune") ? "nghia-hanh" : "thien-tin", consultationId: probe.consultationId }, who === "front" ? "front" : "staff");
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
        const after = await rowCounts(db, BACKGROUND_TABLES);
        const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
        if (changed.length) mismatches.push(`${action.key} as ${who}: denied but wrote to ${changed.join(", ")}`);
      }
    }
  }
  expect(mismatches).toEqual([]);
});

test("every route handler allows and denies as the matrix says, never with a 500, and a denied call writes nothing", async () => {
  test.setTimeout(10 * 60_000);
  const mismatches: string[] = [];
  for (const [key, entry] of Object.entries(ROUTES)) {
    const method = key.split(" ")[0]!;
    for (const who of EVERYONE) {
      const expected = entry.allowed.includes(who) ? "allowed" : "denied";
      const before = await rowCounts(db, BACKGROUND_TABLES);
      const url = entry.probe.path(probe);
      const multipart = entry.probe.multipart?.(probe);
      const res = await clients[who].fetch(url, { method, ...(multipart ? { multipart } : {}), maxRedirects: 0 });
      const status = res.status();
      if (status >= 500) {
        mismatches.push(`${key} as ${who}: ${status} ${(await res.text()).slice(0, 200)}`);
        continue;
      }
      const actual = status === 401 || status === 403 ? "denied" : "allowed";
      if (actual !== expected) mismatches.push(`${key} as ${who}: ${actual} (${status}), expected ${expected}`);
      // Allowed probes are harmless too (reads, or files refused for their content): nothing is
      // written, except where the table says the call itself is recorded.
      const after = await rowCounts(db, BACKGROUND_TABLES);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length && !entry.records?.includes(who)) mismatches.push(`${key} as ${who}: ${status}, wrote to ${changed.join(", ")}`);
      if (!changed.length && entry.records?.includes(who)) mismatches.push(`${key} as ${who}: ${status}, was not recorded`);
    }
  }
  expect(mismatches).toEqual([]);
});
