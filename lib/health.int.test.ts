import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";

import { PrismaClient } from "@/lib/generated/prisma/client";

import { checkHealth } from "./health";

const servers: Server[] = [];

/** A real HTTP server answering every request with `status` (a 307 points back at the same path). */
async function site(status: number): Promise<string> {
  const server = createServer((req, res) => {
    res.writeHead(status, status === 307 ? { Location: req.url ?? "/" } : { "Content-Type": "text/html" }).end("<!doctype html><title>x</title>");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/sign-in`;
}

afterAll(() => {
  for (const s of servers) s.close();
});

describe("checkHealth", () => {
  it("reports the database up with its latency", async () => {
    const health = await checkHealth();
    expect(health.status).toBe("ok");
    expect(health.database).toMatchObject({ status: "up" });
  });

  it("reports the database down when it cannot be reached", async () => {
    // A port nothing listens on: the same client code, a database that is not there.
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 500 }) });
    const health = await checkHealth({ client: unreachable });
    expect(health).toMatchObject({ status: "error", database: { status: "down" } });
    await unreachable.$disconnect();
  });

  it("is healthy only when a page answers 200, not when it redirects to itself", async () => {
    expect(await checkHealth({ pageUrl: await site(200) })).toMatchObject({ status: "ok", page: { status: "up" } });
    expect(await checkHealth({ pageUrl: await site(307) })).toMatchObject({ status: "error", database: { status: "up" }, page: { status: "down", error: "HTTP 307" } });
    expect(await checkHealth({ pageUrl: "http://127.0.0.1:1/sign-in" })).toMatchObject({ status: "error", page: { status: "down" } });
  });
});
