import type { AbstractIntlMessages } from "next-intl";

/**
 * Only the messages a client component needs travel to the browser. Paths may be dotted
 * ("enums.Stance") to take one branch of a namespace.
 */
export function pickMessages(messages: AbstractIntlMessages, paths: string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: unknown = messages;
    let target: AbstractIntlMessages = picked;
    keys.forEach((key, i) => {
      source = (source as AbstractIntlMessages | undefined)?.[key];
      if (source === undefined) return;
      if (i === keys.length - 1) target[key] = source as AbstractIntlMessages;
      else target = (target[key] ??= {}) as AbstractIntlMessages;
    });
  }
  return picked;
}
