// The app as it runs in production, for the reliability tests: `next start` from the build, started as a
// child process on a port of its own, and driven over HTTP exactly as a browser drives it — sign-in
// through next-auth's credentials callback, server actions by their id from the build's manifest.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../../..");

/** Ports for the app instances of these tests: E2E_PORT + 10 … + 15 (the brief's extra-instance range). */
export function appPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3210) + 10 + offset;
}

export type App = {
  port: number;
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown hooks, no flush — as a crash or an OOM kill. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
};

export function requireBuild() {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` before the reliability tests.");
  }
}

export async function startApp(options: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<App> {
  requireBuild();
  const { port, databaseUrl } = options;
  let out = "";
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "reliability-only-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      SCHEDULER: "off",
      // Production refuses the SMS outbox unless accepted (lib/env.ts); these tests send no text.
      SMS_OUTBOX_ACCEPTED: "1",
      ...options.env,
    },
  });
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const app: App = {
    port,
    url,
    child,
    output: () => out,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      await app.kill();
    },
  };
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${out}`);
    const res = await fetch(`${url}/api/health`).catch(() => null);
    return res?.status === 200;
  }, 90_000, `next start on port ${port}`);
  return app;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// ─── A browser-like client: cookies, sign-in, server actions ───────────────────────────────────────

export class Client {
  cookies = new Map<string, string>();
  constructor(public baseUrl: string) {}

  /** The same session against another instance (a load balancer sends the next request elsewhere). */
  on(baseUrl: string): Client {
    const c = new Client(baseUrl);
    c.cookies = new Map(this.cookies);
    return c;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathname: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.baseUrl + pathname, {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }

  async signIn(identifier: string, password = "danban2026") {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ identifier, password, csrfToken: csrf.csrfToken, json: "true" }),
    });
    if (![200, 302].includes(res.status) || !this.sessionToken()) {
      throw new Error(`sign-in of ${identifier} failed: ${res.status} ${res.headers.get("location")}`);
    }
  }

  sessionToken() {
    return this.cookies.get("next-auth.session-token");
  }

  async session(): Promise<{ user?: { id: string; name: string } }> {
    return (await (await this.fetch("/api/auth/session")).json()) as { user?: { id: string; name: string } };
  }

  /**
   * Calls a server action as the browser does: POST to a page with the action's id; the answer is the
   * React flight stream whose row 1 is the action's result ({ data } or { serverError } …).
   */
  async action<T = unknown>(name: string, input: unknown, options: { page?: string; timeoutMs?: number } = {}): Promise<ActionAnswer<T>> {
    const res = await this.fetch(options.page ?? "/", {
      method: "POST",
      headers: {
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        "next-action": actionId(name),
        origin: this.baseUrl,
      },
      body: JSON.stringify([input]),
      timeoutMs: options.timeoutMs,
    });
    const text = await res.text();
    const row = /^1:(.*)$/m.exec(text);
    let result: ActionResult<T> | null = null;
    if (row) {
      try {
        result = JSON.parse(row[1]!) as ActionResult<T>;
      } catch {
        result = null;
      }
    }
    return { status: res.status, result, raw: text };
  }
}

export type ActionResult<T> = {
  data?: T;
  serverError?: { code: string; status: number; params?: Record<string, unknown> };
  validationErrors?: unknown;
};
export type ActionAnswer<T> = { status: number; result: ActionResult<T> | null; raw: string };

let manifest: Map<string, string> | undefined;

/** The id of the server action exported as `name`, read from the build. */
export function actionId(name: string): string {
  if (!manifest) {
    manifest = new Map();
    const json = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
      node: Record<string, { exportedName?: string; filename?: string }>;
    };
    for (const [id, entry] of Object.entries(json.node)) {
      if (entry.exportedName) manifest.set(entry.exportedName, id);
    }
  }
  const id = manifest.get(name);
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}
