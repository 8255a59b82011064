// Times the staff exports of a consultation with many opinions, streamed from the database the way the
// route serves them, and reports the heap they needed: a fresh database (dropped afterwards) with one
// commune, one consultation and N opinions, a third of them answered and a tenth pinned.
//   npx tsx --expose-gc scripts/bench-exports.ts [--opinions 50000]
import { randomUUID } from "node:crypto";
import Module, { createRequire } from "node:module";
import { parseArgs } from "node:util";

import { createTestDatabase } from "./db/test-database";

const { values } = parseArgs({ options: { opinions: { type: "string", default: "50000" } } });
const count = Number(values.opinions);

// Outside Next, "server-only" would refuse to load (as the tests alias it, it is a no-op here).
const serverOnly = createRequire(import.meta.url).resolve("server-only");
(Module as unknown as { _cache: Record<string, unknown> })._cache[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} };

const database = await createTestDatabase("danban_bench");
process.env.DATABASE_URL = database.url;
try {
  const { db } = await import("@/lib/db");
  const { opinionRowBatches } = await import("@/lib/reports/exports/load-rows");
  const { csvStream, geoJsonStream, xlsxStream } = await import("@/lib/reports/exports/stream-exports");

  const commune = await db.commune.create({ data: { slug: "bench", name: "Thử", province: "Quảng Ngãi", centerLat: 15, centerLng: 108.7 }, select: { id: true } });
  const user = await db.user.create({ data: { name: "Cán bộ", displayName: "Cán bộ", passwordHash: "x" }, select: { id: true } });
  const village = await db.village.create({ data: { communeId: commune.id, name: "Phú Khương" }, select: { id: true } });
  const consultation = await db.consultation.create({
    data: { communeId: commune.id, title: "Đo thời gian xuất dữ liệu", summary: "—", matterKind: "CONSULTATION", legalCategory: "CONSULTATION_PLANNING", subject: "ZONING", status: "CLOSED", allowedChannels: ["WEB"], createdById: user.id },
    select: { id: true },
  });
  const answer = await db.opinionAnswer.create({ data: { communeId: commune.id, consultationId: consultation.id, kind: "EXPLAINED", body: "Giải trình: nội dung đã có trong quy hoạch được duyệt, xã sẽ theo dõi khi triển khai.", answeredById: user.id }, select: { id: true } });
  for (let start = 0; start < count; start += 5000) {
    await db.opinion.createMany({
      data: Array.from({ length: Math.min(5000, count - start) }, (_, j) => {
        const i = start + j;
        return {
          id: randomUUID(),
          communeId: commune.id,
          consultationId: consultation.id,
          number: i + 1,
          villageId: village.id,
          displayName: `Người dân ${i + 1}`,
          body: `Ý kiến số ${i + 1}: đề nghị làm rãnh thoát nước, mở rộng mặt đường và lắp đèn chiếu sáng đoạn qua trường học, bồi thường thỏa đáng cho các hộ bị ảnh hưởng.`,
          lat: i % 10 === 0 ? 15 + (i % 1000) / 1e4 : null,
          lng: i % 10 === 0 ? 108.7 : null,
          answerId: i % 3 === 0 ? answer.id : null,
        };
      }),
    });
  }
  console.log(`${count} opinions in a fresh database`);

  for (const [name, make] of [
    ["csv", () => csvStream(opinionRowBatches(consultation.id))],
    ["xlsx", () => xlsxStream(opinionRowBatches(consultation.id))],
    ["geojson", () => geoJsonStream(opinionRowBatches(consultation.id, { pinnedOnly: true }))],
  ] as const) {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const started = performance.now();
    const cpu = process.cpuUsage();
    let bytes = 0;
    const reader = make().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const used = process.cpuUsage(cpu);
    console.log(
      `${name.padEnd(8)} ${(bytes / 1e6).toFixed(1).padStart(6)} MB in ${((performance.now() - started) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, heap peak +${((peak - heapBefore) / 1e6).toFixed(0)} MB`,
    );
  }
  await db.$disconnect();
} finally {
  await database.drop();
}
