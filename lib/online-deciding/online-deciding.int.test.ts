// Online deciding on a real database (Decree 59/2023 Art. 5): a web vote decides an Art. 15.6 matter
// only in a village that met all four conditions — the head and the Front working committee agreed,
// more than 50% of ALL households chose the online form, the People's Committee and the Front were
// told beforehand, a team of 3–5 led by the Front's representative — and nowhere else.
import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { LegalCategory, Role } from "@/lib/generated/prisma/enums";
import { accessOf, addFrontReviewer, createBallot, createTestCommune, createVillage, type TestCommune } from "@/lib/participation/ballot-test-helpers";
import { castWebVote } from "@/lib/participation/cast-web-vote";
import { checkReceipt } from "@/lib/participation/check-receipt";
import { getBallotResults } from "@/lib/participation/get-results";
import { ENTRY_ROLES, VOTER_ROLES } from "@/lib/participation/vote-roles";

import { answerPoll } from "./answer-poll";
import { getOnlineDeciding } from "./get-online-deciding";
import { handleOnlineMinutesDownload } from "./handle-minutes-download";
import { loadOnlineMinutesInput } from "./load-online-minutes";
import { loadConditions, pollHouseholds } from "./load-conditions";
import type { TeamMember } from "./online-deciding-rules";
import { onlineVoteMinutes } from "./online-vote-minutes";
import { recordAgreement, recordMinutesSent, recordNotice } from "./record-village-steps";
import { recordTeam } from "./record-team";

let c: TestCommune;
type Ballot = Awaited<ReturnType<typeof createBallot>>;
type Village = Awaited<ReturnType<typeof createVillage>>;

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Biểu Quyết Trực Tuyến");
});

const DAY = 24 * 3600 * 1000;
const today = () => toVnDate(new Date());
const member = (i: number, leader = false): TeamMember => ({ fullName: `Thành viên ${i}`, role: leader ? "Trưởng Ban công tác Mặt trận" : "Thành viên", isLeader: leader, isFrontRepresentative: leader });
const team = (n: number) => Array.from({ length: n }, (_, i) => member(i + 1, i === 0));

const village = (households: number) => createVillage(c.communeId, { name: `Thôn Trực Tuyến ${randomUUID().slice(0, 6)}`, households, accounts: households });

/** A 15.6 matter (unless told otherwise) whose poll is open: voting opens tomorrow. */
const ballot = (villages: Village[], category: LegalCategory = "DECISION_OTHER_SELF_MANAGEMENT") =>
  createBallot({ communeId: c.communeId, createdById: c.staffId, category, villageIds: villages.map((v) => v.villageId), opensIn: 1 });

type Condition = "agreed" | "poll" | "notified" | "team";
const ALL: Condition[] = ["agreed", "poll", "notified", "team"];

/** Meets the conditions of `meet` in the village; the poll: `yes` households choose the online form. */
async function meet(b: Ballot, v: Village, meet: Condition[] = ALL, yes = v.households.length) {
  const ref = { consultationId: b.consultationId, villageId: v.villageId };
  if (meet.includes("agreed")) await recordAgreement(c.staff, { ...ref, agreedOn: today(), villageHeadName: "Trần Văn Trưởng", frontCommitteeName: "Lê Thị Mặt Trận" });
  if (meet.includes("notified")) await recordNotice(c.staff, { ...ref, notifiedOn: today() });
  if (meet.includes("team")) await recordTeam(c.staff, { ...ref, members: team(3) });
  const answering = meet.includes("poll") ? yes : 0;
  for (const h of v.households.slice(0, answering)) await answerPoll(await accessOf(h.userId!, c.communeId), { consultationId: b.consultationId, choosesOnline: true });
}

