// A count that freezes (issue 10 §2): once the report is with the Front, every path that changes what
// it reports on is refused, writing nothing; after the report comes back (withdrawn by staff, audited,
// the Front told) the same call passes and is audited; a submission and an edit that race never both pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { updateConsultation } from "@/lib/consultations/update-consultation";
import { createConsultation } from "@/lib/consultations/create-consultation";
import { publishConsultation } from "@/lib/consultations/publish-consultation";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { accessOf, createBallot, createTestCommune, createVillage, type TestCommune } from "@/lib/participation/ballot-test-helpers";
import { meetingSchema, questionSchema } from "@/lib/participation/ballot-schemas";
import { castWebVote, changeWebVote } from "@/lib/participation/cast-web-vote";
import { enterAssisted, enterPaperBallot } from "@/lib/participation/enter-offline-votes";
import { addQuestion, removeQuestion, updateVoteSettings } from "@/lib/participation/manage-ballot";
import { chooseTallySource, recordMeeting } from "@/lib/participation/record-meeting";
import { recordVotes } from "@/lib/participation/record-vote";
import { uploadMinutes } from "@/lib/participation/upload-minutes";
import { getStorage } from "@/lib/storage/storage";
import { editValues, newConsultationValues } from "@/scripts/test/consultation-values";
import { accessAs, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { answerOpinions } from "./answer-opinions";
import { generateReport, submitToFront } from "./report-workflow";
import { withdrawFromReview } from "./withdraw-report";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

let c: TestCommune;
let front: CommuneAccess;
let thienTinStaff: CommuneAccess;
const stored: string[] = [];
let seq = 0;

beforeAll(async () => {
  await seedDemo();
  thienTinStaff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
  c = await createTestCommune("Xã Thử Khóa Số Liệu");
  // The test commune's Front, who is told when a report is withdrawn.
  const user = await db.user.create({ data: { name: "Ủy viên MTTQ thử", displayName: "MTTQ", email: `mttq-${c.communeId}@thu.danban.local`, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role: "FRONT_REVIEWER", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
  front = await accessOf(user.id, c.communeId);
});

afterAll(async () => {
  const rows = await db.attachment.findMany({ where: { id: { in: stored } }, select: { storageKey: true } });
  await Promise.all(rows.map((r) => getStorage().delete(r.storageKey)));
});

/** A fresh open ballot over a village of its own, with a report row in the state given. */
async function ballotWithReport() {
  seq++;
  const village = await createVillage(c.communeId, { name: `Thôn Khóa ${seq}`, households: 6, accounts: 3 });
  const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId] });
  const report = await db.report.create({ data: { communeId: c.communeId, consultationId: ballot.consultationId, currentVersion: 1, createdById: c.staffId }, select: { id: true } });
  return { village, ballot, reportId: report.id };
}

type Case = { ballot: Awaited<ReturnType<typeof createBallot>>; village: Awaited<ReturnType<typeof createVillage>>; communeId: string; consultationId: string; reportId: string };
type Path = { name: string; prepare?: (k: Case) => Promise<unknown>; run: (k: Case, prepared: unknown) => Promise<unknown>; commune?: "thienTin" };

const minutes = async (consultationId: string) => {
  const file = await uploadMinutes(c.staff, { consultationId, fileName: "bien-ban.pdf", data: PDF });
  stored.push(file.id);
  return file.id;
};
const scheduled = (k: Case) => db.consultation.update({ where: { id: k.consultationId }, data: { status: "SCHEDULED" } });
const resident = (k: Case, i = 0) => accessOf(k.village.households[i]!.userId!, c.communeId);

/** Every path that changes what the report reports on, with an input that passes once unfrozen. */
const PATHS: Path[] = [
  {
    name: "add a ballot question",
    prepare: scheduled,
    run: (k) => addQuestion(c.staff, questionSchema.parse({ communeId: c.communeId, consultationId: k.consultationId, text: "Đồng ý mức đóng góp không?", kind: "YES_NO_ABSTAIN", votingUnit: "HOUSEHOLD", options: [], maxChoices: 1, thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 50, quorumPercent: 50 })),
  },
  { name: "remove a ballot question", prepare: scheduled, run: (k) => removeQuestion(c.staff, k.ballot.questionId) },
  { name: "change the vote channels", prepare: scheduled, run: (k) => updateVoteSettings(c.staff, { consultationId: k.consultationId, channels: ["PAPER", "MEETING"], onlineVoteNoticeOn: null, showResultsLive: false }) },
  { name: "upload meeting minutes", run: (k) => uploadMinutes(c.staff, { consultationId: k.consultationId, fileName: "bien-ban-2.pdf", data: PDF }).then((f) => stored.push(f.id)) },
  {
    name: "record a village meeting and its tallies",
    prepare: (k) => minutes(k.consultationId),
    run: (k, minutesId) =>
      recordMeeting(
        c.staff,
        meetingSchema.parse({
          communeId: c.communeId, consultationId: k.consultationId, villageId: k.village.villageId, heldOn: today(), heldTime: "00:00", form: "SHOW_OF_HANDS",
          householdsPresent: 5, minutesId, notes: "", sourceChoice: null, reason: "",
          tallies: [{ questionId: k.ballot.questionId, optionId: k.ballot.agree, count: 4 }, { questionId: k.ballot.questionId, optionId: k.ballot.disagree, count: 1 }, { questionId: k.ballot.questionId, optionId: k.ballot.other, count: 0 }],
        }),
      ),
  },
  { name: "decide a village's tally source", run: (k) => chooseTallySource(c.staff, { consultationId: k.consultationId, villageId: k.village.villageId, source: "INDIVIDUAL", meetingId: null, reason: "Biên bản hội nghị thiếu chữ ký, tính theo phiếu từng hộ." }) },
  { name: "enter a household's paper ballot", run: (k) => enterPaperBallot(c.staff, { consultationId: k.consultationId, householdId: k.village.households[4]!.householdId, answers: [{ questionId: k.ballot.questionId, optionIds: [k.ballot.agree] }] }) },
  { name: "enter an assisted vote", run: (k) => enterAssisted(c.staff, { consultationId: k.consultationId, residentId: k.village.households[5]!.residentId, reason: "Người cao tuổi nhờ cán bộ nhập giúp.", answers: [{ questionId: k.ballot.questionId, optionIds: [k.ballot.other] }], opinion: null }) },
  {
    name: "write a paper vote past the early check (the vote statement itself)",
    run: (k) =>
      recordVotes(
        [{ communeId: c.communeId, consultationId: k.consultationId, questionId: k.ballot.questionId, voterKey: `H:${k.village.households[3]!.householdId}`, householdId: k.village.households[3]!.householdId, residentId: null, villageId: k.village.villageId, userId: null, channel: "PAPER", enteredById: c.staffId, assistReason: null, optionIds: [k.ballot.agree] }],
        { actorId: c.staffId, actorRole: "STAFF", action: "vote.paper" },
      ),
  },
  { name: "cast a web vote", run: async (k) => castWebVote(await resident(k, 0), { questionId: k.ballot.questionId, optionIds: [k.ballot.agree] }) },
  {
    name: "change a web vote",
    prepare: async (k) => castWebVote(await resident(k, 1), { questionId: k.ballot.questionId, optionIds: [k.ballot.agree] }),
    run: async (k) => changeWebVote(await resident(k, 1), { questionId: k.ballot.questionId, optionIds: [k.ballot.disagree] }),
  },
  {
    name: "answer opinions",
    prepare: async (k) =>
      (await db.opinion.create({ data: { communeId: c.communeId, consultationId: k.consultationId, number: 1, displayName: "Thử", body: "Đề nghị làm rõ mức đóng góp của hộ nghèo.", villageId: k.village.villageId }, select: { id: true } })).id,
    run: (k, opinionId) => answerOpinions(c.staff, { communeId: c.communeId, consultationId: k.consultationId, opinionIds: [opinionId as string], kind: "EXPLAINED", body: "Hộ nghèo được miễn đóng góp theo nghị quyết của thôn." }),
  },
];

const refusal = async (work: () => Promise<unknown>) => {
  try {
    await work();
    return "ok";
  } catch (e) {
    if (isAppError(e)) return `${e.status} ${e.code}`;
    throw e;
  }
};
const auditCount = (communeId: string) => db.auditEvent.count({ where: { communeId } });
const rowsOf = async (k: Case) => ({
  questions: await db.ballotQuestion.count({ where: { consultationId: k.consultationId } }),
  votes: await db.vote.findMany({ where: { consultationId: k.consultationId }, select: { id: true, changeCount: true }, orderBy: { id: "asc" } }),
  meetings: await db.meetingRecord.count({ where: { consultationId: k.consultationId } }),
  sources: await db.villageTallySource.count({ where: { villageId: k.village.villageId } }),
  attachments: await db.attachment.count({ where: { consultationId: k.consultationId } }),
  answers: await db.opinionAnswer.count({ where: { consultationId: k.consultationId } }),
  consultation: await db.consultation.findUniqueOrThrow({ where: { id: k.consultationId }, select: { allowedChannels: true, updatedAt: true } }),
});

describe("once the report is with the Front", () => {
  it.each(PATHS.map((p) => [p.name, p] as const))("refuses to %s, writes nothing, and allows it again after the report is withdrawn, audited", async (_name, path) => {
    const { village, ballot, reportId } = await ballotWithReport();
    const k: Case = { ballot, village, communeId: c.communeId, consultationId: ballot.consultationId, reportId };
    const prepared = path.prepare ? await path.prepare(k) : undefined;
    await db.report.update({ where: { id: reportId }, data: { status: "FRONT_REVIEW" } });

    const before = await rowsOf(k);
    const events = await auditCount(c.communeId);
    expect(await refusal(() => path.run(k, prepared))).toBe("409 consultationFrozen");
    expect(await rowsOf(k)).toEqual(before);
    expect(await auditCount(c.communeId)).toBe(events);

    // The Front signed off meanwhile: still frozen.
    await db.report.update({ where: { id: reportId }, data: { status: "FRONT_SIGNED_OFF", frontSignedOffBy: front.userId, frontSignedOffAt: new Date() } });
    expect(await refusal(() => path.run(k, prepared))).toBe("409 consultationFrozen");

    // Staff take it back: audited, the sign-off voided, the Front told.
    await withdrawFromReview(c.staff, { communeId: c.communeId, reportId, reason: "Cần nhập bổ sung phiếu của thôn." });
    expect(await db.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, frontSignedOffBy: true } })).toEqual({ status: "DRAFT", frontSignedOffBy: null });
    const withdrawn = await db.auditEvent.findFirstOrThrow({ where: { communeId: c.communeId, entityId: reportId, action: "report.withdraw" }, select: { actorRole: true, details: true } });
    expect(withdrawn).toMatchObject({ actorRole: "STAFF", details: { consultationId: k.consultationId, from: "FRONT_SIGNED_OFF" } });
    expect(await db.notification.count({ where: { userId: front.userId, kind: "reportWithdrawn", body: { contains: "Cần nhập bổ sung phiếu của thôn." } } })).toBeGreaterThan(0);

    const afterWithdraw = await auditCount(c.communeId);
    expect(await refusal(() => path.run(k, prepared))).toBe("ok");
    // The change itself is in the audit log.
    expect(await auditCount(c.communeId)).toBeGreaterThan(afterWithdraw);
  });

  it("refuses to change a consultation's scope or text (update-consultation), and allows it after the Front returns the report", async () => {
    const { id } = await createConsultation(thienTinStaff, newConsultationValues(thienTinStaff.communeId, { title: "Lấy ý kiến khóa số liệu" }));
    await publishConsultation(thienTinStaff, id);
    const report = await db.report.create({ data: { communeId: thienTinStaff.communeId, consultationId: id, currentVersion: 1, status: "FRONT_REVIEW", createdById: thienTinStaff.userId }, select: { id: true } });
    const village = await db.village.findFirstOrThrow({ where: { communeId: thienTinStaff.communeId }, select: { id: true } });
    const values = await editValues(thienTinStaff.communeId, id, (v) => {
      v.title = "Lấy ý kiến khóa số liệu (đã sửa)";
      v.villageIds = [village.id];
      v.isCommuneWide = false;
    });
    const events = await auditCount(thienTinStaff.communeId);
    expect(await refusal(() => updateConsultation(thienTinStaff, values))).toBe("409 consultationFrozen");
    expect(await auditCount(thienTinStaff.communeId)).toBe(events);
    expect((await db.consultation.findUniqueOrThrow({ where: { id }, select: { title: true } })).title).toBe("Lấy ý kiến khóa số liệu");

    await db.report.update({ where: { id: report.id }, data: { status: "DRAFT" } }); // as the Front's return leaves it
    expect(await refusal(() => updateConsultation(thienTinStaff, values))).toBe("ok");
  });

  it("refuses to withdraw a report that is not with the Front, and lets only staff withdraw", async () => {
    const { reportId } = await ballotWithReport();
    expect(await refusal(() => withdrawFromReview(c.staff, { communeId: c.communeId, reportId, reason: "Rút về để sửa số liệu." }))).toBe("409 reportNotWithFront");
    await db.report.update({ where: { id: reportId }, data: { status: "FRONT_REVIEW" } });
    expect(await refusal(() => withdrawFromReview(front, { communeId: c.communeId, reportId, reason: "Rút về để sửa số liệu." }))).toBe("403 forbidden");
    await db.report.update({ where: { id: reportId }, data: { status: "APPROVED" } });
    expect(await refusal(() => withdrawFromReview(c.staff, { communeId: c.communeId, reportId, reason: "Rút về để sửa số liệu." }))).toBe("409 reportNotWithFront");
  });
});

