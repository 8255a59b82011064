import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";

import { PrismaClient } from "@/lib/generated/prisma/client";

import { checkHealth } from "./health";

describe("checkHealth", () => {
  it("reports the database up with its latency", async () => {
    const health = await checkHealth();
    expect(health.status).toBe("ok");
    expect(health.database).toMatchObject({ status: "up" });
  });

  it("reports the database down when it cannot be reached", async () => {
    // A port nothing listens on: the same client code, a database that is not there.
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 500 }) });
    const health = await checkHealth(unreachable);
    expect(health).toMatchObject({ status: "error", database: { status: "down" } });
    await unreachable.$disconnect();
  });
});
