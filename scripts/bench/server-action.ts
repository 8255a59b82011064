// Calling a server action over HTTP as the browser does: its id from the build, a POST to a page
// that uses it, and the result read back from the React Server Components stream.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type ActionEntry = { workers?: Record<string, unknown>; filename?: string; exportedName?: string };

/** The id of the exported server action `name` of `file`, read from the production build. */
export function serverActionId(root: string, name: string, file: string): string {
  const next = path.join(root, ".next");
  const manifestFile = path.join(next, "server/server-reference-manifest.json");
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { node?: Record<string, ActionEntry> };
    for (const [id, entry] of Object.entries(manifest.node ?? {})) {
      if (entry.exportedName === name && (!entry.filename || entry.filename.endsWith(file))) return id;
    }
  }
  // Builds whose manifest does not name the exports: the browser chunks create each reference with
  // its id and its name.
  const pattern = new RegExp(`"([0-9a-f]{40,})"[^"]{0,200}"${name}"\\)`);
  const chunks = path.join(next, "static/chunks");
  const walk = (dir: string): string | null => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(full);
        if (found) return found;
      } else if (entry.name.endsWith(".js")) {
        const match = pattern.exec(readFileSync(full, "utf8"));
        if (match) return match[1]!;
      }
    }
    return null;
  };
  const id = walk(chunks);
  if (!id) throw new Error(`server action ${name} (${file}) not found in the build`);
  return id;
}

export type ActionOutcome = { kind: "ok"; data: unknown } | { kind: "error"; code: string };

/**
 * The result of a next-safe-action action from the RSC stream of its response: `{ data }` when it
 * succeeded, `{ serverError: { code } }` or `{ validationErrors }` when it did not.
 */
export function parseActionResponse(body: string): ActionOutcome {
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line.slice(colon + 1));
    } catch {
      continue;
    }
    if (!value || typeof value !== "object") continue;
    const v = value as { data?: unknown; serverError?: { code?: string }; validationErrors?: unknown };
    if (v.serverError) return { kind: "error", code: v.serverError.code ?? "serverError" };
    if (v.validationErrors) return { kind: "error", code: "validation" };
    if ("data" in v && v.data !== undefined) return { kind: "ok", data: v.data };
  }
  return { kind: "error", code: body.length ? "unreadable" : "empty" };
}
