// Drafts the summary report of one consultation with 50,000 opinions and 20,000 votes and times each
// stage: the snapshot's queries, themes, opinion groups, storing the version, the document model, DOCX
// and PDF. Seeds a fresh database (on DATABASE_URL's server, or an embedded PostgreSQL), dropped after.
//   npm run bench:report [-- --opinions 50000 --votes 20000 --reactions 30000 --households 6000 --keep]
// Writes bench/results/report.json. Wall clock and CPU time per stage: the machine may be shared, and
// CPU time is what the stage would take on an idle core.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { createTestDatabase } from "../db/test-database";

const { values } = parseArgs({
  options: {
    opinions: { type: "string", default: "50000" },
    votes: { type: "string", default: "20000" },
    reactions: { type: "string", default: "30000" },
    households: { type: "string", default: "6000" },
    keep: { type: "boolean", default: false },
  },
});
const TARGET_MS = 5000;

type Stage = { stage: string; wallMs: number; cpuMs: number };
const stages: Stage[] = [];

async function time<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  const row = { stage, wallMs: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000) };
  stages.push(row);
  console.log(`  ${stage}: ${row.wallMs} ms wall, ${row.cpuMs} ms CPU`);
  return result;
}

const database = await createTestDatabase("danban_bench");
process.env.DATABASE_URL = database.url;
process.env.SCHEDULER = "off";
try {
  const { db } = await import("@/lib/db");
  const { seed } = await import("@/prisma/seed/seed");
  const { seedBulk } = await import("@/prisma/seed/bulk");
  const { requireCommuneAccess } = await import("@/lib/auth/authorize");
  const { takeSnapshot } = await import("@/lib/reports/snapshot");
  const { generateReport, reportSubject } = await import("@/lib/reports/report-workflow");
  const { buildReportDocument } = await import("@/lib/reports/report-document");
  const { renderDocx } = await import("@/lib/documents/render-docx");
  const { renderPdf } = await import("@/lib/documents/render-pdf");

  const seeding = Date.now();
  console.log(`Seeding ${database.name}: ${values.households} households, one consultation with ${values.opinions} opinions, ${values.votes} votes, ${values.reactions} reactions…`);
  await seed(db, { households: Number(values.households) });
  const bulk = await seedBulk(db, {
    communeSlug: "thien-tin",
    consultations: 1,
    opinions: Number(values.opinions),
    votes: Number(values.votes),
    reactions: Number(values.reactions),
    votingUnit: "RESIDENT",
  });
  const consultationId = bulk!.consultationIds[0]!;
  const consultation = await db.consultation.update({ where: { id: consultationId }, data: { status: "CLOSED", closedAt: new Date() }, select: { communeId: true } });
  // Answers in groups, as staff give them: one answer per 500 opinions.
  const staffMember = await db.membership.findFirstOrThrow({ where: { communeId: consultation.communeId, role: "STAFF" }, select: { userId: true } });
  const opinionCount = await db.opinion.count({ where: { consultationId } });
  for (let group = 0; group * 500 < opinionCount; group++) {
    const answer = await db.opinionAnswer.create({
      data: {
        communeId: consultation.communeId,
        consultationId,
        kind: (["TAKEN_ON_BOARD", "EXPLAINED", "OUT_OF_SCOPE"] as const)[group % 3]!,
        body: `Ủy ban nhân dân xã ghi nhận nhóm ý kiến số ${group + 1} và sẽ xem xét trong quá trình triển khai thực hiện.`,
        answeredById: staffMember.userId,
      },
      select: { id: true },
    });
    await db.opinion.updateMany({ where: { consultationId, number: { gt: group * 500, lte: (group + 1) * 500 } }, data: { answerId: answer.id } });
  }
  const voteCount = await db.vote.count({ where: { consultationId } });
  const reactionCount = await db.reaction.count({ where: { communeId: consultation.communeId } });
  console.log(`Seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s: ${opinionCount} opinions, ${voteCount} votes, ${reactionCount} reactions.\n`);

  // A running server has its fonts parsed by the first document it renders (about 2 s of CPU once);
  // render a small one first, as that server would have, and time that separately.
  const { sampleReport } = await import("@/lib/documents/testing/sample-document");
  await time("first render in a new process (not in total)", async () => {
    await renderDocx(sampleReport());
    await renderPdf(sampleReport());
  });

  const access = await requireCommuneAccess(staffMember.userId, consultation.communeId, ["STAFF"]);
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const warmUp = stages.length;
  const snapshot = await takeSnapshot(consultation.communeId, consultationId, { timer: (stage, work) => time(stage === "queries" ? "snapshot queries" : stage, work) });
  const { reportId, version } = await time("store version", () => generateReport(access, { communeId: consultation.communeId, consultationId }, { snapshot }));
  const row = await time("load version", () => db.reportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId, version } }, select: { content: true } }));
  const doc = await time("document model", () =>
    buildReportDocument({
      snapshot,
      content: row.content as never,
      numberLabel: null,
      issuedAt: null,
      signer: { title: "CHAIR", name: "Nguyễn Văn Hùng" },
      subject: reportSubject(snapshot.consultation.title),
    }),
  );
  const docx = await time("DOCX", () => renderDocx(doc));
  const pdf = await time("PDF", () => renderPdf(doc));
  const totalMs = Math.round(performance.now() - started);
  const totalCpu = process.cpuUsage(startedCpu);
  stages.push({ stage: "total", wallMs: totalMs, cpuMs: Math.round((totalCpu.user + totalCpu.system) / 1000) });

  console.table(stages.slice(warmUp));
  console.log(
    `Themes: ${snapshot.themes.method.k} (${snapshot.themes.method.clustered}/${snapshot.themes.method.opinions} clustered); groups: ${snapshot.groups.status}; DOCX ${(docx.byteLength / 1e6).toFixed(1)} MB, PDF ${(pdf.byteLength / 1e6).toFixed(1)} MB.`,
  );
  console.log(`Total ${(totalMs / 1000).toFixed(2)} s wall — target < ${TARGET_MS / 1000} s: ${totalMs < TARGET_MS ? "met" : "NOT met"}.`);

  const out = path.join(process.cwd(), "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, "report.json"),
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
        input: { opinions: opinionCount, votes: voteCount, reactions: reactionCount, households: Number(values.households) },
        output: { themes: snapshot.themes.method.k, groups: snapshot.groups.status, docxBytes: docx.byteLength, pdfBytes: pdf.byteLength },
        targetMs: TARGET_MS,
        stages,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote bench/results/report.json.`);
  await db.$disconnect();
} finally {
  if (values.keep) console.log(`Kept ${database.url}`);
  else await database.drop();
}
