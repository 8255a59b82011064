import { describe, expect, it } from "vitest";

import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database and no tiles", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:54329\//);
    expect(env.TILE_URL).toBeUndefined();
    expect(env.STORAGE_DRIVER).toBe("disk");
  });

  it("names the variable and the problem for a bad value", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgresql:\/\//);
    expect(() => parseEnv({ TILE_URL: "https://tiles.example.org/tile.png" })).toThrow(/TILE_URL: must be an http\(s\) URL with \{z\}, \{x\} and \{y\}/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ STORAGE_DRIVER: "s3" })).toThrow(/S3_BUCKET: required when STORAGE_DRIVER=s3/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "many" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("requires a session secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET: required in production/);
  });

  it("refuses the SMS outbox in production unless the commune accepts it", () => {
    const secret = "x".repeat(32);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret })).toThrow(/SMS_PROVIDER: "outbox" sends no text message/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, SMS_OUTBOX_ACCEPTED: "1" }).SMS_OUTBOX_ACCEPTED).toBe(true);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: secret, SMS_PROVIDER: "http", SMS_HTTP_URL: "https://sms.example.vn/send" }).SMS_PROVIDER).toBe("http");
    expect(parseEnv({ NODE_ENV: "development" }).SMS_PROVIDER).toBe("outbox");
  });

  it("reads TRUSTED_PROXIES as a count or ranges, and names a bad value", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual({ count: 0 });
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toEqual({ count: 2 });
    expect(() => parseEnv({ TRUSTED_PROXIES: "nginx" })).toThrow(/TRUSTED_PROXIES: must be a number of proxies or addresses/);
  });
});
