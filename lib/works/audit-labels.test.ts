// Every audit action written by the acts after a decision (works, contributions, initiatives, the People's
// Inspection Board, supervision boards, conventions) has a label in both languages, so the public audit
// page (app/[locale]/[commune]/audit) never shows a raw code. The codes are read from the sources.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const DOMAINS = ["works", "contributions", "initiatives", "inspection", "supervision", "conventions"];
const root = process.cwd();

function sources() {
  return DOMAINS.flatMap((d) =>
    readdirSync(path.join(root, "lib", d))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => readFileSync(path.join(root, "lib", d, f), "utf8")),
  ).join("\n");
}

/** The literal codes, and the convention step kinds (`convention.${kind.toLowerCase()}`). */
function actionCodes() {
  const text = sources();
  const literal = [...text.matchAll(/action: (?:[^"\n]*\? )?"((?:work|contribution|initiative|inspection|supervision|convention)\.[a-z_.]+)"(?: : "([a-z_.]+)")?/g)].flatMap((m) => [m[1]!, ...(m[2] ? [m[2]] : [])]);
  const audited = [...text.matchAll(/audit\([^,]+, [^,]+, "((?:work|contribution|initiative|inspection|supervision|convention)\.[a-z_.]+)"/g)].map((m) => m[1]!);
  // Convention steps: writeStep's kinds, literal or in a ternary (ADOPTED / NOT_ADOPTED, SUSPENDED / REPEALED…).
  const life = readFileSync(path.join(root, "lib/conventions/life.ts"), "utf8");
  const steps = [...life.matchAll(/writeStep\(tx, access, \{[^}]*?kind: ([^,]+),/g)].flatMap((m) => [...m[1]!.split("?").at(-1)!.matchAll(/"([A-Z_]+)"/g)].map((k) => k[1]!));
  const grounds = ["SUSPENSION_GROUNDS", "REPEAL_GROUNDS"]; // `${input.kind}_GROUNDS`
  return [...new Set([...literal, ...audited, ...[...steps, ...grounds].map((k) => `convention.${k.toLowerCase()}`)])].sort();
}

describe("audit labels of the acts after a decision", () => {
  const codes = actionCodes();

  it("finds the codes in the sources", () => {
    expect(codes).not.toContain("convention.suspension");
    expect(codes).toEqual(expect.arrayContaining(["work.milestone", "contribution.receipt", "inspection.plan.send", "supervision.board.setup", "convention.recognised", "convention.suspended"]));
  });

  it.each(["vi", "en"])("has a %s label for each", (locale) => {
    const labels = JSON.parse(readFileSync(path.join(root, "messages", locale, "audit.afterDecision.json"), "utf8")).actionsAfterDecision as Record<string, string>;
    const missing = codes.filter((c) => !labels[c.replace(/\./g, "_")]);
    expect(missing).toEqual([]);
  });
});