const openVoting = (b: Ballot) => db.consultation.update({ where: { id: b.consultationId }, data: { commentStartsAt: new Date(Date.now() - 60_000) } });
const closeVoting = (b: Ballot) => db.consultation.update({ where: { id: b.consultationId }, data: { commentEndsAt: new Date(Date.now() - 1000), status: "CLOSED", closedAt: new Date() } });

/** Every household of the village votes "agree" on the web; returns the receipts. */
async function webVotes(b: Ballot, v: Village, n = v.households.length) {
  const receipts: string[] = [];
  for (const h of v.households.slice(0, n)) receipts.push((await castWebVote(await accessOf(h.userId!, c.communeId), { questionId: b.questionId, optionIds: [b.agree] })).receiptCode);
  return receipts;
}

async function results(b: Ballot) {
  const r = await getBallotResults(c.communeId, b.consultationId);
  if (!r.visible || !r.final) throw new Error("final results expected");
  return r.questions[0]!;
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, status: e.status };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("each condition of Decree 59/2023 Art. 5 missing: web votes set aside in that village", () => {
  it.each(ALL)("without %s, the village's web votes do not decide", async (missing) => {
    const v = await village(3);
    const b = await ballot([v]);
    await meet(b, v, ALL.filter((x) => x !== missing));
    await openVoting(b);
    await webVotes(b, v);
    await closeVoting(b);
    const q = await results(b);
    expect(q.villages[0]).toMatchObject({ agree: 0, notDeciding: ["WEB"], setAside: { WEB: 3 }, outcome: { passed: false } });
  });

  it("told the People's Committee and the Front only after voting opened: not beforehand, not met", async () => {
    const v = await village(3);
    const b = await ballot([v]);
    await meet(b, v, ["agreed", "team", "poll"]);
    await db.onlineDeciding.update({ where: { consultationId_villageId: { consultationId: b.consultationId, villageId: v.villageId } }, data: { notifiedOn: new Date(Date.now() + 2 * DAY) } });
    const conditions = await loadConditions(c.communeId, b.consultationId, await pollHouseholds(c.communeId, b.consultationId, [v.villageId]));
    expect(conditions.get(v.villageId)).toMatchObject({ agreed: true, poll: true, team: true, notified: false, allMet: false });
  });
});

describe("all four met: web votes decide there, and only there", () => {
  it("counts the web votes of the village that met them, with more than 50% of all households, and not those of its neighbour", async () => {
    const [met, neighbour] = [await village(3), await village(3)];
    const b = await ballot([met, neighbour]);
    await meet(b, met);
    await meet(b, neighbour, ["agreed", "notified", "team"]);
    await openVoting(b);
    const [counted] = await webVotes(b, met, 2);
    const [notCounted] = await webVotes(b, neighbour);
    await closeVoting(b);
    const q = await results(b);
    const byId = (id: string) => q.villages.find((x) => x.villageId === id)!;
    // 2 of 3 households: more than half of ALL households (Law 10/2022 Art. 21.1).
    expect(byId(met.villageId)).toMatchObject({ agree: 2, notDeciding: [], outcome: { numerator: 2, denominator: 3, passed: true } });
    expect(byId(neighbour.villageId)).toMatchObject({ agree: 0, notDeciding: ["WEB"], setAside: { WEB: 3 }, outcome: { passed: false } });
    // The receipt says the same, village by village.
    expect(await checkReceipt(c.communeId, counted!, randomUUID())).toMatchObject({ found: true, counted: true });
    expect(await checkReceipt(c.communeId, notCounted!, randomUUID())).toMatchObject({ found: true, counted: false, notCountedBecause: "channelNotDeciding" });
  });

  it("a matter other than Art. 15.6 is never decided online, even with every condition on record", async () => {
    const v = await village(3);
    const b = await ballot([v], "DECISION_VILLAGE_CONVENTION");
    // Staff cannot record it through the platform (422), so the records are written directly.
    expect(await refusal(recordNotice(c.staff, { consultationId: b.consultationId, villageId: v.villageId, notifiedOn: today() }))).toEqual({ code: "onlineNotThisMatter", status: 422 });
    const record = await db.onlineDeciding.create({
      data: { communeId: c.communeId, consultationId: b.consultationId, villageId: v.villageId, agreedOn: new Date(), villageHeadName: "A", frontCommitteeName: "B", notifiedOn: new Date(), team: { create: team(3).map((m, position) => ({ ...m, position })) } },
      select: { id: true },
    });
    expect(record.id).toBeTruthy();
    await db.onlineFormPollAnswer.createMany({ data: v.households.map((h) => ({ communeId: c.communeId, consultationId: b.consultationId, villageId: v.villageId, householdId: h.householdId, residentId: h.residentId, userId: h.userId!, choosesOnline: true })) });
    await openVoting(b);
    const [receipt] = await webVotes(b, v);
    await closeVoting(b);
    expect((await results(b)).villages[0]).toMatchObject({ agree: 0, notDeciding: ["WEB"], outcome: { passed: false } });
    expect(await checkReceipt(c.communeId, receipt!, randomUUID())).toMatchObject({ counted: false, notCountedBecause: "channelNotDeciding" });
  });
});

