// Volume for the benchmark's case lines (issue 12 §2): `count` cases in one commune, written in two
// INSERT … SELECT generate_series statements (cases, then each case's first update), so that 20,000
// take a second or two. Deterministic (ids, kinds, states and places follow the row number) and
// idempotent: a second call adds nothing.
import type { Db } from "@/lib/db";

const CATEGORIES = [
  { code: "bench-roads", name: "Đường sá, cầu cống", nameEn: "Roads and bridges", days: 20 },
  { code: "bench-lights", name: "Đèn chiếu sáng", nameEn: "Street lights", days: 10 },
  { code: "bench-waste", name: "Rác thải, vệ sinh môi trường", nameEn: "Waste and sanitation", days: 7 },
  { code: "bench-water", name: "Nước sạch, thủy lợi", nameEn: "Water and irrigation", days: 30 },
];

export async function seedBulkCases(db: Db, options: { communeSlug: string; count: number }) {
  const commune = await db.commune.findUniqueOrThrow({ where: { slug: options.communeSlug }, select: { id: true, centerLat: true, centerLng: true } });
  if (await db.case.count({ where: { communeId: commune.id, id: { startsWith: "bench-case-" } } })) return;
  for (const [i, c] of CATEGORIES.entries()) {
    await db.caseCategory.upsert({
      where: { communeId_code: { communeId: commune.id, code: c.code } },
      create: { communeId: commune.id, code: c.code, name: c.name, nameEn: c.nameEn, expectedResolutionDays: c.days, sortOrder: 100 + i },
      update: {},
    });
  }
  const categoryIds = (await db.caseCategory.findMany({ where: { communeId: commune.id, code: { startsWith: "bench-" } }, select: { id: true }, orderBy: { code: "asc" } })).map((c) => c.id);
  const villageIds = (await db.village.findMany({ where: { communeId: commune.id }, select: { id: true }, orderBy: { id: "asc" } })).map((v) => v.id);
  const start = (await db.caseCounter.findUnique({ where: { communeId: commune.id } }))?.last ?? 0;
  // Nine in ten public petitions and feedback; the rest private feedback, complaints and denunciations
  // (which the public list must skip). States spread over the seven; received over the last 400 days;
  // pins within ~3 km of the commune's centre.
  await db.$executeRaw`
    INSERT INTO "Case" ("id", "communeId", "number", "categoryId", "kind", "state", "title", "body", "isPublic", "lat", "lng",
                        "villageId", "source", "senderName", "receivedAt", "replyDueAt", "expectedResolvedAt", "resolvedAt", "transferredTo", "createdAt", "updatedAt")
    SELECT 'bench-case-' || g, ${commune.id}, ${start} + g,
           (${categoryIds}::text[])[1 + g % ${categoryIds.length}::int],
           (CASE WHEN g % 20 = 0 THEN 'COMPLAINT' WHEN g % 20 = 10 THEN 'DENUNCIATION' WHEN g % 2 = 0 THEN 'PETITION' ELSE 'FEEDBACK' END)::"CaseKind",
           (ARRAY['RECEIVED','CLASSIFIED','ACCEPTED','IN_PROGRESS','RESOLVED','REFUSED','TRANSFERRED'])[1 + g % 7]::"CaseState",
           'Phản ánh thử số ' || g || ': ổ gà, đèn hỏng hay rác thải',
           'Nội dung phản ánh thử số ' || g || ' để đo hiệu năng danh sách và bản đồ công khai.',
           (g % 20 NOT IN (0, 10) AND g % 20 <> 5),
           ${commune.centerLat} + ((g * 7919) % 1000 - 500) / 18000.0,
           ${commune.centerLng} + ((g * 104729) % 1000 - 500) / 18000.0,
           (${villageIds}::text[])[1 + g % ${Math.max(1, villageIds.length)}::int],
           'WEB'::"CaseSource", 'Người gửi thử',
           now() - ((g * 37) % 400) * interval '1 day',
           now() - ((g * 37) % 400) * interval '1 day' + interval '14 days',
           now() - ((g * 37) % 400) * interval '1 day' + interval '20 days',
           CASE WHEN g % 7 = 4 THEN now() - ((g * 37) % 400) * interval '1 day' + interval '10 days' END,
           CASE WHEN g % 7 = 6 THEN 'Sở Giao thông vận tải' END,
           now(), now()
    FROM generate_series(1, ${options.count}::int) AS g`;
  await db.$executeRaw`
    INSERT INTO "CaseUpdate" ("id", "communeId", "caseId", "isPublic", "body", "toState", "createdAt")
    SELECT 'bench-update-' || substr(c."id", 12), c."communeId", c."id", c."isPublic", '', 'RECEIVED', c."receivedAt"
    FROM "Case" c WHERE c."communeId" = ${commune.id} AND c."id" LIKE 'bench-case-%'`;
  await db.caseCounter.upsert({ where: { communeId: commune.id }, create: { communeId: commune.id, last: start + options.count }, update: { last: start + options.count } });
  await db.$executeRaw`ANALYZE "Case"`;
  await db.$executeRaw`ANALYZE "CaseUpdate"`;
}
