import { describe, expect, it } from "vitest";

import { databaseUnavailable, isDatabaseUnavailable } from "./database-unavailable";

const withCause = (message: string, cause: unknown) => Object.assign(new Error(message), { cause });

describe("isDatabaseUnavailable", () => {
  it("recognises the driver's connection failures, also wrapped as causes", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(withCause("Invalid `db.vote.findFirst()` invocation", new Error("Connection terminated unexpectedly")))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]), {}))).toBe(true);
  });

  it("recognises PostgreSQL shutting down or starting up", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable({ kind: "postgres", originalCode: "57P03" })).toBe(true);
  });

  it("leaves every other error alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(databaseUnavailable())).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("answers 503 with the time to wait", () => {
    expect(databaseUnavailable()).toMatchObject({ code: "databaseUnavailable", status: 503, params: { seconds: 15 } });
  });
});
