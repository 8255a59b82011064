// The cheap half of the authorization matrix, run with the unit tests: every server action and route
// handler found in the sources has a line in e2e/access-matrix.ts (who may call it), and every line
// names something that exists. The calls themselves are made over HTTP in e2e/security-matrix.spec.ts.
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ACTIONS, COMMUNE_KEYS, EVERYONE, ROUTES } from "@/e2e/access-matrix";
import { discoverActions, discoverRoutes, matrixLineProblems } from "@/e2e/discover";

const root = path.resolve(import.meta.dirname, "../..");

describe("access matrix", () => {
  it("has a line for every server action, and none for an action that is gone", () => {
    const found = discoverActions(root);
    expect(found.length).toBeGreaterThan(30);
    expect(found.filter((k) => !(k in ACTIONS))).toEqual([]);
    expect(Object.keys(ACTIONS).filter((k) => !found.includes(k))).toEqual([]);
  });

  it("has a line for every method of every route handler, and none for a route that is gone", () => {
    const found = discoverRoutes(root);
    expect(found).toContain("GET /api/health");
    expect(found).toContain("POST /api/auth/[...nextauth]");
    expect(found.filter((k) => !(k in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((k) => !found.includes(k))).toEqual([]);
  });

  it("names only known people, states every caller's status for a route and the status across communes for one that takes an id", () => {
    expect(matrixLineProblems({ everyone: EVERYONE, actions: ACTIONS, routes: ROUTES, communeKeys: COMMUNE_KEYS })).toEqual([]);
  });

  it("says what lacks in a line, in words", () => {
    const lines = {
      everyone: EVERYONE,
      communeKeys: COMMUNE_KEYS,
      actions: { "lib/x.ts#a": { allowed: ["nobody"] } },
      routes: {
        "GET /old": { allowed: EVERYONE, probe: { path: () => "/old" } },
        "GET /half": { expect: { visitor: 401 }, probe: { path: () => "/half" } },
        "GET /api/things/[id]": { expect: Object.fromEntries(EVERYONE.map((w) => [w, 404])), probe: { path: (c: { thingId: string }) => `/api/things/${c.thingId}` } },
      },
    };
    expect(matrixLineProblems(lines)).toEqual([
      'ACTION "lib/x.ts#a": `allowed` names "nobody", who is not in WHO',
      'ROUTE "GET /old": no `expect`: state the HTTP status of every caller, e.g. expect: only(STAFF, 200, 403) (`allowed` alone is no longer enough for a route)',
      `ROUTE "GET /half": \`expect\` has no HTTP status for ${EVERYONE.filter((w) => w !== "visitor").join(", ")}`,
      'ROUTE "GET /api/things/[id]": its probe takes an object id but the line has no `cross` (the status when the caller\'s own commune is sent with the other commune\'s ids)',
    ]);
  });

  it("lets no visitor write", () => {
    const publicActions = Object.entries(ACTIONS).filter(([, e]) => e.allowed.includes("visitor")).map(([k]) => k.split("#")[1]);
    // Anyone may check a receipt, start a registration, reset a forgotten password (with the code
    // sent to the account's phone) and confirm an email (with the link mailed to it); nothing else is
    // open to visitors.
    expect(publicActions.sort()).toEqual(["checkReceiptAction", "confirmEmailAction", "registerResidentAction", "requestPasswordResetAction", "requestPhoneCodeAction", "resetPasswordAction"]);
  });
});
