// The living household list: changes with their day, counts of any day, the count of a ballot read on
// the last day of voting (a household that left the day before is not counted, one that left the day
// after is), closed results that never move, re-importing with what it would change, villages merging
// and splitting, and the resident's correction request for every role.
import { createHash, randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { type CommuneAccess, requireCommuneAccess } from "@/lib/auth/authorize";
import { closeExpiredConsultations } from "@/lib/consultations/lifecycle";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { participationByVillage } from "@/lib/oversight/participation";
import { loadBallot } from "@/lib/participation/ballot-scope";
import { addMember, createBallot, createTestCommune, createVillage, type TestHousehold } from "@/lib/participation/ballot-test-helpers";
import { computeResults } from "@/lib/participation/get-results";
import { importResidentList, previewResidentList } from "@/lib/people/import/import-resident-list";

import { markHouseholdMovedAway, markPersonGone, moveHousehold, movePerson, splitHousehold } from "./change-household";
import { answerCorrection, getMyHousehold, listCorrections, requestCorrection } from "./corrections";
import { householdsOnDay } from "./count-as-of";
import { dayAfter, dayBefore, today } from "./list-day";
import { HOUSEHOLD_ROLES } from "./roles";
import { mergeVillages, splitVillage } from "./villages";

const DAY = 24 * 3600 * 1000;
const T = today();
const daysAgo = (n: number) => {
  let d = T;
  for (let i = 0; i < n; i++) d = dayBefore(d);
  return d;
};

let communeId: string;
let staff: CommuneAccess;
let admin: CommuneAccess;

async function codeOf(e: unknown): Promise<string> {
  if (isAppError(e)) return e.code;
  throw e;
}
const refusal = (p: Promise<unknown>) => p.then(() => "ok", codeOf);

const countOn = async (villageId: string, day: string) => (await householdsOnDay(db, communeId, [villageId], day)).get(villageId) ?? 0;

/** Voting that ended with the last day `lastDay` (the instant it ends is the start of the next day in Vietnam). */
async function ballotEndingOn(lastDay: string, villageIds?: string[]) {
  const b = await createBallot({ communeId, createdById: staff.userId, villageIds, closesIn: 1 });
  await db.consultation.update({ where: { id: b.consultationId }, data: { commentStartsAt: new Date(Date.parse(`${lastDay}T00:00:00+07:00`) - 10 * DAY), commentEndsAt: new Date(`${dayAfter(lastDay)}T00:00:00+07:00`) } });
  return b;
}

async function resultOf(consultationId: string) {
  const [q] = await computeResults(communeId, await loadBallot(communeId, consultationId));
  return Object.fromEntries(q!.villages.map((v) => [v.name, v.eligible]));
}

beforeAll(async () => {
  const c = await createTestCommune("Xã Hộ Sống");
  communeId = c.communeId;
  staff = c.staff;
  const adminUser = await db.user.create({ data: { name: "Quản trị thử", displayName: "QT", email: `qt-${randomUUID().slice(0, 6)}@thu.danban.local`, passwordHash: "x" } });
  await db.membership.create({ data: { userId: adminUser.id, communeId, role: "ADMIN", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
  admin = await requireCommuneAccess(adminUser.id, communeId, ["ADMIN"], { write: true });
});

describe("changes to the list, each with its day", () => {
  it("counts a village's households as the list stood on each day", async () => {
    const v = await createVillage(communeId, { name: `Thôn Đếm ${randomUUID().slice(0, 4)}`, households: 5 });
    const other = await createVillage(communeId, { name: `Thôn Bên ${randomUUID().slice(0, 4)}`, households: 1 });
    const [h1, h2, h3] = v.households as [TestHousehold, TestHousehold, TestHousehold];
    await markHouseholdMovedAway(staff, { householdId: h1.householdId, effectiveOn: daysAgo(10) });
    // The only member dies: the household leaves the list that day too.
    expect(await markPersonGone(staff, { residentId: h2.residentId, reason: "DIED", effectiveOn: daysAgo(5) })).toMatchObject({ householdGone: true });
    const second = await addMember(communeId, h3, { fullName: "Trần Thị Tách", birthYear: 1990 });
    await splitHousehold(staff, { householdId: h3.householdId, residentIds: [second.residentId], newCode: `TACH-${randomUUID().slice(0, 6)}`, address: null, representativeId: second.residentId, effectiveOn: daysAgo(3) });
    await moveHousehold(staff, { householdId: h3.householdId, villageId: other.villageId, effectiveOn: daysAgo(1) });

    expect(await countOn(v.villageId, daysAgo(11))).toBe(5);
    expect(await countOn(v.villageId, daysAgo(10))).toBe(4); // left that day: not on the list that day
    expect(await countOn(v.villageId, daysAgo(5))).toBe(3);
    expect(await countOn(v.villageId, daysAgo(3))).toBe(4); // the split adds a household
    expect(await countOn(v.villageId, daysAgo(1))).toBe(3);
    expect(await countOn(other.villageId, daysAgo(1))).toBe(2);
    // Nobody is deleted: every row is still there, marked.
    expect(await db.household.count({ where: { villageId: { in: [v.villageId, other.villageId] } } })).toBe(7);
    expect((await db.village.findUniqueOrThrow({ where: { id: v.villageId } })).householdCount).toBe(3);
    const history = await db.householdChange.findMany({ where: { communeId, householdId: { in: [h1.householdId, h2.householdId, h3.householdId] } }, select: { kind: true } });
    expect(history.map((h) => h.kind).sort()).toEqual(["DIED", "HOUSEHOLD_MOVED", "MOVED_AWAY", "SPLIT"]);
  });

  it("refuses a day to come, and a day before the last change of the same household", async () => {
    const v = await createVillage(communeId, { name: `Thôn Ngày ${randomUUID().slice(0, 4)}`, households: 2 });
    const other = await createVillage(communeId, { name: `Thôn Khác ${randomUUID().slice(0, 4)}`, households: 1 });
    const h = v.households[0]!;
    expect(await refusal(markHouseholdMovedAway(staff, { householdId: h.householdId, effectiveOn: dayAfter(T) }))).toBe("listDayInFuture");
    await moveHousehold(staff, { householdId: h.householdId, villageId: other.villageId, effectiveOn: daysAgo(2) });
    expect(await refusal(markHouseholdMovedAway(staff, { householdId: h.householdId, effectiveOn: daysAgo(3) }))).toBe("listDayBeforeLastChange");
    expect(await refusal(markHouseholdMovedAway(staff, { householdId: h.householdId, effectiveOn: daysAgo(2) }))).toBe("ok");
    expect(await refusal(markHouseholdMovedAway(staff, { householdId: h.householdId, effectiveOn: T }))).toBe("householdNotOnList");
  });

  it("moves a person to another household and keeps each representative a member", async () => {
    const v = await createVillage(communeId, { name: `Thôn Chuyển ${randomUUID().slice(0, 4)}`, households: 2 });
    const [a, b] = v.households as [TestHousehold, TestHousehold];
    const extra = await addMember(communeId, a, { fullName: "Lê Văn Chuyển", birthYear: 1985 });
    // a's representative leaves: a keeps its other member and no representative until staff choose one.
    await movePerson(staff, { residentId: a.residentId, toHouseholdCode: b.code, effectiveOn: daysAgo(1) });
    const [ha, hb] = await Promise.all([
      db.household.findUniqueOrThrow({ where: { id: a.householdId }, select: { representativeId: true, isActive: true } }),
      db.household.findUniqueOrThrow({ where: { id: b.householdId }, select: { representativeId: true, members: { select: { id: true } } } }),
    ]);
    expect(ha).toEqual({ representativeId: null, isActive: true });
    expect(hb.members.map((m) => m.id).sort()).toEqual([b.residentId, a.residentId].sort());
    expect(await refusal(splitHousehold(staff, { householdId: a.householdId, residentIds: [extra.residentId], newCode: "X1", address: null, representativeId: null, effectiveOn: T }))).toBe("splitSomeoneStays");
    expect(await refusal(movePerson(staff, { residentId: extra.residentId, toHouseholdCode: "KHONG-CO", effectiveOn: T }))).toBe("householdCodeUnknown");
  });
});

describe("the count of a ballot: the list on the last day of voting", () => {
  it("leaves out a household that left the day before, counts one that left the day after, and keeps the count once closed", async () => {
    const lastDay = daysAgo(5);
    const v = await createVillage(communeId, { name: `Thôn Biên ${randomUUID().slice(0, 4)}`, households: 6 });
    const [before, on, after] = v.households as [TestHousehold, TestHousehold, TestHousehold];
    const ballot = await ballotEndingOn(lastDay, [v.villageId]);
    await markHouseholdMovedAway(staff, { householdId: before.householdId, effectiveOn: dayBefore(lastDay) });
    await markHouseholdMovedAway(staff, { householdId: on.householdId, effectiveOn: lastDay });
    await markHouseholdMovedAway(staff, { householdId: after.householdId, effectiveOn: dayAfter(lastDay) });
    const name = (await db.village.findUniqueOrThrow({ where: { id: v.villageId } })).name;
    // Computed after the list changed, before the close was kept: still the list of the last day.
    expect(await resultOf(ballot.consultationId)).toEqual({ [name]: 4 });
    // The Front's participation table counts against the same households.
    expect((await participationByVillage(communeId, ballot.consultationId)).map((v) => v.households)).toEqual([4]);

    await closeExpiredConsultations();
    expect(await db.closedVillageCount.findFirstOrThrow({ where: { questionId: ballot.questionId }, select: { eligible: true } })).toEqual({ eligible: 4 });
    // A death recorded late, dated inside the voting period: the closed result does not move.
    await markHouseholdMovedAway(staff, { householdId: v.households[3]!.householdId, effectiveOn: daysAgo(8) });
    expect(await resultOf(ballot.consultationId)).toEqual({ [name]: 4 });
    expect((await participationByVillage(communeId, ballot.consultationId)).map((v) => v.households)).toEqual([4]);
    expect(await countOn(v.villageId, lastDay)).toBe(3);
  });

  it("counts an open ballot against today's list", async () => {
    const v = await createVillage(communeId, { name: `Thôn Mở ${randomUUID().slice(0, 4)}`, households: 3 });
    const ballot = await createBallot({ communeId, createdById: staff.userId, villageIds: [v.villageId], showResultsLive: true });
    await markHouseholdMovedAway(staff, { householdId: v.households[0]!.householdId, effectiveOn: T });
    const name = (await db.village.findUniqueOrThrow({ where: { id: v.villageId } })).name;
    expect(await resultOf(ballot.consultationId)).toEqual({ [name]: 2 });
  });
});

describe("villages merging and splitting", () => {
  it("moves households with their village, keeps closed results in the villages they were counted in, and refuses while a vote is open", async () => {
    const tag = randomUUID().slice(0, 4);
    const a = await createVillage(communeId, { name: `Thôn Gộp A ${tag}`, households: 4 });
    const b = await createVillage(communeId, { name: `Thôn Gộp B ${tag}`, households: 2 });
    const closed = await ballotEndingOn(daysAgo(3), [a.villageId, b.villageId]);
    await closeExpiredConsultations();
    const open = await createBallot({ communeId, createdById: staff.userId, villageIds: [b.villageId] });
    expect(await refusal(mergeVillages(admin, { villageIds: [a.villageId, b.villageId], intoVillageId: null, newName: `Thôn Gộp ${tag}`, effectiveOn: T }))).toBe("villagesInOpenVote");
    await db.consultation.update({ where: { id: open.consultationId }, data: { status: "CLOSED", commentEndsAt: new Date(Date.now() - DAY) } });

    const merged = await mergeVillages(admin, { villageIds: [a.villageId, b.villageId], intoVillageId: null, newName: `Thôn Gộp ${tag}`, effectiveOn: daysAgo(1) });
    expect(merged).toMatchObject({ households: 6 });
    expect(await countOn(merged.villageId, daysAgo(1))).toBe(6);
    expect(await countOn(a.villageId, daysAgo(2))).toBe(4);
    expect(await countOn(a.villageId, daysAgo(1))).toBe(0);
    expect(await resultOf(closed.consultationId)).toEqual({ [`Thôn Gộp A ${tag}`]: 4, [`Thôn Gộp B ${tag}`]: 2 });
    expect(await db.village.count({ where: { id: { in: [a.villageId, b.villageId] }, retiredOn: { not: null } } })).toBe(2);
    expect(await refusal(moveHousehold(staff, { householdId: a.households[0]!.householdId, villageId: a.villageId, effectiveOn: T }))).toBe("villageRetired");

    // A new commune-wide ballot counts the merged village, not the two it replaced.
    const wide = await createBallot({ communeId, createdById: staff.userId, showResultsLive: true });
    const names = Object.keys(await resultOf(wide.consultationId));
    expect(names).toContain(`Thôn Gộp ${tag}`);
    expect(names).not.toContain(`Thôn Gộp A ${tag}`);
    await db.consultation.update({ where: { id: wide.consultationId }, data: { status: "CLOSED", commentEndsAt: new Date(Date.now() - DAY) } });

    // Two households split off into a village of their own; the rest stay.
    const split = await splitVillage(admin, { villageId: merged.villageId, newName: `Thôn Tách ${tag}`, householdCodes: [a.households[0]!.code, b.households[0]!.code], effectiveOn: T });
    expect(split).toMatchObject({ households: 2 });
    expect(await countOn(merged.villageId, T)).toBe(4);
    expect(await countOn(split.villageId, T)).toBe(2);
    expect(await countOn(split.villageId, daysAgo(1))).toBe(0);
    expect(await resultOf(closed.consultationId)).toEqual({ [`Thôn Gộp A ${tag}`]: 4, [`Thôn Gộp B ${tag}`]: 2 });
  });
});

describe("re-importing the list", () => {
  const MB = 20 * 1024 * 1024;
  const csv = (lines: string[]) => ({ name: "ds.csv", bytes: new TextEncoder().encode(`\ufeff${["Thôn,Mã hộ,Địa chỉ,Họ và tên,Năm sinh,Đại diện hộ", ...lines].join("\r\n")}\r\n`) });
  const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

  it("shows what is new, changed and missing, and marks nobody gone unless asked, with the day", async () => {
    const tag = randomUUID().slice(0, 4).toUpperCase();
    const village = `Thôn Nhập ${tag}`;
    await db.village.create({ data: { communeId, name: village } });
    const first = csv([`${village},N${tag}-1,Số 1,Phạm Văn Một,1970,x`, `${village},N${tag}-1,Số 1,Phạm Thị Hai,1975,`, `${village},N${tag}-2,Số 2,Võ Văn Ba,1960,x`, `${village},N${tag}-3,Số 3,Đỗ Văn Bốn,1950,x`]);
    await importResidentList(staff, first, sha(first.bytes), MB);
    const villageId = (await db.village.findFirstOrThrow({ where: { communeId, name: village } })).id;
    // The first import was a month ago (new rows are on the list from the import's day).
    await db.$executeRaw`UPDATE "HouseholdPeriod" SET "validFrom" = ${daysAgo(30)}::date WHERE "villageId" = ${villageId}`;
    await db.$executeRaw`UPDATE "ResidentPeriod" SET "validFrom" = ${daysAgo(30)}::date WHERE "villageId" = ${villageId}`;

    // Household 3 is not in the file any more; Phạm Thị Hai neither; a new household 4; household 2's address changes.
    const second = csv([`${village},N${tag}-1,Số 1,Phạm Văn Một,1970,x`, `${village},N${tag}-2,Số 2B,Võ Văn Ba,1960,x`, `${village},N${tag}-4,Số 4,Hồ Văn Năm,1980,x`]);
    const preview = await previewResidentList(staff, second, MB);
    expect(preview.householdsCreated).toBe(1);
    expect(preview.householdsUpdated).toBe(1);
    expect(preview.missing?.households.map((h) => h.code)).toEqual([`N${tag}-3`]);
    expect(preview.missing?.people.map((p) => p.fullName)).toEqual(["Phạm Thị Hai"]);

    // Confirmed without marking: the file's changes only, nobody gone.
    await importResidentList(staff, second, preview.sha256, MB);
    expect(await db.household.count({ where: { villageId, isActive: true } })).toBe(4);
    expect(await db.resident.count({ where: { villageId, isActive: true } })).toBe(5);

    // Confirmed with marking, from two days ago.
    const marked = await importResidentList(staff, second, preview.sha256, MB, { markMissingGoneOn: daysAgo(2) });
    expect(marked.markedGone).toEqual({ households: 1, people: 2, on: daysAgo(2) });
    expect(await db.resident.count({ where: { villageId, isActive: true } })).toBe(3);
    expect(await countOn(villageId, daysAgo(3))).toBe(3);
    expect(await countOn(villageId, daysAgo(2))).toBe(2);
    expect(await countOn(villageId, T)).toBe(3); // household 4 is on the list from the import's day
    expect(await refusal(importResidentList(staff, second, preview.sha256, MB, { markMissingGoneOn: dayAfter(T) }))).toBe("listDayInFuture");
    // Household 4 came today: marking it gone before that is refused with a message, nothing written.
    const third = csv([`${village},N${tag}-1,Số 1,Phạm Văn Một,1970,x`, `${village},N${tag}-2,Số 2B,Võ Văn Ba,1960,x`]);
    expect(await refusal(importResidentList(staff, third, sha(third.bytes), MB, { markMissingGoneOn: daysAgo(1) }))).toBe("listDayBeforeLastChange");
    expect(await countOn(villageId, T)).toBe(3);
  });
});

describe("a resident's household, and a request to correct it", () => {
  it("lets a resident ask and see the answer; only staff answer; nobody else asks or answers", async () => {
    const v = await createVillage(communeId, { name: `Thôn Sửa ${randomUUID().slice(0, 4)}`, households: 2, accounts: 2 });
    const [mine, theirs] = v.households as [TestHousehold, TestHousehold];
    const me = await requireCommuneAccess(mine.userId!, communeId, HOUSEHOLD_ROLES.requestCorrection, { write: true });
    const head = await db.user.create({ data: { name: "Trưởng thôn thử", displayName: "TT", email: `tt-${randomUUID().slice(0, 6)}@thu.danban.local`, passwordHash: "x" } });
    await db.membership.create({ data: { userId: head.id, communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId: v.villageId } });
    const front = await db.user.create({ data: { name: "MTTQ thử", displayName: "MT", email: `mt-${randomUUID().slice(0, 6)}@thu.danban.local`, passwordHash: "x" } });
    await db.membership.create({ data: { userId: front.id, communeId, role: "FRONT_REVIEWER", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });

    const mineNow = await getMyHousehold(mine.userId!, communeId);
    expect(mineNow).toMatchObject({ household: { code: mine.code }, village: { name: expect.stringContaining("Thôn Sửa") } });
    const { correctionId } = await requestCorrection(me, { body: "Tôi đã chuyển sang ở với con trai, mã hộ mới là ..." });

    const gate = async (userId: string, roles: readonly ("RESIDENT" | "STAFF" | "LEADER" | "ADMIN")[] | readonly string[]) =>
      refusal(requireCommuneAccess(userId, communeId, roles as never, { write: true }));
    expect(await gate(theirs.userId!, HOUSEHOLD_ROLES.answerCorrection)).toBe("forbidden");
    expect(await gate(head.id, HOUSEHOLD_ROLES.answerCorrection)).toBe("forbidden");
    expect(await gate(front.id, HOUSEHOLD_ROLES.answerCorrection)).toBe("forbidden");
    expect(await gate(staff.userId, HOUSEHOLD_ROLES.answerCorrection)).toBe("ok");
    expect(await gate(head.id, HOUSEHOLD_ROLES.requestCorrection)).toBe("forbidden");
    expect(await gate(staff.userId, HOUSEHOLD_ROLES.requestCorrection)).toBe("forbidden");
    expect(await gate(head.id, HOUSEHOLD_ROLES.changeList)).toBe("forbidden");
    expect(await gate(mine.userId!, HOUSEHOLD_ROLES.changeList)).toBe("forbidden");
    expect(await gate(staff.userId, HOUSEHOLD_ROLES.changeVillages)).toBe("forbidden");
    expect(await gate(admin.userId, HOUSEHOLD_ROLES.changeVillages)).toBe("ok");

    expect((await listCorrections(communeId)).find((c) => c.id === correctionId)).toMatchObject({ status: "OPEN", householdCode: mine.code });
    // Another commune's staff cannot answer it: the request is not found in their commune.
    const other = await createTestCommune("Xã Khác Hộ");
    expect(await refusal(answerCorrection(other.staff, { correctionId, answer: "Không phải xã này." }))).toBe("correctionNotFound");
    await answerCorrection(staff, { correctionId, answer: "Đã chuyển ông sang hộ của con trai từ ngày 01/12." });
    expect(await refusal(answerCorrection(staff, { correctionId, answer: "Lần hai" }))).toBe("correctionAlreadyAnswered");
    expect((await getMyHousehold(mine.userId!, communeId))?.requests[0]).toMatchObject({ status: "ANSWERED", answer: "Đã chuyển ông sang hộ của con trai từ ngày 01/12." });
    // Only one's own: the neighbour sees none of it.
    expect((await getMyHousehold(theirs.userId!, communeId))?.requests).toEqual([]);
  });
});