describe("the preliminary poll: more than 50% of ALL households of the village", () => {
  it("exactly half is not enough; half plus one household is", async () => {
    const v = await village(4);
    const b = await ballot([v]);
    await meet(b, v, ["agreed", "notified", "team", "poll"], 2);
    // One household says no: it answered, but it does not choose the online form.
    await answerPoll(await accessOf(v.households[3]!.userId!, c.communeId), { consultationId: b.consultationId, choosesOnline: false });
    const households = () => pollHouseholds(c.communeId, b.consultationId, [v.villageId]);
    expect((await loadConditions(c.communeId, b.consultationId, await households())).get(v.villageId)).toMatchObject({ pollYes: 2, households: 4, poll: false, allMet: false });
    await answerPoll(await accessOf(v.households[2]!.userId!, c.communeId), { consultationId: b.consultationId, choosesOnline: true });
    expect((await loadConditions(c.communeId, b.consultationId, await households())).get(v.villageId)).toMatchObject({ pollYes: 3, households: 4, poll: true, allMet: true });
  });

  it("one answer per household, only before voting opens, only from who may vote for the household", async () => {
    const v = await village(2);
    const b = await ballot([v]);
    const first = await accessOf(v.households[0]!.userId!, c.communeId);
    await answerPoll(first, { consultationId: b.consultationId, choosesOnline: true });
    expect(await refusal(answerPoll(first, { consultationId: b.consultationId, choosesOnline: false }))).toEqual({ code: "pollAlreadyAnswered", status: 409 });
    // Identity matched on the list only: may comment, may not speak for the household.
    await db.membership.updateMany({ where: { userId: v.households[1]!.userId! }, data: { verificationMethod: "LIST_MATCH" } });
    expect(await refusal(answerPoll(await accessOf(v.households[1]!.userId!, c.communeId), { consultationId: b.consultationId, choosesOnline: true }))).toMatchObject({ code: "identityNotConfirmedForVoting" });
    await db.membership.updateMany({ where: { userId: v.households[1]!.userId! }, data: { verificationMethod: "IN_PERSON" } });
    await openVoting(b);
    expect(await refusal(answerPoll(await accessOf(v.households[1]!.userId!, c.communeId), { consultationId: b.consultationId, choosesOnline: true }))).toEqual({ code: "pollClosed", status: 409 });
    expect(await db.onlineFormPollAnswer.count({ where: { consultationId: b.consultationId } })).toBe(1);
  });
});

