// Catalogues are split by namespace: messages/<locale>/<namespace>.json. A shared namespace may be
// split further, messages/<locale>/<namespace>.<part>.json (errors.participation.json adds to
// "errors"), so that each domain keeps its own file and work on one part does not collide with
// another. Parts merge at every depth (audit.households.json may add labels to "audit.actions");
// a text defined twice is an error. The files are read at run time from the project folder
// (hence the turbopackIgnore hints: the bundler need not trace the whole project for them).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

import type { AbstractIntlMessages } from "next-intl";

const cache = new Map<string, AbstractIntlMessages>();

export function loadMessages(locale: string, root = path.join(process.cwd(), "messages")): AbstractIntlMessages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(/* turbopackIgnore: true */ root, locale);
  const messages: AbstractIntlMessages = {};
  for (const file of readdirSync(/* turbopackIgnore: true */ dir).filter((f) => f.endsWith(".json")).sort()) {
    const namespace = file.split(".")[0]!;
    const content = JSON.parse(readFileSync(path.join(/* turbopackIgnore: true */ dir, file), "utf8")) as AbstractIntlMessages;
    mergeInto((messages[namespace] ??= {}) as AbstractIntlMessages, content, `messages/${locale}/${file}`, namespace);
  }
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}

/** Adds `content` to `target`, merging groups of texts at any depth; refuses a text defined twice. */
function mergeInto(target: AbstractIntlMessages, content: AbstractIntlMessages, file: string, at: string): void {
  for (const [key, value] of Object.entries(content)) {
    const existing = target[key];
    const isGroup = (v: unknown): v is AbstractIntlMessages => typeof v === "object" && v !== null;
    if (existing === undefined) {
      // A group is copied, so that a later part merging into it never writes into this file's object.
      const copy: AbstractIntlMessages = {};
      if (isGroup(value)) mergeInto(copy, value, file, `${at}.${key}`);
      target[key] = isGroup(value) ? copy : value;
    } else if (isGroup(existing) && isGroup(value)) mergeInto(existing, value, file, `${at}.${key}`);
    else throw new Error(`${file}: "${at}.${key}" is already defined`);
  }
}
