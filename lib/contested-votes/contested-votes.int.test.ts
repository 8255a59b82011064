// Votes only their owners cast (issue 10 §4): a list match may comment but not vote; a household is
// told of every vote in its name, on every channel; a disputed vote is voided only when staff propose
// and the Front confirms, drops out of the count, and the household votes again; a block never stops a vote.
import { beforeAll, describe, expect, it } from "vitest";

import { type CommuneAccess, requireCommuneAccess } from "@/lib/auth/authorize";
import { STAFF_AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { blockAccount } from "@/lib/oversight/blocks";
import { accessOf, addFrontReviewer, outcomesByPerson, addMember, createBallot, createTestCommune, createVillage, type TestCommune } from "@/lib/participation/ballot-test-helpers";
import { castWebVote } from "@/lib/participation/cast-web-vote";
import { checkReceipt } from "@/lib/participation/check-receipt";
import { enterAssisted, enterPaperBallot } from "@/lib/participation/enter-offline-votes";
import { getBallotResults } from "@/lib/participation/get-results";
import { postOpinion } from "@/lib/participation/post-opinion";
import { opinionSchema } from "@/lib/participation/schemas";
import { confirmIdentityInPerson } from "@/lib/people/confirm-identity";
import { outboxSender } from "@/lib/sms/send-sms";
import { sendPendingVoteNotices } from "@/lib/vote-notices/send-vote-notices";

import { decideVoid } from "./decide-void";
import { disputeVote } from "./dispute-vote";
import { listDisputes, listHouseholdVotes } from "./list-disputes";
import { proposeVoid } from "./propose-void";
import { DECIDE_VOID_ROLES, DISPUTE_READER_ROLES, DISPUTE_ROLES, PROPOSE_VOID_ROLES } from "./roles";

let c: TestCommune;
let front: Awaited<ReturnType<typeof addFrontReviewer>>;

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Khiếu Nại");
  front = await addFrontReviewer(c.communeId);
});

