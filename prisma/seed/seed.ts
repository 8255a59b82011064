// Demo data: xã Thiện Tín (Quảng Ngãi) with its villages, households and residents, an account for
// every role, and consultations of every kind; and a small second commune, xã Nghĩa Hành, so that
// tenancy is exercised from the start. Seeding again changes nothing: every row has a natural key.
import { hashPassword } from "@/lib/auth/password";
import { sectionAnchor } from "@/lib/consultations/create-consultation";
import { centerOf, type ConsultationGeometry } from "@/lib/consultations/geometry";
import { endOfDayVn, startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/oversight/audit";
import { freezeVillageCounts } from "@/lib/participation/closed-counts";
import { toSearchKey } from "@/lib/text/search-key";

import { seedChannelOpinions } from "./channels";
import { seedDialogues } from "./dialogues";
import { seedCases } from "./cases";
import { seedContributions } from "./contributions";
import { type DemoConsultation, NGHIA_HANH_CONSULTATIONS, THIEN_TIN_CONSULTATIONS } from "./content";
import { type Box, centre, grid, irregularPolygon, rectangle } from "./geo";
import { personName } from "./names";
import { seedRatings } from "./ratings";
import { seedInspection } from "./inspection";
import { seedReception } from "./reception";
import { seedWorks } from "./works";
import { createRandom, type Random } from "./random";

export const DEMO_PASSWORD = "danban2026";

export type SeedOptions = {
  /** Households of xã Thiện Tín (about 4,500 in reality). */
  households: number;
  log?: (line: string) => void;
};

type CommuneSpec = {
  slug: string;
  name: string;
  province: string;
  box: Box;
  villages: string[];
  rows: number;
  cols: number;
  households: number;
  codePrefix: string;
  seed: number;
};

export const THIEN_TIN_VILLAGES = [
  // Hành Thiện (five more villages of the former commune are not named in the sources)
  "Bàn Thới", "Ngọc Sơn",
  // Hành Tín Tây
  "Phú Khương", "Phú Thọ", "Long Bình", "Tân Phú 1", "Tân Phú 2", "Tân Hòa", "Đồng Miếu", "Trũng Kè 1", "Trũng Kè 2",
  // Hành Tín Đông
  "Thiên Xuân", "Nguyên Hòa", "Đồng Giữa", "Nhơn Lộc 1", "Nhơn Lộc 2", "Khánh Giang", "Trường Lệ",
];

const THIEN_TIN: Omit<CommuneSpec, "households"> = {
  slug: "thien-tin",
  name: "Thiện Tín",
  province: "Quảng Ngãi",
  // About 9.5 km × 10.5 km around 15.0° N, 108.72° E (≈ 99 km²), south-west of Quảng Ngãi city.
  box: { south: 14.955, north: 15.05, west: 108.675, east: 108.765 },
  villages: THIEN_TIN_VILLAGES,
  rows: 6,
  cols: 3,
  codePrefix: "TT",
  seed: 20250701,
};

const NGHIA_HANH: CommuneSpec = {
  slug: "nghia-hanh",
  name: "Nghĩa Hành",
  province: "Quảng Ngãi",
  box: { south: 14.995, north: 15.035, west: 108.78, east: 108.83 },
  villages: ["Thôn Phú Lâm Đông", "Thôn Phú Lâm Tây", "Thôn Xuân Đình"],
  rows: 1,
  cols: 3,
  households: 240,
  codePrefix: "NH",
  seed: 20250702,
};

type Account = { key: string; name: string; displayName: string; email?: string; phone?: string; roles: { role: Role; village?: string; title?: string }[] };

const THIEN_TIN_ACCOUNTS: Account[] = [
  { key: "admin", name: "Quản trị hệ thống", displayName: "Quản trị", email: "admin@danban.local", roles: [{ role: "ADMIN" }] },
  { key: "staff", name: "Trần Thị Thu Hà", displayName: "Cán bộ Văn phòng UBND xã", email: "canbo@thientin.danban.local", roles: [{ role: "STAFF" }] },
  { key: "leader", name: "Nguyễn Văn Hùng", displayName: "Chủ tịch UBND xã", email: "chutich@thientin.danban.local", roles: [{ role: "LEADER", title: "Chủ tịch" }] },
  { key: "vice", name: "Lê Minh Tuấn", displayName: "Phó Chủ tịch UBND xã", email: "phochutich@thientin.danban.local", roles: [{ role: "LEADER", title: "Phó Chủ tịch" }] },
  { key: "front", name: "Phạm Thị Lan", displayName: "Ủy ban MTTQ xã", email: "mttq@thientin.danban.local", roles: [{ role: "FRONT_REVIEWER" }] },
  { key: "head", name: "Võ Văn Dũng", displayName: "Trưởng thôn Phú Khương", email: "truongthon.phukhuong@thientin.danban.local", roles: [{ role: "VILLAGE_HEAD", village: "Phú Khương" }] },
  { key: "head2", name: "Huỳnh Thị Mai", displayName: "Trưởng thôn Tân Phú 1", email: "truongthon.tanphu1@thientin.danban.local", roles: [{ role: "VILLAGE_HEAD", village: "Tân Phú 1" }] },
];

const NGHIA_HANH_ACCOUNTS: Account[] = [
  { key: "staff", name: "Đặng Văn Long", displayName: "Cán bộ UBND xã Nghĩa Hành", email: "canbo@nghiahanh.danban.local", roles: [{ role: "STAFF" }] },
];

/** Residents with accounts: phone numbers listed in the README. Index = household number in the village. */
const THIEN_TIN_RESIDENT_ACCOUNTS = [
  { phone: "0901000001", village: "Phú Khương", household: 1, status: "VERIFIED" as const, representative: true },
  { phone: "0901000002", village: "Phú Khương", household: 1, status: "VERIFIED" as const, representative: false, memberIndex: 1 },
  { phone: "0901000003", village: "Tân Phú 1", household: 1, status: "VERIFIED" as const, representative: true },
  { phone: "0901000004", village: "Long Bình", household: 2, status: "VERIFIED" as const, representative: true },
  { phone: "0901000009", village: "Tân Hòa", household: 3, status: "PENDING" as const, representative: false },
];
const NGHIA_HANH_RESIDENT_ACCOUNTS = [
  { phone: "0902000001", village: "Thôn Phú Lâm Đông", household: 1, status: "VERIFIED" as const, representative: true },
];

function householdsPerVillage(total: number, villages: number, random: Random): number[] {
  const weights = Array.from({ length: villages }, () => 0.7 + random.next() * 0.6);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  counts[0]! += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function seedCommune(db: Db, spec: CommuneSpec, log: (l: string) => void) {
  const random = createRandom(spec.seed);
  const boundary = irregularPolygon(spec.box);
  const c = centre(spec.box);
  const commune = await db.commune.upsert({
    where: { slug: spec.slug },
    update: {},
    create: {
      slug: spec.slug,
      name: spec.name,
      province: spec.province,
      boundary: boundary as unknown as Prisma.InputJsonValue,
      centerLat: c.lat,
      centerLng: c.lng,
      isDemo: true,
    },
    select: { id: true },
  });
  const cells = grid(spec.box, spec.rows, spec.cols);
  const villageBoxes = new Map<string, Box>();
  const villages = new Map<string, string>();
  for (const [i, name] of spec.villages.entries()) {
    const box = cells[i % cells.length]!;
    villageBoxes.set(name, box);
    const v = await db.village.upsert({
      where: { communeId_name: { communeId: commune.id, name } },
      update: {},
      create: { communeId: commune.id, name, boundary: rectangle(box) as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    villages.set(name, v.id);
  }

  // Households and residents: deterministic, so the same codes and names come back every time.
  const counts = householdsPerVillage(spec.households, spec.villages.length, random);
  const households: Prisma.HouseholdCreateManyInput[] = [];
  const residents: (Prisma.ResidentCreateManyInput & { householdCode: string; isFirstAdult: boolean })[] = [];
  const thisYear = new Date().getFullYear();
  for (const [vi, name] of spec.villages.entries()) {
    const villageId = villages.get(name)!;
    for (let h = 1; h <= counts[vi]!; h++) {
      const code = `${spec.codePrefix}-${String(vi + 1).padStart(2, "0")}-${String(h).padStart(4, "0")}`;
      households.push({ communeId: commune.id, villageId, code, address: `Tổ ${1 + (h % 6)}, ${name}` });
      // About 3.9 people per household, as in the commune's census figures (17,357 / 4,500).
      const size = random.int(1, 6) + (random.next() < 0.36 ? 1 : 0);
      const head = personName(random);
      for (let m = 0; m < size; m++) {
        const person = m === 0 ? head : personName(random, random.next() < 0.7 ? head.family : undefined);
        const birthYear = m === 0 ? random.int(thisYear - 80, thisYear - 25) : random.int(thisYear - 75, thisYear - 1);
        residents.push({
          communeId: commune.id,
          householdId: "",
          householdCode: code,
          villageId,
          fullName: person.name,
          nameKey: toSearchKey(person.name),
          birthYear,
          isFirstAdult: m === 0,
        });
      }
    }
  }
  await chunked(households, 2000, (chunk) => db.household.createMany({ data: chunk, skipDuplicates: true }));
  const householdIds = new Map(
    (await db.household.findMany({ where: { communeId: commune.id }, select: { id: true, code: true } })).map((h) => [h.code, h.id]),
  );
  await chunked(residents, 2000, (chunk) =>
    db.resident.createMany({
      data: chunk.map(({ householdCode, isFirstAdult: _first, ...r }) => ({ ...r, householdId: householdIds.get(householdCode)! })),
      skipDuplicates: true,
    }),
  );
  // Representatives: the head of each household, where none is marked yet.
  await db.$executeRaw`
    UPDATE "Household" h SET "representativeId" = r.id
    FROM (
      SELECT DISTINCT ON ("householdId") id, "householdId" FROM "Resident"
      WHERE "communeId" = ${commune.id} ORDER BY "householdId", "birthYear" ASC, id ASC
    ) r
    WHERE h.id = r."householdId" AND h."representativeId" IS NULL`;
  await db.$executeRaw`
    UPDATE "Village" v SET "householdCount" = (SELECT count(*) FROM "Household" h WHERE h."villageId" = v.id AND h."isActive")
    WHERE v."communeId" = ${commune.id}`;
  log(`  ${spec.name}: ${spec.villages.length} villages, ${householdIds.size} households, ${await db.resident.count({ where: { communeId: commune.id } })} residents`);
  return { communeId: commune.id, villages, villageBoxes, box: spec.box };
}

async function upsertUser(db: Db, account: Omit<Account, "roles" | "key">, passwordHash: string) {
  const where = account.email ? { email: account.email } : { phone: account.phone! };
  return db.user.upsert({
    where,
    update: {},
    // The demo's officials' emails count as confirmed (lib/email-confirmation), so they sign in by email.
    create: { name: account.name, displayName: account.displayName, email: account.email, phone: account.phone, passwordHash, phoneVerifiedAt: account.phone ? new Date() : null, emailVerifiedAt: account.email ? new Date() : null },
    select: { id: true },
  });
}

async function seedAccounts(
  db: Db,
  ctx: { communeId: string; villages: Map<string, string> },
  accounts: Account[],
  residentAccounts: typeof THIEN_TIN_RESIDENT_ACCOUNTS,
  codePrefix: string,
  villageOrder: string[],
  passwordHash: string,
) {
  const ids: Record<string, string> = {};
  for (const account of accounts) {
    const user = await upsertUser(db, account, passwordHash);
    ids[account.key] = user.id;
    for (const r of account.roles) {
      await db.membership.upsert({
        where: { userId_communeId_role: { userId: user.id, communeId: ctx.communeId, role: r.role } },
        update: {},
        create: {
          userId: user.id,
          communeId: ctx.communeId,
          role: r.role,
          status: "VERIFIED",
          verificationMethod: "APPOINTED",
          verifiedAt: new Date(),
          villageId: r.village ? ctx.villages.get(r.village) : null,
          title: r.title,
        },
      });
    }
    if (account.key === "admin") await db.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
  }
  for (const ra of residentAccounts) {
    const code = `${codePrefix}-${String(villageOrder.indexOf(ra.village) + 1).padStart(2, "0")}-${String(ra.household).padStart(4, "0")}`;
    const household = await db.household.findFirstOrThrow({
      where: { communeId: ctx.communeId, code },
      select: { id: true, representativeId: true, members: { select: { id: true, fullName: true, birthYear: true }, orderBy: [{ birthYear: "asc" }, { id: "asc" }] } },
    });
    const person = ra.representative
      ? household.members.find((m) => m.id === household.representativeId) ?? household.members[0]!
      : household.members[("memberIndex" in ra ? ra.memberIndex : household.members.length - 1) ?? 0] ?? household.members[0]!;
    const given = person.fullName.split(" ").at(-1)!;
    const user = await upsertUser(db, { name: person.fullName, displayName: `${given} (${ra.village})`, phone: `+84${ra.phone.slice(1)}` }, passwordHash);
    ids[`resident:${ra.phone}`] = user.id;
    await db.membership.upsert({
      where: { userId_communeId_role: { userId: user.id, communeId: ctx.communeId, role: "RESIDENT" } },
      update: {},
      create: {
        userId: user.id,
        communeId: ctx.communeId,
        role: "RESIDENT",
        status: ra.status,
        villageId: ctx.villages.get(ra.village),
        residentId: ra.status === "VERIFIED" ? person.id : null,
        verificationMethod: ra.status === "VERIFIED" ? "IN_PERSON" : null,
        verifiedAt: ra.status === "VERIFIED" ? new Date() : null,
        claimedName: person.fullName,
        claimedBirthYear: person.birthYear,
      },
    });
    if (ra.status === "VERIFIED") {
      await db.consentRecord.createMany({ data: [{ userId: user.id, communeId: ctx.communeId, purpose: "registration", textVersion: "registration-2026-11" }], skipDuplicates: true });
    }
  }
  return ids;
}

const DAY = 24 * 60 * 60 * 1000;

/** A verified resident account for a person of the village (the n-th on the list), created once. */
async function residentAuthor(tx: Tx, communeId: string, villageId: string, village: string, passwordHash: string, phone: string) {
  const count = await tx.resident.count({ where: { communeId, villageId } });
  const skip = (Number(phone.slice(-4)) * 7) % Math.max(1, count);
  const resident = await tx.resident.findFirstOrThrow({
    where: { communeId, villageId },
    select: { id: true, householdId: true, fullName: true },
    orderBy: { id: "asc" },
    skip,
  });
  const displayName = `${resident.fullName.split(" ").at(-1)} (${village})`;
  const user = await tx.user.upsert({
    where: { phone: `+84${phone.slice(1)}` },
    update: {},
    create: { name: resident.fullName, displayName, phone: `+84${phone.slice(1)}`, passwordHash, phoneVerifiedAt: new Date() },
    select: { id: true, displayName: true },
  });
  await tx.membership.upsert({
    where: { userId_communeId_role: { userId: user.id, communeId, role: "RESIDENT" } },
    update: {},
    create: { userId: user.id, communeId, role: "RESIDENT", status: "VERIFIED", verificationMethod: "IN_PERSON", verifiedAt: new Date(), villageId, residentId: resident.id },
  });
  return { userId: user.id, residentId: resident.id, householdId: resident.householdId, displayName: user.displayName };
}

/** One meeting per village in scope, with the first question's tallies as shares of its households. */
async function seedMeetings(tx: Tx, ctx: { communeId: string; villages: Map<string, string> }, consultationId: string, demo: DemoConsultation, heldFrom: Date, enteredById: string) {
  const m = demo.meetings!;
  const question = await tx.ballotQuestion.findFirstOrThrow({ where: { consultationId, position: 0 }, select: { id: true, options: { select: { id: true }, orderBy: { position: "asc" } } } });
  const [agreeId, disagreeId, otherId] = question.options.map((o) => o.id) as [string, string, string];
  const names = demo.villages ?? [...ctx.villages.keys()];
  const totals = await tx.household.groupBy({ by: ["villageId"], where: { communeId: ctx.communeId, isActive: true }, _count: { _all: true } });
  for (const [i, name] of [...names].sort().entries()) {
    const villageId = ctx.villages.get(name)!;
    const total = totals.find((t) => t.villageId === villageId)?._count._all ?? 0;
    const present = Math.round(total * m.present);
    const agree = Math.min(present, Math.round(total * ((i + 1) % m.failEvery === 0 ? m.failAgree : m.agree)));
    const disagree = Math.min(present - agree, Math.round(total * m.disagree));
    await tx.meetingRecord.create({
      data: {
        communeId: ctx.communeId,
        consultationId,
        villageId,
        heldAt: new Date(heldFrom.getTime() + (i + 7) * DAY + 12 * 3600_000),
        form: "SHOW_OF_HANDS",
        householdsPresent: present,
        householdsTotal: total,
        enteredById,
        notes: `Hội nghị thôn ${name}: biểu quyết giơ tay.`,
        tallies: {
          create: [
            { questionId: question.id, optionId: agreeId, count: agree },
            { questionId: question.id, optionId: disagreeId, count: disagree },
            { questionId: question.id, optionId: otherId, count: present - agree - disagree },
          ],
        },
      },
    });
  }
}

async function seedConsultations(
  db: Db,
  ctx: { communeId: string; villages: Map<string, string>; villageBoxes: Map<string, Box>; box: Box },
  demos: DemoConsultation[],
  authorId: string,
  passwordHash: string,
  phonePrefix: string,
  log: (l: string) => void,
) {
  let authorSerial = 0;
  const today = Date.now();
  const date = (days: number) => toVnDate(new Date(today + days * DAY));
  let created = 0;
  for (const demo of demos) {
    const existing = await db.consultation.findFirst({ where: { communeId: ctx.communeId, title: demo.title }, select: { id: true } });
    if (existing) continue;
    const geometry = demo.geometry({ box: ctx.box, villageBox: (name) => ctx.villageBoxes.get(name)! }) as ConsultationGeometry;
    const hasGeometry = geometry.features.length > 0;
    const center = hasGeometry ? centerOf(geometry) : null;
    const sections = demo.sections.map((s, i) => ({ communeId: ctx.communeId, position: i, anchor: sectionAnchor(s.heading, i), ...s }));
    const commentStartsAt = startOfDayVn(date(demo.comment[0]));
    const isPublic = demo.status !== "DRAFT";
    await db.$transaction(async (tx) => {
      const consultation = await tx.consultation.create({
        data: {
          communeId: ctx.communeId,
          title: demo.title,
          summary: demo.summary,
          matterKind: demo.matterKind,
          legalCategory: demo.legalCategory,
          subject: demo.subject,
          status: demo.status,
          isCommuneWide: !demo.villages,
          allowedChannels: demo.channels,
          postingStartsAt: demo.posting ? startOfDayVn(date(demo.posting[0])) : null,
          postingEndsAt: demo.posting ? endOfDayVn(date(demo.posting[1])) : null,
          commentStartsAt,
          commentEndsAt: endOfDayVn(date(demo.comment[1])),
          publishedAt: isPublic ? commentStartsAt : null,
          closedAt: demo.status === "CLOSED" ? endOfDayVn(date(demo.comment[1])) : null,
          legalBasis: demo.legalBasis,
          responsibleOfficer: demo.responsibleOfficer,
          geometry: hasGeometry ? (geometry as unknown as Prisma.InputJsonValue) : undefined,
          centerLat: center?.lat,
          centerLng: center?.lng,
          requiresBroadcast: demo.requiresBroadcast ?? false,
          onlineVoteNoticeAt: demo.onlineVoteNotice ? commentStartsAt : null,
          searchText: toSearchKey([demo.title, demo.summary, ...demo.sections.flatMap((s) => [s.heading, s.body])].join(" ")),
          createdById: authorId,
          sections: { create: sections.map(({ communeId: _c, ...s }) => s) },
          villages: { create: (demo.villages ?? []).map((name) => ({ villageId: ctx.villages.get(name)! })) },
          questions: {
            create: (demo.questions ?? []).map((q, qi) => ({
              position: qi,
              text: q.text,
              kind: q.kind,
              votingUnit: q.votingUnit,
              thresholdRule: q.thresholdRule,
              thresholdPercent: q.thresholdPercent,
              quorumPercent: q.quorumPercent,
              options: { create: q.options.map((o, oi) => ({ position: oi, label: o.label, isAffirmative: o.isAffirmative ?? false })) },
            })),
          },
        },
        select: { id: true },
      });
      let number = 0;
      for (const [i, o] of (demo.opinions ?? []).entries()) {
        number += 1;
        const box = ctx.villageBoxes.get(o.village)!;
        const villageId = ctx.villages.get(o.village)!;
        const viaMeeting = o.channel === "MEETING";
        // A web opinion comes from a verified resident account linked to a person on the list.
        const author = viaMeeting ? null : await residentAuthor(tx, ctx.communeId, villageId, o.village, passwordHash, `${phonePrefix}${String(++authorSerial).padStart(4, "0")}`);
        await tx.opinion.create({
          data: {
            communeId: ctx.communeId,
            consultationId: consultation.id,
            number,
            authorId: author?.userId ?? null,
            residentId: author?.residentId ?? null,
            householdId: author?.householdId ?? null,
            villageId,
            displayName: author?.displayName ?? `Hội nghị thôn ${o.village}`,
            body: o.body,
            stance: o.stance,
            channel: o.channel ?? "WEB",
            enteredById: viaMeeting ? authorId : null,
            lat: o.pin ? box.south + (box.north - box.south) * o.pin[1] : null,
            lng: o.pin ? box.west + (box.east - box.west) * o.pin[0] : null,
            createdAt: new Date(commentStartsAt.getTime() + (i + 1) * 6 * 60 * 60 * 1000),
          },
        });
      }
      await tx.consultation.update({ where: { id: consultation.id }, data: { opinionSeq: number } });
      if (demo.meetings) await seedMeetings(tx, ctx, consultation.id, demo, commentStartsAt, authorId);
      // A closed ballot keeps each village's households as they stood at the close (closed-counts.ts).
      if (demo.status === "CLOSED" && demo.questions?.length) await freezeVillageCounts(tx, { id: consultation.id, communeId: ctx.communeId }, endOfDayVn(date(demo.comment[1])));
    });
    created += 1;
  }
  if (created) log(`  ${created} consultation(s)`);
}

export async function seed(db: Db, options: SeedOptions) {
  const log = options.log ?? (() => {});
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  log("xã Thiện Tín");
  const thienTin = await seedCommune(db, { ...THIEN_TIN, households: options.households }, log);
  const ttIds = await seedAccounts(db, thienTin, THIEN_TIN_ACCOUNTS, THIEN_TIN_RESIDENT_ACCOUNTS, THIEN_TIN.codePrefix, THIEN_TIN.villages, passwordHash);
  await seedConsultations(db, thienTin, THIEN_TIN_CONSULTATIONS, ttIds.staff!, passwordHash, "0905", log);
  await seedRatings(db, thienTin.communeId, log);
  await seedDialogues(db, thienTin.communeId, { staff: ttIds.staff!, resident: ttIds["resident:0901000001"] }, log);
  await seedCases(db, thienTin.communeId, ttIds.staff!);
  await seedWorks(db, thienTin.communeId, ttIds.staff!);
  await seedContributions(db, thienTin.communeId, { staff: ttIds.staff!, resident: ttIds["resident:0901000001"] }, log);

  log("xã Nghĩa Hành");
  const nghiaHanh = await seedCommune(db, NGHIA_HANH, log);
  const nhIds = await seedAccounts(db, nghiaHanh, NGHIA_HANH_ACCOUNTS, NGHIA_HANH_RESIDENT_ACCOUNTS, NGHIA_HANH.codePrefix, NGHIA_HANH.villages, passwordHash);
  await seedConsultations(db, nghiaHanh, NGHIA_HANH_CONSULTATIONS, nhIds.staff!, passwordHash, "0906", log);
  await seedChannelOpinions(db, nghiaHanh.communeId, nhIds.staff!);

  // The admin also administers the second commune.
  await db.membership.upsert({
    where: { userId_communeId_role: { userId: ttIds.admin!, communeId: nghiaHanh.communeId, role: "ADMIN" } },
    update: {},
    create: { userId: ttIds.admin!, communeId: nghiaHanh.communeId, role: "ADMIN", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() },
  });

  // The audit chain records that demo data was loaded (once per commune).
  for (const communeId of [thienTin.communeId, nghiaHanh.communeId]) {
    const seeded = await db.auditEvent.findFirst({ where: { communeId, action: "demo.seed" }, select: { seq: true } });
    if (!seeded) {
      await db.$transaction((tx) =>
        appendAudit(tx, { communeId, actorId: null, actorRole: "SYSTEM", action: "demo.seed", entityType: "Commune", entityId: communeId, details: { households: options.households } }),
      );
    }
  }
  await (await import("./conventions")).seedConventions(db, { communeId: thienTin.communeId, staffId: ttIds.staff!, leaderId: ttIds.leader! });
  await seedReception(db, { thienTinId: thienTin.communeId, nghiaHanhId: nghiaHanh.communeId, chairId: ttIds.leader!, staffId: ttIds.staff!, otherStaffId: nhIds.staff! });
  await seedInspection(db, { thienTinId: thienTin.communeId, nghiaHanhId: nghiaHanh.communeId, frontId: ttIds.front!, villages: thienTin.villages, otherVillageId: nghiaHanh.villages.values().next().value!, passwordHash });
  await (await import("./supervision")).seedSupervision(db, thienTin.communeId, { frontId: ttIds.front! });
  return { thienTinId: thienTin.communeId, nghiaHanhId: nghiaHanh.communeId, userIds: ttIds };
}
