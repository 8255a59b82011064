// Error messages for the set-up islands without the ICU runtime: the server passes the raw templates
// of the error keys these forms can meet (errors.setup.json and a few shared ones), and the island fills
// in the simple {name} placeholders itself (see README "Client islands").
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

/** A file as base64, for readBoundaryFileAction. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
