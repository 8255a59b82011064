// Volume for the benchmarks: many consultations, opinions, reactions and votes in one commune, written
// with bulk inserts. Deterministic (seeded), and idempotent per run key: a second call with the same
// key adds nothing.
import { randomUUID } from "node:crypto";

import { sectionAnchor } from "@/lib/consultations/create-consultation";
import { endOfDayVn, startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toSearchKey } from "@/lib/text/search-key";

import { createRandom } from "./random";

export type BulkOptions = {
  communeSlug: string;
  consultations: number;
  opinions: number;
  votes: number;
  reactions: number;
  /** Who votes on every consultation's question; by default households and residents alternate. */
  votingUnit?: "RESIDENT" | "HOUSEHOLD";
  log?: (line: string) => void;
};

const TOPICS = [
  ["đường giao thông", "mở rộng mặt đường", "rãnh thoát nước", "đèn chiếu sáng", "vỉa hè"],
  ["kênh mương", "nạo vét", "bê tông hóa", "tưới tiêu", "ngập úng"],
  ["trường học", "phòng học", "sân chơi", "nhà vệ sinh", "bán trú"],
  ["nhà văn hóa", "sân thể thao", "hội trường", "âm thanh", "mái che"],
  ["rác thải", "điểm tập kết", "thu gom", "phân loại", "mùi hôi"],
  ["đất tái định cư", "bồi thường", "giá đất", "hỗ trợ chuyển đổi nghề", "giải phóng mặt bằng"],
  ["nước sạch", "đường ống", "giá nước", "giếng khoan", "bể chứa"],
  ["chợ", "quầy sạp", "lối đi", "phí chợ", "vệ sinh chợ"],
];
const OPENERS = ["Tôi đề nghị", "Gia đình tôi mong", "Bà con trong thôn đề nghị", "Theo tôi nên", "Tôi không đồng ý việc", "Đề nghị UBND xã xem xét"];
const CLOSERS = ["để bà con đi lại an toàn.", "vì mùa mưa năm nào cũng ngập.", "cho phù hợp với thực tế của thôn.", "và công khai kinh phí cho dân biết.", "trước khi thi công.", "vì ảnh hưởng đến nhiều hộ."];

