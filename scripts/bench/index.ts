// npm run bench — the product's performance targets, measured end to end:
//   1. a fresh database (on DATABASE_URL's server, or an embedded PostgreSQL when it is unset), migrated
//      and seeded with a commune of 5,000 households, 50 consultations, 50,000 opinions, 20,000 votes,
//      20,000 cases (petitions, feedback, complaints, denunciations);
//   2. the production build (rebuilt only when a source is newer than it), served by `next start`;
//   3. autocannon at 50 concurrent clients on the home page, a consultation page, the paged opinion
//      list and the GeoJSON endpoint, then real votes: distinct residents, each with a signed-in
//      session, through the real server action, and a check that every accepted vote is a row (and
//      an audit event) and none is doubled, the audit chain sealed and verifying; then raw PostgreSQL's
//      unique-keyed insert rate with pgbench (same clients, same server), and the votes as a share of it;
//   4. first-load JavaScript per route from the build output.
// Prints a table with the target and pass/fail of each line, writes bench/results/latest.json and drops
// its database. Options: --port 3320 --duration 10 --connections 50 --voters 6000 --no-build;
// --only case,GeoJSON runs only the public lines whose name contains one of the words (with the static
// reference), without the consultations' volume, the votes and pgbench: quicker, and the ratios to the
// static file of the same run still hold. Its figures go to bench/results/only.json.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import autocannon from "autocannon";

import { buildIsCurrent } from "../build-freshness";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { firstLoadJs, FIRST_LOAD_LIMIT_BYTES, isMapRoute } from "./first-load-js";
import { measureRawInserts } from "./pgbench-reference";
import { parseActionResponse, serverActionId } from "./server-action";

const root = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3320" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    voters: { type: "string", default: "6000" },
    "no-build": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const port = Number(args.port);
const duration = Number(args.duration);
const connections = Number(args.connections);
const voterCount = Number(args.voters);
const base = `http://localhost:${port}`;
const only = args.only ? args.only.split(",").map((w) => w.trim().toLowerCase()).filter(Boolean) : null;
const full = only === null;
const wanted = (name: string) => full || only.some((w) => name.toLowerCase().includes(w));
const secret = process.env.NEXTAUTH_SECRET ?? `bench-only-secret-${randomUUID()}`;
const t0 = Date.now();
const say = (line: string) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);

type Line = {
  name: string;
  target: string;
  pass: boolean | null;
  requests?: number;
  perSecond?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  errors?: number;
  note?: string;
};
const lines: Line[] = [];

let database: TestDatabase | null = null;
let server: ChildProcess | null = null;

let cleaning: Promise<void> | null = null;
/** Stops the server and drops the database, once, whichever way the run ends. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
    }
    if (database) await database.drop().catch((e) => console.error("could not drop the bench database:", e));
    if (database) say(`database ${database.name} dropped`);
  })();
  return cleaning;
}
process.on("SIGINT", () => void cleanUp().finally(() => process.exit(130)));
process.on("SIGTERM", () => void cleanUp().finally(() => process.exit(143)));

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

type LoadResult = { requests: number; perSecond: number; p50: number; p95: number; p99: number; non2xx: number; errors: number; bodies: string[] };

/**
 * One autocannon run. Latencies are taken from every response (autocannon's own summary has no p95).
 * `requests` gives each request its path, body and headers; with `amount` the run ends after that many.
 */
