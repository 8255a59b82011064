// Every text of the voting screens, in both languages, is valid ICU and formats with its figures:
// a broken plural or select would otherwise surface only when that screen is shown.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { loadMessages } from "@/lib/i18n/load-messages";

const NAMESPACES = ["ballot", "ballotStaff", "errors", "enums"];

function keys(value: unknown, prefix: string): string[] {
  if (typeof value === "string") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, `${prefix}.${k}`));
}

/** A figure for every argument a message names: 2 serves plurals, selects (their "other") and text. */
const figuresFor = (message: string) => Object.fromEntries([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => [m[1], 2]));

const get = (tree: unknown, path: string) => path.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], tree);

describe.each(["vi", "en"])("voting texts in %s", (locale) => {
  const messages = loadMessages(locale);
  it("all format without an error", () => {
    const problems: string[] = [];
    const t = createTranslator({ locale, messages, onError: (e) => problems.push(e.message) });
    for (const namespace of NAMESPACES) {
      for (const key of keys(messages[namespace], namespace)) {
        (t as unknown as (k: string, v: object) => string)(key, figuresFor(get(messages, key) as string));
      }
    }
    expect(problems).toEqual([]);
  });
});