function opinionText(random: ReturnType<typeof createRandom>, topic: string[]): string {
  const words = [random.pick(OPENERS), random.pick(topic), random.pick(topic), "tại", random.pick(topic), random.pick(CLOSERS)];
  const extra = random.next() < 0.5 ? ` Ngoài ra cần chú ý ${random.pick(topic)} và ${random.pick(topic)}.` : "";
  return `${words.join(" ")}${extra}`;
}

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedBulk(db: Db, options: BulkOptions) {
  const log = options.log ?? (() => {});
  const random = createRandom(424242);
  const commune = await db.commune.findUniqueOrThrow({ where: { slug: options.communeSlug }, select: { id: true } });
  const marker = `[bench]`;
  if (await db.consultation.count({ where: { communeId: commune.id, title: { startsWith: marker } } })) {
    log("  bench data already present");
    return;
  }
  const author = await db.membership.findFirstOrThrow({ where: { communeId: commune.id, role: "STAFF" }, select: { userId: true } });
  const villages = await db.village.findMany({ where: { communeId: commune.id }, select: { id: true, boundary: true, name: true } });
  const residents = await db.resident.findMany({
    where: { communeId: commune.id },
    select: { id: true, householdId: true, villageId: true, fullName: true },
    orderBy: { id: "asc" },
  });
  const households = await db.household.findMany({ where: { communeId: commune.id }, select: { id: true, villageId: true }, orderBy: { id: "asc" } });
  const today = Date.now();
  const DAY = 86_400_000;

  // Consultations: published, open, each with a polygon inside one village, two sections and a question.
  const consultationIds: { id: string; topic: string[]; villageId: string; questionId: string; optionIds: string[]; unit: "RESIDENT" | "HOUSEHOLD" }[] = [];
  for (let i = 0; i < options.consultations; i++) {
    const topic = TOPICS[i % TOPICS.length]!;
    const village = villages[i % villages.length]!;
    const ring = (village.boundary as { coordinates: number[][][] }).coordinates[0]!;
    const [w, s] = ring[0]! as [number, number];
    const [e, n] = ring[2]! as [number, number];
    const cx = w + (e - w) * (0.3 + 0.4 * random.next());
    const cy = s + (n - s) * (0.3 + 0.4 * random.next());
    const d = 0.002;
    const geometry = {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { label: `Khu vực ${topic[0]}`, color: "#b45309" },
          geometry: { type: "Polygon", coordinates: [[[cx - d, cy - d], [cx + d, cy - d], [cx + d, cy + d], [cx - d, cy + d], [cx - d, cy - d]]] },
        },
      ],
    };
    const title = `${marker} ${topic[0]![0]!.toUpperCase()}${topic[0]!.slice(1)} thôn ${village.name} — đợt ${i + 1}`;
    const summary = `Lấy ý kiến Nhân dân về ${topic.slice(1, 4).join(", ")} tại thôn ${village.name}.`;
    const sections = [
      { heading: "Sự cần thiết", body: `Hiện trạng ${topic[1]} và ${topic[2]} đã xuống cấp, cần đầu tư.` },
      { heading: "Phương án", body: `Dự kiến thực hiện ${topic.join(", ")} trong năm tới.` },
    ];
    const unit = options.votingUnit ?? (i % 2 === 0 ? "HOUSEHOLD" : "RESIDENT");
    const c = await db.consultation.create({
      data: {
        communeId: commune.id,
        title,
        summary,
        matterKind: "CONSULTATION",
        legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
        subject: "PROJECT",
        status: "PUBLISHED",
        isCommuneWide: true,
        allowedChannels: ["WEB", "MEETING", "PAPER"],
        postingStartsAt: startOfDayVn(toVnDate(new Date(today - 5 * DAY))),
        postingEndsAt: endOfDayVn(toVnDate(new Date(today + 30 * DAY))),
        commentStartsAt: startOfDayVn(toVnDate(new Date(today - 5 * DAY))),
        commentEndsAt: endOfDayVn(toVnDate(new Date(today + 30 * DAY))),
        publishedAt: new Date(today - 5 * DAY),
        legalBasis: "Luật Thực hiện dân chủ ở cơ sở, Điều 25.",
        responsibleOfficer: "Văn phòng UBND xã",
        geometry: geometry as unknown as Prisma.InputJsonValue,
        centerLat: cy,
        centerLng: cx,
        showResultsLive: true,
        searchText: toSearchKey([title, summary, ...sections.flatMap((x) => [x.heading, x.body])].join(" ")),
        createdById: author.userId,
        sections: { create: sections.map((x, p) => ({ position: p, anchor: sectionAnchor(x.heading, p), ...x })) },
        questions: {
          create: [
            {
              position: 0,
              text: `Ông/bà có đồng ý với phương án ${topic[0]} không?`,
              kind: "YES_NO_ABSTAIN",
              votingUnit: unit,
              thresholdRule: "NONE",
              options: { create: [{ position: 0, label: "Đồng ý", isAffirmative: true }, { position: 1, label: "Không đồng ý" }, { position: 2, label: "Ý kiến khác" }] },
            },
          ],
        },
      },
      select: { id: true, questions: { select: { id: true, options: { select: { id: true }, orderBy: { position: "asc" } } } } },
    });
    const q = c.questions[0]!;
    consultationIds.push({ id: c.id, topic, villageId: village.id, questionId: q.id, optionIds: q.options.map((o) => o.id), unit });
  }
  log(`  ${consultationIds.length} consultations`);

  // Opinions: spread over the consultations, written by residents across the commune.
  const opinionRows: Prisma.OpinionCreateManyInput[] = [];
  const perConsultation = new Map<string, number>();
  for (let i = 0; i < options.opinions; i++) {
    const c = consultationIds[i % consultationIds.length]!;
    const r = residents[Math.floor(random.next() * residents.length)]!;
    const number = (perConsultation.get(c.id) ?? 0) + 1;
    perConsultation.set(c.id, number);
    opinionRows.push({
      id: randomUUID(),
      communeId: commune.id,
      consultationId: c.id,
      number,
      residentId: r.id,
      householdId: r.householdId,
      villageId: r.villageId,
      displayName: `${r.fullName.split(" ").at(-1)} (${villages.find((v) => v.id === r.villageId)?.name ?? ""})`,
      body: opinionText(random, c.topic),
      stance: (["SUPPORT", "OPPOSE", "OTHER"] as const)[Math.floor(random.next() * 3)],
      channel: random.next() < 0.8 ? "WEB" : "MEETING",
      createdAt: new Date(today - Math.floor(random.next() * 5 * DAY)),
    });
  }
  await chunked(opinionRows, 5000, (chunk) => db.opinion.createMany({ data: chunk }));
  for (const [id, n] of perConsultation) await db.consultation.update({ where: { id }, data: { opinionSeq: n } });
  log(`  ${opinionRows.length} opinions`);

  // Reactions: synthetic participants agreeing and disagreeing, in two camps, so opinion groups exist.
  const reactionRows: Prisma.ReactionCreateManyInput[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < options.reactions; i++) {
    const o = opinionRows[Math.floor(random.next() * Math.min(opinionRows.length, 2000))]!;
    const participant = Math.floor(random.next() * 1000);
    const key = `${o.id}:${participant}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const camp = participant % 2 === 0;
    const agrees = (o.stance === "SUPPORT") === camp ? random.next() < 0.85 : random.next() < 0.2;
    reactionRows.push({ communeId: commune.id, opinionId: o.id!, userId: `bench-participant-${participant}`, kind: agrees ? "AGREE" : "DISAGREE" });
  }
  await chunked(reactionRows, 5000, (chunk) => db.reaction.createMany({ data: chunk, skipDuplicates: true }));
  await db.$executeRaw`
    UPDATE "Opinion" o SET "agreeCount" = r.agree, "disagreeCount" = r.disagree
    FROM (SELECT "opinionId", count(*) FILTER (WHERE kind = 'AGREE') AS agree, count(*) FILTER (WHERE kind = 'DISAGREE') AS disagree
          FROM "Reaction" WHERE "communeId" = ${commune.id} GROUP BY "opinionId") r
    WHERE o.id = r."opinionId"`;
  log(`  ${reactionRows.length} reactions`);

  // Votes: one per voter unit and question, on paper and the web, as the law's unique key demands.
  const voteRows: Prisma.VoteCreateManyInput[] = [];
  const choiceRows: Prisma.VoteChoiceCreateManyInput[] = [];
  let made = 0;
  for (const c of consultationIds) {
    if (made >= options.votes) break;
    const voters = c.unit === "HOUSEHOLD" ? households.map((h) => ({ key: `H:${h.id}`, householdId: h.id, residentId: null, villageId: h.villageId })) : residents.map((r) => ({ key: `R:${r.id}`, householdId: r.householdId, residentId: r.id, villageId: r.villageId }));
    const take = Math.min(voters.length, options.votes - made, Math.ceil(options.votes / Math.max(1, consultationIds.length)) * 2);
    for (let i = 0; i < take; i++) {
      const v = voters[i]!;
      const id = randomUUID();
      const option = c.optionIds[random.next() < 0.6 ? 0 : random.next() < 0.7 ? 1 : 2]!;
      voteRows.push({
        id,
        communeId: commune.id,
        consultationId: c.id,
        questionId: c.questionId,
        voterKey: v.key,
        householdId: v.householdId,
        residentId: v.residentId,
        villageId: v.villageId,
        channel: random.next() < 0.7 ? "WEB" : "PAPER",
        receiptCode: `B${id.replace(/-/g, "").slice(0, 11).toUpperCase()}`,
      });
      choiceRows.push({ voteId: id, optionId: option, communeId: commune.id, questionId: c.questionId });
    }
    made += take;
  }
  await chunked(voteRows, 5000, (chunk) => db.vote.createMany({ data: chunk }));
  await chunked(choiceRows, 5000, (chunk) => db.voteChoice.createMany({ data: chunk }));
  // Generated votes are not news to anyone: their household notices (written by the Vote trigger) count as sent.
  await db.voteNotice.updateMany({ where: { communeId: commune.id, sentAt: null }, data: { sentAt: new Date() } });
  log(`  ${voteRows.length} votes`);
  return { consultationIds: consultationIds.map((c) => c.id) };
}
