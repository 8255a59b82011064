import { describe, expect, it } from "vitest";

import { parseEnv } from "./env";
import { apiSecurityHeaders, contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("send HSTS only when the HSTS setting is on", () => {
    expect(securityHeaders({ hsts: false, isDev: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(apiSecurityHeaders({ hsts: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ hsts: true, isDev: false })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(apiSecurityHeaders({ hsts: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(parseEnv({ HSTS: "true" }).HSTS).toBe(true);
    expect(parseEnv({}).HSTS).toBe(false);
  });

  it("forbid framing everywhere, and let API answers load nothing", () => {
    expect(contentSecurityPolicy(undefined, false)).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(undefined, false)).not.toContain("unsafe-eval");
    expect(apiSecurityHeaders({ hsts: false })["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("let only the configured tile server in, besides the site itself", () => {
    expect(contentSecurityPolicy("https://{s}.tile.example.org/{z}/{x}/{y}.png", false)).toContain("img-src 'self' data: blob: https://*.tile.example.org");
    expect(contentSecurityPolicy(undefined, false)).toContain("img-src 'self' data: blob:;");
  });

  it("take the extra hosts allowed to call server actions from a setting, and refuse a malformed one", () => {
    expect(parseEnv({ SERVER_ACTIONS_ALLOWED_ORIGINS: "danban.example.vn, www.danban.example.vn:8443" }).SERVER_ACTIONS_ALLOWED_ORIGINS).toBeDefined();
    expect(() => parseEnv({ SERVER_ACTIONS_ALLOWED_ORIGINS: "https://evil.example/<script>" })).toThrow(/SERVER_ACTIONS_ALLOWED_ORIGINS/);
  });
});
