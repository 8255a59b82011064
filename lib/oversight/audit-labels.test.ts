// Every audit action the app writes has a label in both languages, so the public audit page
// (app/[locale]/[commune]/audit) never shows a raw code. The codes are read from the sources: the
// `action: "…"` of appendAudit calls, codes passed to the domains' audit helpers, other literals of an
// audit family, and the two families built from an enum (convention steps, household list changes).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { HouseholdChangeKind } from "@/lib/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/load-messages";

const root = process.cwd();
const CODE = String.raw`([a-z][a-zA-Z]*\.[a-z][a-zA-Z_-]*(?:\.[a-z][a-zA-Z_-]*)*)`;
/** Literals of an audit family's shape that are not audit actions (feed texts, rule names, file names). */
const NOT_ACTIONS = new Set(["disclosure.feed.commentPeriod", "disclosure.feed.communeTitle", "disclosure.feed.notice", "disclosure.feed.subtitle", "disclosure.feed.title", "disclosure.rules", "meeting.countMinutes", "onlineDeciding.minutes", "village.kml"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
  });
}

function actionCodes(): string[] {
  const sources = sourceFiles(path.join(root, "lib")).map((f) => readFileSync(f, "utf8"));
  const written = new Set<string>();
  for (const text of sources) {
    for (const m of text.matchAll(new RegExp(String.raw`action: (?:[^"\n]*\? )?"${CODE}"(?: : "${CODE}")?`, "g"))) [m[1], m[2]].forEach((c) => c && written.add(c));
    for (const m of text.matchAll(new RegExp(String.raw`\b\w*(?:audit|Audit|recordStep|editContent)\w*\([^()"]*"${CODE}"`, "g"))) written.add(m[1]!);
  }
  // Codes handed through a helper's parameter: any literal of a family the app audits.
  const families = new Set([...written].map((c) => c.split(".")[0]));
  for (const text of sources) for (const m of text.matchAll(new RegExp(`"${CODE}"`, "g"))) if (families.has(m[1]!.split(".")[0])) written.add(m[1]!);
  // Convention steps: writeStep's kinds (`convention.${kind.toLowerCase()}`), literal or in a ternary.
  const life = readFileSync(path.join(root, "lib/conventions/life.ts"), "utf8");
  const steps = [...life.matchAll(/writeStep\(tx, access, \{[^}]*?kind: ([^,]+),/g)].flatMap((m) => [...m[1]!.split("?").at(-1)!.matchAll(/"([A-Z_]+)"/g)].map((k) => k[1]!));
  for (const kind of [...steps, "SUSPENSION_GROUNDS", "REPEAL_GROUNDS"]) written.add(`convention.${kind.toLowerCase()}`);
  // Household list changes: `households.${kind.toLowerCase()}` (lib/households/change-log.ts).
  for (const kind of Object.values(HouseholdChangeKind)) written.add(`households.${kind.toLowerCase()}`);
  return [...written].filter((c) => !NOT_ACTIONS.has(c)).sort();
}

describe("audit action labels", () => {
  const codes = actionCodes();

  it("finds the codes in the sources, including those passed through helpers and built from enums", () => {
    expect(codes).not.toContain("convention.suspension");
    expect(codes).toEqual(
      expect.arrayContaining(["vote.cast", "report.approve", "onlineDeciding.agreement", "reception.visit.read-id", "work.milestone", "convention.recognised", "households.villages_merged", "document.issue"]),
    );
  });

  it.each(["vi", "en"])("has a %s label for each", (locale) => {
    const labels = (loadMessages(locale) as { audit: { actions: Record<string, string> } }).audit.actions;
    expect(codes.filter((c) => !labels[c.replace(/\./g, "_")])).toEqual([]);
  });
});
