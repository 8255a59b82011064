// Who may replace a village's individual votes with its meeting's count (issue 10 §3): staff propose,
// the Front confirms; until then the votes count. A village with only a meeting record replaces
// nobody's vote, so its meeting counts at once.
import { beforeAll, describe, expect, it } from "vitest";

import { type CommuneAccess, requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { accessOf, addFrontReviewer, createBallot, createTestCommune, createVillage, outcomesByPerson, type TestCommune } from "@/lib/participation/ballot-test-helpers";
import { meetingSchema } from "@/lib/participation/ballot-schemas";
import { castWebVote } from "@/lib/participation/cast-web-vote";
import { getBallotResults } from "@/lib/participation/get-results";
import { chooseTallySource, recordMeeting } from "@/lib/participation/record-meeting";
import { uploadMinutes } from "@/lib/participation/upload-minutes";
import { getStorage } from "@/lib/storage/storage";

import { decideMeetingCount } from "./decide-meeting-count";
import { listMeetingCountProposals } from "./list-meeting-counts";
import { DECIDE_MEETING_COUNT_ROLES, PROPOSE_MEETING_COUNT_ROLES } from "./roles";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
let c: TestCommune;
let front: Awaited<ReturnType<typeof addFrontReviewer>>;

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Đếm Hội Nghị");
  front = await addFrontReviewer(c.communeId);
});

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

async function setup(name: string) {
  const village = await createVillage(c.communeId, { name, households: 10, accounts: 3 });
  const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category: WEB_COUNTS });
  for (const h of village.households.slice(0, 3)) await castWebVote(await accessOf(h.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.disagree] });
  const minutes = await uploadMinutes(c.staff, { consultationId: ballot.consultationId, fileName: "bien-ban.pdf", data: PDF });
  const values = meetingSchema.parse({
    communeId: c.communeId,
    consultationId: ballot.consultationId,
    villageId: village.villageId,
    heldOn: today(),
    heldTime: "00:00",
    form: "SHOW_OF_HANDS",
    householdsPresent: 8,
    minutesId: minutes.id,
    notes: "",
    tallies: [{ questionId: ballot.questionId, optionId: ballot.agree, count: 7 }, { questionId: ballot.questionId, optionId: ballot.disagree, count: 1 }],
    sourceChoice: "INDIVIDUAL",
    reason: "",
  });
  const meeting = await recordMeeting(c.staff, values);
  return { village, ballot, meetingId: meeting.id, minutesId: minutes.id };
}

async function villageOf(consultationId: string) {
  await db.consultation.update({ where: { id: consultationId }, data: { showResultsLive: true } });
  const results = await getBallotResults(c.communeId, consultationId);
  if (!results.visible) throw new Error("live results expected");
  return results.questions[0]!.villages[0]!;
}

/** A household consultation ballot: web votes count there, which is what these tests weigh (on a decision
 * matter they are set aside unless Decree 59/2023 Art. 5's conditions for online deciding are met). */
const WEB_COUNTS = "CONSULTATION_ADMINISTRATIVE_BOUNDARY" as const;

