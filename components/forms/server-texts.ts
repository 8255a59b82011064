// Error messages for client islands without the ICU runtime: the server passes the raw templates of the
// error keys a form can meet, and the island fills in the simple {name} placeholders itself (README
// "Client islands"). Used by the set-up forms and the document register's form.
import type { ActionServerError } from "@/lib/actions/safe-action";

export type ErrorTexts = Record<string, string>;

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

type Result = { serverError?: ActionServerError; validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } } | undefined;

/** The banner text and the field messages of a failed action; null when it succeeded. */
export function failureOf(result: Result, texts: ErrorTexts): { banner: string; fields: Record<string, string> } | null {
  const say = (key: string, params?: Record<string, string | number>) => fill(texts[key] ?? texts.unexpected ?? key, params);
  if (!result) return { banner: say("unexpected", { id: "network" }), fields: {} };
  if (result.validationErrors) {
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(result.validationErrors.fieldErrors ?? {})) if (v?.[0]) fields[k] = say(v[0]);
    const first = Object.values(fields)[0];
    return { banner: first ? `${say("invalidInput")} ${first}` : say("invalidInput"), fields };
  }
  if (result.serverError) {
    const { code, params, fields } = result.serverError;
    return { banner: say(code, params), fields: Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, say(v, params)])) };
  }
  return null;
}