describe("the online-voting team: 3 to 5, led by the Front's representative", () => {
  it("refuses 2 and 6 members, no leader, two leaders, a leader who is not the Front's representative; writes nothing", async () => {
    const v = await village(1);
    const b = await ballot([v]);
    const ref = { consultationId: b.consultationId, villageId: v.villageId };
    expect(await refusal(recordTeam(c.staff, { ...ref, members: team(2) }))).toEqual({ code: "teamSize", status: 422 });
    expect(await refusal(recordTeam(c.staff, { ...ref, members: team(6) }))).toEqual({ code: "teamSize", status: 422 });
    expect(await refusal(recordTeam(c.staff, { ...ref, members: [member(1), member(2), member(3)] }))).toEqual({ code: "teamOneLeader", status: 422 });
    expect(await refusal(recordTeam(c.staff, { ...ref, members: [member(1, true), member(2, true), member(3)] }))).toEqual({ code: "teamOneLeader", status: 422 });
    expect(await refusal(recordTeam(c.staff, { ...ref, members: [{ ...member(1, true), isFrontRepresentative: false }, member(2), member(3)] }))).toEqual({ code: "teamLeaderFront", status: 422 });
    expect(await db.onlineVotingTeamMember.count({ where: { onlineDeciding: { consultationId: b.consultationId } } })).toBe(0);
    await recordTeam(c.staff, { ...ref, members: team(5) });
    await recordTeam(c.staff, { ...ref, members: team(3) });
    expect(await db.onlineVotingTeamMember.count({ where: { onlineDeciding: { consultationId: b.consultationId } } })).toBe(3);
  });
});

describe("who may record and answer, per role", () => {
  async function person(role: Role, villageId: string | null) {
    const user = await db.user.create({ data: { name: `Thử ${role}`, displayName: `Thử ${role}`, email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
    await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role, status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId } });
    return user.id;
  }
  const allowed = (userId: string, roles: readonly Role[]) => requireCommuneAccess(userId, c.communeId, roles, { write: true }).then(() => true, () => false);

  it("staff, leaders, administrators and the village head record; the Front and residents do not; a head only for their own village", async () => {
    const [own, other] = [await village(1), await village(1)];
    const b = await ballot([own, other]);
    const ids = {
      STAFF: c.staffId,
      LEADER: await person("LEADER", null),
      ADMIN: await person("ADMIN", null),
      VILLAGE_HEAD: await person("VILLAGE_HEAD", own.villageId),
      FRONT_REVIEWER: await person("FRONT_REVIEWER", null),
      RESIDENT: own.households[0]!.userId!,
    };
    const mayRecord = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([role, id]) => [role, await allowed(id, ENTRY_ROLES)])));
    expect(mayRecord).toEqual({ STAFF: true, LEADER: true, ADMIN: true, VILLAGE_HEAD: true, FRONT_REVIEWER: false, RESIDENT: false });
    const mayAnswer = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([role, id]) => [role, await allowed(id, VOTER_ROLES)])));
    expect(mayAnswer).toEqual({ STAFF: false, LEADER: false, ADMIN: false, VILLAGE_HEAD: false, FRONT_REVIEWER: false, RESIDENT: true });

    const head = await requireCommuneAccess(ids.VILLAGE_HEAD, c.communeId, ENTRY_ROLES, { write: true });
    await recordNotice(head, { consultationId: b.consultationId, villageId: own.villageId, notifiedOn: today() });
    expect(await refusal(recordNotice(head, { consultationId: b.consultationId, villageId: other.villageId, notifiedOn: today() }))).toEqual({ code: "notYourVillage", status: 403 });
    expect(await refusal(recordTeam(head, { consultationId: b.consultationId, villageId: other.villageId, members: team(3) }))).toEqual({ code: "notYourVillage", status: 403 });
    expect(await refusal(recordAgreement(head, { consultationId: b.consultationId, villageId: other.villageId, agreedOn: today(), villageHeadName: "A B", frontCommitteeName: "C D" }))).toEqual({ code: "notYourVillage", status: 403 });
    // The head's view shows their own village only.
    expect((await getOnlineDeciding(head, b.consultationId)).villages.map((x) => x.id)).toEqual([own.villageId]);
    // Another commune's consultation is not found.
    const elsewhere = await createTestCommune("Xã Khác Thử");
    expect(await refusal(recordNotice(elsewhere.staff, { consultationId: b.consultationId, villageId: own.villageId, notifiedOn: today() }))).toEqual({ code: "consultationNotFound", status: 404 });
    expect(await db.onlineDeciding.count({ where: { consultationId: b.consultationId, villageId: other.villageId } })).toBe(0);
  });
});