async function load(options: {
  paths?: string[];
  amount?: number;
  setup?: (i: number) => { path: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
  keepBodies?: boolean;
}): Promise<LoadResult> {
  const times: number[] = [];
  const bodies: string[] = [];
  let counter = 0;
  const paths = options.paths ?? [];
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({
    url: base,
    connections,
    ...(options.amount ? { amount: options.amount } : { duration }),
    timeout: 30,
    requests: [
      {
        setupRequest: (req: autocannon.Request) => {
          const i = counter++;
          if (options.setup) return { ...req, ...options.setup(i) };
          return { ...req, path: paths[i % paths.length]! };
        },
        ...(options.keepBodies ? { onResponse: (_status: number, body: string) => void bodies.push(body) } : {}),
      },
    ],
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => void times.push(responseTime));
  const result = await finished;
  times.sort((a, b) => a - b);
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    requests: times.length,
    perSecond: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bodies,
  };
}

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    if (server?.exitCode !== null) throw new Error(`next start exited with ${server?.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not answer /api/health within 2 minutes");
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), ...args], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

try {
  // ─── Database ────────────────────────────────────────────────────────────────────────────────
  database = await createTestDatabase("danban_bench");
  process.env.DATABASE_URL = database.url;
  say(`database ${database.name} created and migrated`);
  const { db } = await import("@/lib/db");
  const { seed } = await import("../../prisma/seed/seed");
  const { seedBulk } = await import("../../prisma/seed/bulk");
  const { seedBulkCases } = await import("../../prisma/seed/bulk-cases");
  await seed(db, { households: 5000 });
  const bulk = full ? await seedBulk(db, { communeSlug: "thien-tin", consultations: 50, opinions: 50_000, votes: 20_000, reactions: 20_000 }) : null;
  await seedBulkCases(db, { communeSlug: "thien-tin", count: 20_000 });
  const counts = {
    cases: await db.case.count(),
    households: await db.household.count({ where: { commune: { slug: "thien-tin" } } }),
    consultations: bulk?.consultationIds.length ?? 0,
    opinions: await db.opinion.count(),
    votes: await db.vote.count(),
  };
  say(`seeded: ${JSON.stringify(counts)}`);

  // The ballot the bench votes on: a per-person question nobody has voted on yet.
  const commune = await db.commune.findUniqueOrThrow({ where: { slug: "thien-tin" }, select: { id: true, slug: true } });
  const question = !full ? null : await db.ballotQuestion.findFirstOrThrow({
    where: { communeId: commune.id, votingUnit: "RESIDENT", consultation: { title: { startsWith: "[bench]" } }, votes: { none: {} } },
    orderBy: { consultation: { createdAt: "desc" } },
    select: { id: true, consultationId: true, options: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  const showcase = full ? bulk!.consultationIds[0]! : "none";

  // Residents with accounts: adults on the list, each verified in their own name.
  const thisYear = new Date().getFullYear();
  const residents = await db.resident.findMany({
    where: { communeId: commune.id, isActive: true, birthYear: { lte: thisYear - 19 }, memberships: { none: {} } },
    select: { id: true, villageId: true, fullName: true },
    orderBy: { id: "asc" },
    take: full ? voterCount : 0,
  });
  const voters = residents.map((r, i) => ({ ...r, userId: `bench-voter-${i}` }));
  for (let i = 0; i < voters.length; i += 2000) {
    const chunk = voters.slice(i, i + 2000);
    await db.user.createMany({ data: chunk.map((v, j) => ({ id: v.userId, name: v.fullName, displayName: v.fullName, phone: `+8497${String(i + j).padStart(7, "0")}`, passwordHash: "!", phoneVerifiedAt: new Date() })) });
    await db.membership.createMany({
      data: chunk.map((v) => ({ userId: v.userId, communeId: commune.id, role: "RESIDENT" as const, status: "VERIFIED" as const, verificationMethod: "IN_PERSON" as const, verifiedAt: new Date(), villageId: v.villageId, residentId: v.id })),
    });
  }
  say(`${voters.length} resident accounts ready to vote`);
  await db.$disconnect();

  // ─── Build and server ──────────────────────────────────────────────────────────────────────────
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: "1",
    STORAGE_DRIVER: "disk",
    STORAGE_DIR: path.join(os.tmpdir(), `danban_bench_storage_${process.pid}`),
    DEFAULT_COMMUNE: "thien-tin",
    // The bench sends no text message: the outbox is what it wants (production refuses it unless accepted).
    SMS_OUTBOX_ACCEPTED: process.env.SMS_OUTBOX_ACCEPTED ?? "1",
  };
  if (!args["no-build"] && !buildIsCurrent(root)) {
    say("building (the build is older than the sources)…");
    const code = await run(["build"], env);
    if (code !== 0) throw new Error(`next build failed (${code})`);
  } else say("the build is current");
  server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForServer();
  say(`next start answers on ${base}`);

  // ─── Public pages ──────────────────────────────────────────────────────────────────────────────
  // A static file of the build, served by the same server: the reference every public line is set
  // against in the same run (what the machine gives when the application does no work).
  const staticChunk = readdirSync(path.join(root, ".next/static/chunks")).find((f) => f.endsWith(".js"));
  const pages: { name: string; paths: string[]; optional?: boolean; reference?: boolean; headers?: Record<string, string> }[] = [
    ...(staticChunk ? [{ name: "static file (reference)", paths: [`/_next/static/chunks/${staticChunk}`], reference: true }] : []),
    { name: "home page", paths: [`/${commune.slug}`] },
    { name: "consultation page", paths: [`/${commune.slug}/consultations/${showcase}`] },
    // Ten pages of the list, so that the run is not one cached address.
    { name: "opinion list (paged)", paths: Array.from({ length: 10 }, (_, i) => `/${commune.slug}/consultations/${showcase}/opinions/${i + 1}`) },
    { name: "GeoJSON endpoint", paths: [`/api/open-data/consultations.geojson?commune=${commune.slug}`] },
    // Cases (issue 12 §2), 20,000 in the commune: the public map and list page (its markers are in the
    // page), paged and filtered; and the map data as Open311 clients read it (the newest 1000 in 90 days).
    {
      name: "public case map and list (20k)",
      optional: true,
      paths: [`/${commune.slug}/cases`, ...Array.from({ length: 4 }, (_, i) => `/${commune.slug}/cases?page=${i + 2}`), `/${commune.slug}/cases?state=RESOLVED`, `/${commune.slug}/cases?overdue=1`],
    },
    { name: "public case map data (Open311, 20k)", paths: [`/api/open311/v2/requests.json?jurisdiction_id=${commune.slug}`, `/api/open311/v2/requests.json?jurisdiction_id=${commune.slug}&status=open`] },
    // The same as HTTP clients ask for it (browsers, curl --compressed, Python requests send
    // Accept-Encoding: gzip; next start compresses each response): the 1,000 requests' ~650 KB travel
    // compressed. Shown beside the line above, not instead of it.
    {
      name: "Open311 requests, gzip accepted (20k)",
      paths: [`/api/open311/v2/requests.json?jurisdiction_id=${commune.slug}`, `/api/open311/v2/requests.json?jurisdiction_id=${commune.slug}&status=open`],
      headers: { "accept-encoding": "gzip" },
    },
  ];
  let reference: LoadResult | null = null;
  const ratio = (r: LoadResult) =>
    reference ? `; ${(r.perSecond / reference.perSecond).toFixed(2)}× the static file's throughput, p95 ${(r.p95 / Math.max(1, reference.p95)).toFixed(1)}× its p95` : "";
  for (const page of pages.filter((p) => p.reference || wanted(p.name))) {
    // The first visit of each address renders it; the run measures what every later visitor gets.
    let missing: string | null = null;
    for (const p of page.paths) {
      const res = await fetch(`${base}${p}`, { headers: page.headers });
      await res.arrayBuffer();
      if (res.status === 404 && page.optional) missing = p;
      else if (!res.ok) throw new Error(`${p} answered ${res.status}`);
    }
    if (missing) {
      lines.push({ name: page.name, target: "p95 < 100 ms", pass: null, note: `${missing} answers 404: the page is not in this build` });
      say(`${page.name}: not in this build`);
      continue;
    }
    const r = await load(page.headers ? { setup: (i) => ({ path: page.paths[i % page.paths.length]!, headers: page.headers }) } : { paths: page.paths });
    const ok = r.non2xx === 0 && r.errors === 0;
    if (page.reference) reference = r;
    lines.push({
      name: page.name,
      target: page.reference ? "reference" : "p95 < 100 ms",
      pass: page.reference ? null : ok && r.p95 < 100,
      requests: r.requests,
      perSecond: r.perSecond,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      errors: r.non2xx + r.errors,
      ...(page.reference || !reference ? {} : { note: ratio(r).slice(2) }),
    });
    say(`${page.name}: ${r.requests} requests, ${r.perSecond.toFixed(0)}/s, p95 ${r.p95.toFixed(0)} ms${ok ? "" : `, ${r.non2xx} non-2xx, ${r.errors} errors`}${page.reference ? "" : ratio(r)}`);
  }

  // ─── Votes ─────────────────────────────────────────────────────────────────────────────────────
  if (full && question) {
  const { encode } = await import("next-auth/jwt");
  const { loadMemberships } = await import("@/lib/auth/memberships");
  const { db: db2 } = await import("@/lib/db");
  // Sessions as next-auth issues them at sign-in (the jwt callback's token), one per resident.
  const membershipsOf = await loadMemberships(voters[0]!.userId);
  const cookies = await Promise.all(
    voters.map(async (v) => {
      const token = await encode({
        secret,
        token: {
          sub: v.userId,
          name: v.fullName,
          isPlatformAdmin: false,
          memberships: membershipsOf.map((m) => ({ ...m, villageId: v.villageId })),
          refreshedAt: Date.now(),
        },
      });
      return `next-auth.session-token=${token}`;
    }),
  );
  // The same session is what the server sees: the first resident's session names them.
  const check = await fetch(`${base}/api/auth/session`, { headers: { cookie: cookies[0]! } });
  const session = (await check.json()) as { user?: { id: string } };
  if (session.user?.id !== voters[0]!.userId) throw new Error(`a minted session is not accepted: ${JSON.stringify(session)}`);

  const actionId = serverActionId(root, "castVoteAction", "lib/participation/vote-actions.ts");
  const votePath = `/${commune.slug}/consultations/${question.consultationId}`;
  const voteRequest = (i: number) => ({
    path: votePath,
    method: "POST" as const,
    headers: {
      cookie: cookies[i % cookies.length]!,
      "next-action": actionId,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: base,
    },
    body: JSON.stringify([{ communeId: commune.id, questionId: question.id, optionIds: [question.options[i % question.options.length]!.id] }]),
  });
  const votes = await load({ amount: voters.length, setup: voteRequest, keepBodies: true });
  const outcomes = votes.bodies.map(parseActionResponse);
  const accepted = outcomes.filter((o) => o.kind === "ok").length;
  const refusedCodes = new Map<string, number>();
  for (const o of outcomes) if (o.kind !== "ok") refusedCodes.set(o.code, (refusedCodes.get(o.code) ?? 0) + 1);
  // Every vote a second time: each must be refused as already cast.
  const repeats = Math.min(500, voters.length);
  const again = await load({ amount: repeats, setup: voteRequest, keepBodies: true });
  const doubled = again.bodies.map(parseActionResponse).filter((o) => o.kind === "ok").length;
  const refusedAsDuplicate = again.bodies.map(parseActionResponse).filter((o) => o.kind === "error" && o.code === "alreadyVoted").length;

  const [written] = await db2.$queryRaw<{ votes: bigint; choices: bigint; audits: bigint; distinct: bigint }[]>`
    SELECT (SELECT count(*) FROM "Vote" WHERE "questionId" = ${question.id}) AS votes,
           (SELECT count(*) FROM "VoteChoice" WHERE "questionId" = ${question.id}) AS choices,
           (SELECT count(*) FROM "AuditEvent" WHERE "action" = 'vote.cast' AND details->>'questionId' = ${question.id}) AS audits,
           (SELECT count(DISTINCT "voterKey") FROM "Vote" WHERE "questionId" = ${question.id}) AS "distinct"`;
  const w = { votes: Number(written!.votes), choices: Number(written!.choices), audits: Number(written!.audits), distinct: Number(written!.distinct) };
  // The server's sealer chains the burst's events within moments: wait until none waits (or give up
  // after the grace period audit:verify allows), then the chain must verify with every event in it.
  const { verifyChain } = await import("@/lib/oversight/verify-chain");
  const { SEAL_GRACE_MS } = await import("@/lib/oversight/seal");
  const sealStarted = Date.now();
  let chain = await verifyChain(commune.id);
  while (chain.waiting > 0 && Date.now() - sealStarted < SEAL_GRACE_MS) {
    await new Promise((r) => setTimeout(r, 100));
    chain = await verifyChain(commune.id);
  }
  const sealedWithinMs = Date.now() - sealStarted;
  const consistent = chain.broken === null && chain.waiting === 0 && w.votes === accepted && w.choices === accepted && w.audits === accepted && w.distinct === accepted && doubled === 0 && refusedAsDuplicate === repeats;
  await db2.$disconnect();
  const acceptedPerSecond = accepted / ((votes.requests / votes.perSecond) || 1);
  lines.push({
    name: "vote submission",
    target: "≥ 500 accepted/s, none lost or doubled",
    pass: consistent && acceptedPerSecond >= 500,
    requests: votes.requests,
    perSecond: acceptedPerSecond,
    p50: votes.p50,
    p95: votes.p95,
    p99: votes.p99,
    errors: votes.non2xx + votes.errors + (votes.requests - accepted),
    note: `accepted ${accepted} of ${votes.requests}${refusedCodes.size ? ` (refused: ${JSON.stringify(Object.fromEntries(refusedCodes))})` : ""}; rows ${w.votes}, choices ${w.choices}, audit events ${w.audits}; second votes accepted ${doubled} of ${repeats}; audit chain ${chain.broken ? `broken at #${chain.broken.seq}` : `verifies (${chain.events} events)`}, ${chain.waiting} unsealed ${sealedWithinMs} ms after the burst`,
  });

  // ─── Raw PostgreSQL reference, in the same run ─────────────────────────────────────────────────
  const raw = await measureRawInserts(database.url, connections, duration);
  if (raw) {
    const share = acceptedPerSecond / raw.perSecond;
    lines.push({
      name: "raw PostgreSQL unique-keyed insert",
      target: "reference (pgbench)",
      pass: null,
      perSecond: raw.perSecond,
      note: `${raw.transactions} inserts; ${raw.command}; synchronous_commit ${raw.synchronousCommit}`,
    });
    lines.push({
      name: "votes as a share of raw inserts",
      target: "≥ 10% of raw",
      pass: consistent && share >= 0.1,
      note: `${acceptedPerSecond.toFixed(0)} accepted votes/s ÷ ${raw.perSecond.toFixed(0)} raw inserts/s = ${(share * 100).toFixed(1)}%`,
    });
    say(`raw inserts: ${raw.perSecond.toFixed(0)}/s; votes are ${(share * 100).toFixed(1)}% of it`);
  } else {
    lines.push({ name: "votes as a share of raw inserts", target: "≥ 10% of raw", pass: null, note: "pgbench is not installed (Debian: postgresql-contrib / postgresql-client): no reference" });
  }
  say(`votes: ${accepted} accepted of ${votes.requests}, ${acceptedPerSecond.toFixed(0)}/s; written ${JSON.stringify(w)}; repeats accepted ${doubled}/${repeats}`);
  }

  // ─── First-load JavaScript ─────────────────────────────────────────────────────────────────────
  const js = firstLoadJs(root);
  const outside = js.filter((r) => !isMapRoute(r.route));
  const largest = outside.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  lines.push({
    name: "first-load JS (largest non-map route)",
    target: "< 150 KB gzipped",
    pass: outside.every((r) => r.gzipBytes < FIRST_LOAD_LIMIT_BYTES),
    note: `${(largest.gzipBytes / 1024).toFixed(1)} KB at ${largest.route}; ${outside.filter((r) => r.gzipBytes >= FIRST_LOAD_LIMIT_BYTES).length} of ${outside.length} routes over`,
  });

  // ─── Report ────────────────────────────────────────────────────────────────────────────────────
  const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? "—" : n.toFixed(digits));
  console.log("");
  console.log(`${"".padEnd(38)} ${"req".padStart(7)} ${"req/s".padStart(7)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)} ${"err".padStart(5)}  target → result`);
  for (const l of lines) {
    console.log(
      `${l.name.padEnd(38)} ${fmt(l.requests).padStart(7)} ${fmt(l.perSecond).padStart(7)} ${fmt(l.p50).padStart(6)} ${fmt(l.p95).padStart(6)} ${fmt(l.p99).padStart(6)} ${fmt(l.errors).padStart(5)}  ${l.target} → ${l.pass === null ? "—" : l.pass ? "PASS" : "FAIL"}`,
    );
    if (l.note) console.log(`${"".padEnd(40)}${l.note}`);
  }
  console.log("(latencies in ms; " + `${connections} concurrent clients, ${duration} s per page, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`);
  const out = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg(), node: process.version },
    settings: { connections, durationSeconds: duration, voters: voters.length },
    data: counts,
    lines,
    firstLoadJs: js.map((r) => ({ ...r, kb: Math.round((r.gzipBytes / 1024) * 10) / 10, map: isMapRoute(r.route) })),
  };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const file = full ? "latest.json" : "only.json";
  writeFileSync(path.join(root, `bench/results/${file}`), `${JSON.stringify(out, null, 2)}\n`);
  say(`figures written to bench/results/${file}`);
  await cleanUp();
  process.exit(lines.every((l) => l.pass !== false) ? 0 : 1);
} catch (error) {
  console.error(error);
  await cleanUp();
  process.exit(2);
}
