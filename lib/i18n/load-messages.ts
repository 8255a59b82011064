// Catalogues are split by namespace: messages/<locale>/<namespace>.json. A shared namespace may be
// split further, messages/<locale>/<namespace>.<part>.json (errors.participation.json adds to
// "errors"), so that each domain keeps its own file and work on one part does not collide with
// another. A key defined twice is an error. The files are read at run time from the project folder
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
    const target = (messages[namespace] ??= {}) as AbstractIntlMessages;
    for (const [key, value] of Object.entries(content)) {
      if (key in target) throw new Error(`messages/${locale}/${file}: "${namespace}.${key}" is already defined`);
      target[key] = value;
    }
  }
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}