describe("the form 03 minutes: sent within 5 working days after the vote closes", () => {
  it("shows the clock to staff and records the day sent, never before the vote closed", async () => {
    const v = await village(1);
    const b = await ballot([v]);
    const ref = { consultationId: b.consultationId, villageId: v.villageId };
    expect(await refusal(recordMinutesSent(c.staff, { ...ref, sentOn: today() }))).toEqual({ code: "minutesBeforeClose", status: 422 });
    await closeVoting(b);
    // What allowed web votes to decide is settled: no change once the vote closed.
    expect(await refusal(recordNotice(c.staff, { ...ref, notifiedOn: today() }))).toEqual({ code: "onlineStepsClosed", status: 409 });
    expect(await refusal(recordTeam(c.staff, { ...ref, members: team(3) }))).toEqual({ code: "onlineStepsClosed", status: 409 });
    const before = (await getOnlineDeciding(c.staff, b.consultationId)).villages[0]!;
    expect(before.clock).toMatchObject({ sentOn: null, overdue: false });
    expect(before.clock!.dueBy.getTime()).toBeGreaterThan(Date.now() + 5 * DAY);
    await recordMinutesSent(c.staff, { ...ref, sentOn: today() });
    const after = (await getOnlineDeciding(c.staff, b.consultationId)).villages[0]!;
    expect(after.clock).toMatchObject({ overdue: false });
    expect(after.clock!.sentOn).not.toBeNull();
  });
});

describe("the minutes of the online vote (form 03)", () => {
  it("print the conditions, the team and the village's count against all its households; the Front reads them, a head only their own village's", async () => {
    const [v, neighbour] = [await village(3), await village(3)];
    const b = await ballot([v, neighbour]);
    await meet(b, v);
    await openVoting(b);
    await webVotes(b, v, 2);
    await closeVoting(b);
    const input = await loadOnlineMinutesInput(c.communeId, b.consultationId, v.villageId);
    expect(input).toMatchObject({ households: 3, pollYes: 3, villageHeadName: "Trần Văn Trưởng", questions: [{ passed: true, options: [{ label: "Đồng ý", count: 2 }, { count: 0 }, { count: 0 }] }] });
    const doc = onlineVoteMinutes(input);
    expect(JSON.stringify(doc.body)).toContain("3/3 hộ");
    expect(doc.signature.signerName).toBe("Thành viên 1");
    const url = (villageId: string) => new URL(`http://x/api?communeId=${c.communeId}&villageId=${villageId}&format=docx`);
    const front = await addFrontReviewer(c.communeId);
    const ok = await handleOnlineMinutesDownload(front.userId, b.consultationId, url(v.villageId));
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    const headId = (await db.user.create({ data: { name: "Trưởng thôn thử", displayName: "TT thử", email: `tt-${randomUUID().slice(0, 8)}@thu.danban.local`, passwordHash: "x" }, select: { id: true } })).id;
    await db.membership.create({ data: { userId: headId, communeId: c.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId: neighbour.villageId } });
    expect((await handleOnlineMinutesDownload(headId, b.consultationId, url(v.villageId))).status).toBe(403);
    expect((await handleOnlineMinutesDownload(v.households[0]!.userId!, b.consultationId, url(v.villageId))).status).toBe(403);
    expect((await handleOnlineMinutesDownload(null, b.consultationId, url(v.villageId))).status).toBe(401);
  }, 60_000);
});