describe("submitting a version older than the data", () => {
  it("is refused until the report is generated again", async () => {
    seq++;
    const village = await createVillage(c.communeId, { name: `Thôn Cũ ${seq}`, households: 3 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId] });
    const first = await generateReport(c.staff, { communeId: c.communeId, consultationId: ballot.consultationId });
    await enterPaperBallot(c.staff, { consultationId: ballot.consultationId, householdId: village.households[0]!.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] });
    expect(await refusal(() => submitToFront(c.staff, { communeId: c.communeId, reportId: first.reportId }))).toBe("409 reportStale");
    expect((await db.report.findUniqueOrThrow({ where: { id: first.reportId }, select: { status: true } })).status).toBe("DRAFT");
    await generateReport(c.staff, { communeId: c.communeId, consultationId: ballot.consultationId });
    expect(await refusal(() => submitToFront(c.staff, { communeId: c.communeId, reportId: first.reportId }))).toBe("ok");
  });
});

describe("a submission racing an edit", () => {
  it("never lets both pass: an edit that holds the freeze lock delays the submission, and an edit after it is refused", async () => {
    for (let round = 0; round < 6; round++) {
      const { village, ballot, reportId } = await ballotWithReport();
      const household = village.households[round % 6]!;
      const [edit, submit] = await Promise.allSettled([
        enterPaperBallot(c.staff, { consultationId: ballot.consultationId, householdId: household.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] }),
        submitToFront(c.staff, { communeId: c.communeId, reportId }),
      ]);
      expect(submit.status).toBe("fulfilled");
      const votes = await db.vote.findMany({ where: { consultationId: ballot.consultationId }, select: { createdAt: true } });
      if (edit.status === "fulfilled") {
        // The vote went in before the submission: it committed first.
        const submitted = await db.auditEvent.findFirstOrThrow({ where: { entityId: reportId, action: "report.submit" }, select: { seq: true } });
        const voted = await db.auditEvent.findFirstOrThrow({ where: { communeId: c.communeId, action: "vote.paper", details: { path: ["consultationId"], equals: ballot.consultationId } }, select: { seq: true } });
        expect(voted.seq).toBeLessThan(submitted.seq);
        expect(votes).toHaveLength(1);
      } else {
        expect(edit.reason).toMatchObject({ code: "consultationFrozen" });
        expect(votes).toHaveLength(0);
      }
    }
    // An edit holding the lock in an open transaction: the submission waits for it to commit.
    const { ballot, reportId } = await ballotWithReport();
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const { assertNotFrozen } = await import("./freeze");
    const editing = db.$transaction(async (tx) => {
      await assertNotFrozen(tx, ballot.consultationId);
      await held;
      order.push("edit");
    });
    await new Promise((r) => setTimeout(r, 100));
    const submitting = submitToFront(c.staff, { communeId: c.communeId, reportId }).then(() => order.push("submit"));
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual([]);
    release();
    await Promise.all([editing, submitting]);
    expect(order).toEqual(["edit", "submit"]);
    expect(await refusal(() => db.$transaction((tx) => assertNotFrozen(tx, ballot.consultationId)))).toBe("409 consultationFrozen");
  });
});
