// The cheap half of the authorization matrix, run with the unit tests: every server action and route
// handler found in the sources has a line in e2e/access-matrix.ts (who may call it), and every line
// names something that exists. The calls themselves are made over HTTP in e2e/security-matrix.spec.ts.
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ACTIONS, EVERYONE, ROUTES } from "@/e2e/access-matrix";
import { discoverActions, discoverRoutes } from "@/e2e/discover";

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

  it("names only known people, and lets no visitor write", () => {
    for (const [key, entry] of [...Object.entries(ACTIONS), ...Object.entries(ROUTES)]) {
      for (const who of entry.allowed) expect(EVERYONE, key).toContain(who);
    }
    const publicActions = Object.entries(ACTIONS).filter(([, e]) => e.allowed.includes("visitor")).map(([k]) => k.split("#")[1]);
    // Anyone may check a receipt, start a registration and reset a forgotten password (with the code
    // sent to the account's phone); nothing else is open to visitors.
    expect(publicActions.sort()).toEqual(["checkReceiptAction", "registerResidentAction", "requestPasswordResetAction", "requestPhoneCodeAction", "resetPasswordAction"]);
  });
});