describe("counting a village by its meeting instead of its individual votes", () => {
  it("is only staff's proposal until the Front confirms it; both steps are audited and listed for the results page", async () => {
    const { village, ballot, meetingId, minutesId } = await setup("Thôn Đề Xuất");
    const proposed = await chooseTallySource(c.staff, { consultationId: ballot.consultationId, villageId: village.villageId, source: "MEETING", meetingId, reason: "Hội nghị 8/10 hộ, đủ điều kiện" });
    expect(proposed).toMatchObject({ source: "PROPOSED", proposalId: expect.any(String), setAside: null });
    expect(await db.villageTallySource.findFirst({ where: { questionId: ballot.questionId, villageId: village.villageId }, select: { source: true } })).toEqual({ source: "INDIVIDUAL" });
    expect(await villageOf(ballot.consultationId)).toMatchObject({ source: "INDIVIDUAL", participants: 3, disagree: 3 });
    // One pending proposal per village.
    await expect(chooseTallySource(c.staff, { consultationId: ballot.consultationId, villageId: village.villageId, source: "MEETING", meetingId, reason: "Đề xuất lần hai" })).rejects.toMatchObject({ code: "meetingCountAlreadyProposed", status: 409 });

    await decideMeetingCount(front, { proposalId: proposed.proposalId!, decision: "CONFIRM", note: "MTTQ đã xem biên bản hội nghị" });
    expect(await villageOf(ballot.consultationId)).toMatchObject({ source: "MEETING", participants: 8, agree: 7, setAside: { WEB: 3 } });
    expect(await db.villageTallySource.findFirstOrThrow({ where: { questionId: ballot.questionId, villageId: village.villageId }, select: { source: true, meetingId: true, decidedById: true } })).toEqual({ source: "MEETING", meetingId, decidedById: front.userId });
    const audit = await db.auditEvent.findMany({ where: { entityId: proposed.proposalId! }, select: { action: true, actorId: true }, orderBy: { seq: "asc" } });
    expect(audit).toEqual([{ action: "tally.meeting.propose", actorId: c.staffId }, { action: "tally.meeting.confirm", actorId: front.userId }]);
    expect(await listMeetingCountProposals(c.communeId, ballot.consultationId)).toMatchObject([{ village: "Thôn Đề Xuất", status: "CONFIRMED", reason: "Hội nghị 8/10 hộ, đủ điều kiện", decisionNote: "MTTQ đã xem biên bản hội nghị" }]);
    await expect(decideMeetingCount(front, { proposalId: proposed.proposalId!, decision: "REJECT", note: "Đổi ý sau khi xác nhận" })).rejects.toMatchObject({ code: "proposalNotPending" });
    await getStorage().delete((await db.attachment.findUniqueOrThrow({ where: { id: minutesId }, select: { storageKey: true } })).storageKey);
  });

  it("leaves the individual votes counting when the Front rejects it", async () => {
    const { village, ballot, meetingId } = await setup("Thôn Bị Bác");
    const proposed = await chooseTallySource(c.staff, { consultationId: ballot.consultationId, villageId: village.villageId, source: "MEETING", meetingId, reason: "Đề xuất tính theo hội nghị" });
    await decideMeetingCount(front, { proposalId: proposed.proposalId!, decision: "REJECT", note: "Biên bản thiếu chữ ký thư ký" });
    expect(await villageOf(ballot.consultationId)).toMatchObject({ source: "INDIVIDUAL", participants: 3 });
    expect(await db.auditEvent.count({ where: { entityId: proposed.proposalId!, action: "tally.meeting.reject" } })).toBe(1);
  });

  it("cannot be proposed by a village head recording the meeting: the votes keep counting and staff are told to propose", async () => {
    const village = await createVillage(c.communeId, { name: "Thôn Trưởng Thôn Ghi", households: 6, accounts: 1 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], category: WEB_COUNTS });
    await castWebVote(await accessOf(village.households[0]!.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.agree] });
    const user = await db.user.create({ data: { name: "Trưởng thôn", displayName: "Trưởng thôn", email: `head-${village.villageId}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
    await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role: "VILLAGE_HEAD", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId: village.villageId } });
    const head = await requireCommuneAccess(user.id, c.communeId, ["VILLAGE_HEAD"], { write: true });
    const minutes = await uploadMinutes(head, { consultationId: ballot.consultationId, fileName: "bien-ban.pdf", data: PDF });
    const recorded = await recordMeeting(
      head,
      meetingSchema.parse({ communeId: c.communeId, consultationId: ballot.consultationId, villageId: village.villageId, heldOn: today(), heldTime: "00:00", form: "SHOW_OF_HANDS", householdsPresent: 5, minutesId: minutes.id, notes: "", tallies: [{ questionId: ballot.questionId, optionId: ballot.disagree, count: 5 }], sourceChoice: "MEETING", reason: "Hội nghị thôn" }),
    );
    expect(recorded).toMatchObject({ meetingCount: "STAFF_TO_PROPOSE", proposalId: null });
    expect(await db.meetingCountProposal.count({ where: { consultationId: ballot.consultationId } })).toBe(0);
    expect(await villageOf(ballot.consultationId)).toMatchObject({ source: "INDIVIDUAL", participants: 1, agree: 1 });
    await getStorage().delete((await db.attachment.findUniqueOrThrow({ where: { id: minutes.id }, select: { storageKey: true } })).storageKey);
  });

  it("is authorized per role: staff propose, only the Front decides", async () => {
    const { village, ballot, meetingId } = await setup("Thôn Phân Quyền Hội Nghị");
    const resident = village.households[0]!.userId!;
    const people: Record<string, string> = { resident, staff: c.staffId, front: front.userId };
    const matrix = (roles: readonly Role[], run: (access: CommuneAccess) => Promise<unknown>) => outcomesByPerson(people, c.communeId, roles, run);
    const ids: string[] = [];
    expect(await matrix(PROPOSE_MEETING_COUNT_ROLES, async (a) => ids.push((await chooseTallySource(a, { consultationId: ballot.consultationId, villageId: village.villageId, source: "MEETING", meetingId, reason: "Đề xuất của cán bộ" })).proposalId!))).toEqual({ resident: "forbidden", staff: "ok", front: "forbidden" });
    expect(await matrix(DECIDE_MEETING_COUNT_ROLES, (a) => decideMeetingCount(a, { proposalId: ids[0]!, decision: "CONFIRM", note: "Xác nhận của MTTQ" }))).toEqual({ resident: "forbidden", staff: "forbidden", front: "ok" });
  });
});
