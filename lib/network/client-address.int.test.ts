// The per-address sign-in limit, through next-auth's credentials check as a request reaches it behind
// one reverse proxy (TRUSTED_PROXIES=1): forged left-most X-Forwarded-For entries do not make new
// addresses, so rotating them does not escape the limit.
import { beforeAll, describe, expect, it } from "vitest";

process.env.TRUSTED_PROXIES = "1";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
let authorize: Authorize;

beforeAll(async () => {
  const { authOptions } = await import("@/lib/auth/options");
  authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
});

async function attempt(i: number, forwardedFor: string): Promise<string> {
  const phone = `0966${String(100_000 + i).slice(1)}0`.slice(0, 10);
  return authorize({ identifier: phone, password: "wrong-password" }, { headers: { "x-forwarded-for": forwardedFor } }).then(
    () => "ok",
    (e: Error) => e.message,
  );
}

describe("sign-in attempts per client address", () => {
  it("counts by the address the proxy saw, whatever the client put before it", async () => {
    const outcomes: string[] = [];
    // signInIp allows 50 attempts per quarter hour; each try forges a new left-most address.
    for (let i = 0; i < 51; i++) outcomes.push(await attempt(i, `198.51.100.${i % 250}, 203.0.113.50`));
    expect(outcomes.slice(0, 50).every((o) => o === "invalidCredentials")).toBe(true);
    expect(outcomes[50]).toMatch(/^rateLimited:\d+$/);
    // Another client behind the same proxy is not affected.
    expect(await attempt(60, "203.0.113.51")).toBe("invalidCredentials");
  });
});