async function villageHeadOf(villageId: string) {
  const user = await db.user.create({ data: { name: "Trưởng thôn thử", displayName: "Trưởng thôn thử", email: `th-${villageId}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId } });
  return requireCommuneAccess(user.id, c.communeId, ["VILLAGE_HEAD"], { write: true });
}

const setMethod = (userId: string, method: "LIST_MATCH" | "INVITE_CODE") => db.membership.updateMany({ where: { userId, role: "RESIDENT" }, data: { verificationMethod: method } });

async function liveResults(consultationId: string) {
  await db.consultation.update({ where: { id: consultationId }, data: { showResultsLive: true } });
  const results = await getBallotResults(c.communeId, consultationId);
  if (!results.visible) throw new Error("live results expected");
  return results.questions[0]!;
}

const opinion = (consultationId: string) =>
  opinionSchema.parse({ communeId: c.communeId, consultationId, body: "Tôi đồng ý với dự thảo hương ước của thôn.", stance: "SUPPORT", lat: null, lng: null, sectionId: null, parentId: null });

/** A household consultation ballot: web votes count there, which is what these tests weigh (on a decision
 * matter they are set aside unless Decree 59/2023 Art. 5's conditions for online deciding are met). */
const WEB_COUNTS = "CONSULTATION_ADMINISTRATIVE_BOUNDARY" as const;

describe("a match on the household list", () => {
  it("lets a resident comment at once but not vote, until identity is confirmed in person or by an invite code", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Đối Chiếu", households: 4, accounts: 3 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category: WEB_COUNTS });
    const [listed, invited, other] = village.households;
    await setMethod(listed!.userId!, "LIST_MATCH");
    await setMethod(invited!.userId!, "INVITE_CODE");
    await setMethod(other!.userId!, "LIST_MATCH");

    const resident = await accessOf(listed!.userId!, c.communeId);
    await expect(postOpinion(resident, opinion(ballot.consultationId))).resolves.toMatchObject({ id: expect.any(String) });
    await expect(castWebVote(resident, { questionId: ballot.questionId, optionIds: [ballot.agree] })).rejects.toMatchObject({ code: "identityNotConfirmedForVoting", status: 403 });
    expect(await db.vote.count({ where: { questionId: ballot.questionId } })).toBe(0);

    // An invite code from the village head is enough.
    await expect(castWebVote(await accessOf(invited!.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.agree] })).resolves.toMatchObject({ receiptCode: expect.any(String) });

    // In person: the head of another village may not confirm; the head of this village may.
    const otherVillage = await createVillage(c.communeId, { name: "Thôn Bên Cạnh", households: 1 });
    await expect(confirmIdentityInPerson(await villageHeadOf(otherVillage.villageId), { residentId: listed!.residentId })).rejects.toMatchObject({ code: "notYourVillage", status: 403 });
    await expect(confirmIdentityInPerson(await villageHeadOf(village.villageId), { residentId: listed!.residentId })).resolves.toMatchObject({ verificationMethod: "IN_PERSON" });
    await expect(castWebVote(await accessOf(listed!.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.disagree] })).resolves.toMatchObject({ receiptCode: expect.any(String) });
    // Staff confirm anyone of the commune; a confirmed identity is not confirmed twice.
    await expect(confirmIdentityInPerson(c.staff, { residentId: other!.residentId })).resolves.toMatchObject({ verificationMethod: "IN_PERSON" });
    await expect(confirmIdentityInPerson(c.staff, { residentId: other!.residentId })).rejects.toMatchObject({ code: "identityAlreadyConfirmed", status: 409 });
    expect(await db.auditEvent.count({ where: { communeId: c.communeId, action: "resident.confirmIdentity" } })).toBe(2);
  });
});

describe("a household is told of every vote in its name", () => {
  it("on the web, on paper and by assisted entry: an inbox notice to every member with an account, a text to every member with a phone", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Báo Tin", households: 3, accounts: 3 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category: WEB_COUNTS });
    const [web, paper, assisted] = village.households;
    const member = await addMember(c.communeId, web!, { fullName: "Trần Thị Con", birthYear: 1995, account: true }); // an account with no phone

    await castWebVote(await accessOf(web!.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.agree] });
    await enterPaperBallot(c.staff, { consultationId: ballot.consultationId, householdId: paper!.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] });
    await enterAssisted(c.staff, { consultationId: ballot.consultationId, residentId: assisted!.residentId, reason: "Người cao tuổi nhờ ghi giúp", answers: [{ questionId: ballot.questionId, optionIds: [ballot.other] }], opinion: null });
    // The notices are written with the votes (nothing is sent on the vote path) and sent by the job.
    const votes = await db.vote.findMany({ where: { questionId: ballot.questionId }, select: { id: true } });
    expect(await db.voteNotice.count({ where: { voteId: { in: votes.map((v) => v.id) }, sentAt: null } })).toBe(3);

    while ((await sendPendingVoteNotices({ sender: outboxSender })) > 0);
    expect(await db.voteNotice.count({ where: { voteId: { in: votes.map((v) => v.id) }, sentAt: null } })).toBe(0);

    const inbox = await db.notification.findMany({ where: { communeId: c.communeId, kind: "householdVoteRecorded", userId: { in: [web!.userId!, paper!.userId!, assisted!.userId!, member.userId!] } }, select: { userId: true, params: true } });
    const channelOf = (userId: string) => inbox.filter((n) => n.userId === userId).map((n) => (n.params as { channel: string }).channel);
    expect(channelOf(web!.userId!)).toEqual(["WEB"]);
    expect(channelOf(member.userId!)).toEqual(["WEB"]);
    expect(channelOf(paper!.userId!)).toEqual(["PAPER"]);
    expect(channelOf(assisted!.userId!)).toEqual(["ASSISTED"]);
    expect((inbox[0]!.params as { time: string }).time).toMatch(/^\d\d:\d\d$/);

    const phones = await db.user.findMany({ where: { id: { in: [web!.userId!, paper!.userId!, assisted!.userId!] } }, select: { id: true, phone: true } });
    const texts = await db.smsMessage.findMany({ where: { communeId: c.communeId, phone: { in: phones.map((p) => p.phone!) } }, select: { phone: true, body: true } });
    expect(texts).toHaveLength(3); // the member without a phone gets the inbox notice only
    const textTo = (userId: string) => texts.find((t) => t.phone === phones.find((p) => p.id === userId)!.phone)!.body;
    expect(textTo(web!.userId!)).toContain("truc tuyen");
    expect(textTo(paper!.userId!)).toContain("bang phieu giay");
    expect(textTo(assisted!.userId!)).toContain("qua can bo ghi giup");

    // Sent once: a second run finds nothing more for these votes.
    await sendPendingVoteNotices({ sender: outboxSender });
    expect(await db.notification.count({ where: { kind: "householdVoteRecorded", userId: web!.userId! } })).toBe(1);
  });
});

describe("a contested vote", () => {
  it("is disputed by the household, proposed void by staff, confirmed by the Front: kept, marked void, out of the count, and the household votes again on paper", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Khiếu Nại", households: 4, accounts: 2 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category: WEB_COUNTS });
    const [household, neighbour] = village.households;
    // Someone else cast the household's vote on the web (a member account the representative never set up).
    const impostor = await addMember(c.communeId, household!, { fullName: "Lê Văn Mạo", birthYear: 1990, account: true });
    await db.household.update({ where: { id: household!.householdId }, data: { representativeId: null } });
    const cast = await castWebVote(await accessOf(impostor.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.disagree] });
    await castWebVote(await accessOf(neighbour!.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.agree] });
    expect(await liveResults(ballot.consultationId)).toMatchObject({ participants: 2, agree: 1, disagree: 1 });

    const owner = await accessOf(household!.userId!, c.communeId);
    const mine = await listHouseholdVotes(owner);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ channel: "WEB", voidedAt: null, dispute: null });
    expect(mine[0]).not.toHaveProperty("choices");
    const voteId = mine[0]!.id;

    // Only the household's own members may dispute it.
    await expect(disputeVote(await accessOf(neighbour!.userId!, c.communeId), { voteId, statement: "Phiếu này không phải của hộ tôi bầu." })).rejects.toMatchObject({ code: "voteNotFound", status: 404 });
    const dispute = await disputeVote(owner, { voteId, statement: "Hộ tôi không biểu quyết trực tuyến, có người dùng tài khoản khác." });
    await expect(disputeVote(owner, { voteId, statement: "Khiếu nại lần thứ hai về cùng phiếu." })).rejects.toMatchObject({ code: "voteAlreadyDisputed", status: 409 });

    // The Front cannot void before staff propose; staff cannot void at all.
    await expect(decideVoid(front, { disputeId: dispute.id, decision: "CONFIRM", note: "Xác nhận hủy phiếu." })).rejects.toMatchObject({ code: "disputeNotProposed" });
    await proposeVoid(c.staff, { disputeId: dispute.id, reason: "Tài khoản bỏ phiếu không phải đại diện hộ; hộ xác nhận tại UBND xã." });
    await expect(proposeVoid(c.staff, { disputeId: dispute.id, reason: "Đề xuất lần hai cho cùng khiếu nại." })).rejects.toMatchObject({ code: "disputeNotOpen" });
    expect(await liveResults(ballot.consultationId)).toMatchObject({ participants: 2 }); // still counted until the Front confirms
    await expect(decideVoid(front, { disputeId: dispute.id, decision: "CONFIRM", note: "Đã đối chiếu với hộ, đồng ý hủy." })).resolves.toMatchObject({ status: "VOIDED" });

    const voided = await db.vote.findUniqueOrThrow({ where: { id: voteId }, select: { voidedAt: true, voidReason: true, voterKey: true, choices: { select: { optionId: true } } } });
    expect(voided.voidedAt).toBeInstanceOf(Date);
    expect(voided.voidReason).toContain("không phải đại diện hộ");
    expect(voided.choices).toHaveLength(1); // kept, not deleted
    expect(await liveResults(ballot.consultationId)).toMatchObject({ participants: 1, agree: 1, disagree: 0 });
    expect(await checkReceipt(c.communeId, cast.receiptCode, "contested-test")).toMatchObject({ found: true, counted: false, voidedAt: expect.any(Date) });
    const actions = await db.auditEvent.findMany({ where: { communeId: c.communeId, entityId: dispute.id }, select: { action: true }, orderBy: { seq: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["vote.dispute", "vote.void.propose", "vote.void.confirm"]);
    expect(await db.notification.count({ where: { userId: household!.userId!, kind: "contestedVoteVoided" } })).toBe(1);

    // The household votes again by a lawful channel; one live vote per household still holds.
    await expect(enterPaperBallot(c.staff, { consultationId: ballot.consultationId, householdId: household!.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] })).resolves.toHaveLength(1);
    await expect(enterPaperBallot(c.staff, { consultationId: ballot.consultationId, householdId: household!.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] })).rejects.toMatchObject({ code: "alreadyVoted", status: 409, params: { channel: "PAPER" } });
    expect(await liveResults(ballot.consultationId)).toMatchObject({ participants: 2, agree: 2, disagree: 0, byChannel: { PAPER: { voters: 1 }, WEB: { voters: 1 } } });
    await expect(disputeVote(owner, { voteId, statement: "Khiếu nại phiếu đã bị hủy rồi." })).rejects.toMatchObject({ code: "voteAlreadyVoided" });
  });

  it("stands when the Front rejects the proposal", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Bác Khiếu Nại", households: 2, accounts: 1 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category: WEB_COUNTS });
    const [household] = village.households;
    const [paper] = await enterPaperBallot(c.staff, { consultationId: ballot.consultationId, householdId: household!.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] });
    const vote = await db.vote.findFirstOrThrow({ where: { receiptCode: paper!.receiptCode }, select: { id: true } });
    const owner = await accessOf(household!.userId!, c.communeId);
    const dispute = await disputeVote(owner, { voteId: vote.id, statement: "Hộ tôi chưa nộp phiếu giấy nào cả." });
    await proposeVoid(c.staff, { disputeId: dispute.id, reason: "Hộ nói chưa nộp phiếu; cần MTTQ xem xét." });
    await expect(decideVoid(front, { disputeId: dispute.id, decision: "REJECT", note: "Phiếu có chữ ký của chủ hộ, tổ kiểm phiếu xác nhận." })).resolves.toMatchObject({ status: "REJECTED" });
    expect(await db.vote.findUniqueOrThrow({ where: { id: vote.id }, select: { voidedAt: true } })).toEqual({ voidedAt: null });
    expect(await liveResults(ballot.consultationId)).toMatchObject({ participants: 1, agree: 1 });
    await expect(decideVoid(front, { disputeId: dispute.id, decision: "CONFIRM", note: "Đổi ý sau khi đã bác." })).rejects.toMatchObject({ code: "disputeNotProposed" });
    expect(await db.auditEvent.count({ where: { entityId: dispute.id, action: "vote.void.reject" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: household!.userId!, kind: "contestedVoteRejected" } })).toBe(1);
    expect((await listDisputes(front, ballot.consultationId))[0]).toMatchObject({ status: "REJECTED", vote: { channel: "PAPER" } });
  });

  it("is authorized per role: the household disputes, staff propose, only the Front decides", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Phân Quyền", households: 2, accounts: 2 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category: WEB_COUNTS });
    const [household, neighbour] = village.households;
    const [paper] = await enterPaperBallot(c.staff, { consultationId: ballot.consultationId, householdId: household!.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] });
    const vote = await db.vote.findFirstOrThrow({ where: { receiptCode: paper!.receiptCode }, select: { id: true } });
    const head = await villageHeadOf(village.villageId);
    const people: Record<string, string> = { resident: household!.userId!, neighbour: neighbour!.userId!, villageHead: head.userId, staff: c.staffId, front: front.userId };

    const matrix = (roles: readonly Role[], run: (access: CommuneAccess) => Promise<unknown>) => outcomesByPerson(people, c.communeId, roles, run);

    const disputes: string[] = [];
    const NOBODY_BUT = (who: string, outcome = "ok") => ({ resident: "forbidden", neighbour: "forbidden", villageHead: "forbidden", staff: "forbidden", front: "forbidden", [who]: outcome });
    expect(await matrix(DISPUTE_ROLES, async (a) => disputes.push((await disputeVote(a, { voteId: vote.id, statement: "Hộ tôi không nộp phiếu giấy này." })).id))).toEqual({ ...NOBODY_BUT("resident"), neighbour: "voteNotFound" });
    const [disputeId] = disputes;
    // Staff propose (once); the Front cannot propose, and staff cannot decide.
    const proposed = await matrix(PROPOSE_VOID_ROLES, (a) => proposeVoid(a, { disputeId: disputeId!, reason: "Đề xuất hủy phiếu theo khiếu nại của hộ." }));
    expect(proposed).toEqual(NOBODY_BUT("staff"));
    const decided = await matrix(DECIDE_VOID_ROLES, (a) => decideVoid(a, { disputeId: disputeId!, decision: "CONFIRM", note: "MTTQ xác nhận hủy phiếu." }));
    expect(decided).toEqual(NOBODY_BUT("front"));
    expect(await db.voteDispute.findUniqueOrThrow({ where: { id: disputeId! }, select: { status: true, proposedById: true, decidedById: true } })).toEqual({ status: "VOIDED", proposedById: c.staffId, decidedById: front.userId });
    expect(await matrix(DISPUTE_READER_ROLES, (a) => listDisputes(a))).toEqual({ resident: "forbidden", neighbour: "forbidden", villageHead: "forbidden", staff: "ok", front: "ok" });
    // Confirming identity in person: staff, or the head of the person's own village (first here, so staff find it done).
    await setMethod(neighbour!.userId!, "LIST_MATCH");
    expect(await matrix(STAFF_AREA_ROLES, (a) => confirmIdentityInPerson(a, { residentId: neighbour!.residentId }))).toEqual({ ...NOBODY_BUT("villageHead"), staff: "identityAlreadyConfirmed" });
  });
});

describe("blocking an account for abuse", () => {
  it("stops its opinions and reactions, never its vote or its dispute", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Bị Khóa", households: 2, accounts: 2 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category: WEB_COUNTS });
    const [blocked, other] = village.households;
    const opinionId = (await postOpinion(await accessOf(other!.userId!, c.communeId), opinion(ballot.consultationId))).id;
    await blockAccount(c.staff, { communeId: c.communeId, userId: blocked!.userId!, reason: "Nhiều lần xúc phạm người khác.", days: 7 });

    // Opinions and reactions go through the write check, which refuses a blocked account.
    await expect(requireCommuneAccess(blocked!.userId!, c.communeId, ["RESIDENT"], { write: true })).rejects.toMatchObject({ code: "accountBlocked", status: 403 });
    // Votes and disputes go through the voting check (communeActionClient's `voting`), which does not.
    const voting = await requireCommuneAccess(blocked!.userId!, c.communeId, ["RESIDENT"], { write: false });
    await expect(castWebVote(voting, { questionId: ballot.questionId, optionIds: [ballot.agree] })).resolves.toMatchObject({ receiptCode: expect.any(String) });
    expect(await liveResults(ballot.consultationId)).toMatchObject({ participants: 1, agree: 1 });
    const [vote] = await listHouseholdVotes(voting);
    await expect(disputeVote(voting, { voteId: vote!.id, statement: "Thử khiếu nại khi tài khoản đang bị khóa." })).resolves.toMatchObject({ status: "OPEN" });
    expect(await db.reaction.count({ where: { opinionId } })).toBe(0);
  });
});
