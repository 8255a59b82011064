// The life of a village convention (Decree 61/2023) against PostgreSQL: adoption read from the village's
// tally (exactly 50% of all households fails, one household more passes), each clock exactly on its day
// and one day late, the decisions numbered QĐ and rendered, and who may do each step.
import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { renderDocx } from "@/lib/documents/render-docx";
import { renderPdf } from "@/lib/documents/render-pdf";
import { addFrontReviewer, closeBallot, createBallot, createTestCommune, createVillage, outcomesByPerson, type TestCommune } from "@/lib/participation/ballot-test-helpers";

import { seedConventions } from "@/prisma/seed/conventions";

import { conventionDocument, loadStepDocument } from "./documents";
import { addDraftText, decide, decideSanction, linkConsultation, markPosted, markSent, propose, recordAdoption, recordGrounds, recordReview, setDraftingGroup, submitDossier } from "./life";
import { getConventionForStaff, listForStaff, listRegister } from "./read";
import { CLOCK_ROLES, PROPOSE_ROLES, RECORD_ROLES, SIGN_ROLES } from "./roles";
import { proposeSchema } from "./schemas";

const vn = (s: string) => new Date(`${s}+07:00`);

let c: TestCommune;
let other: TestCommune;
let village: Awaited<ReturnType<typeof createVillage>>;
let otherVillage: Awaited<ReturnType<typeof createVillage>>;
let leader: Awaited<ReturnType<typeof requireCommuneAccess>>;
let people: Record<string, string>;

async function member(role: "VILLAGE_HEAD" | "LEADER", villageId: string | null, title: string | null = null) {
  const user = await db.user.create({ data: { name: role === "LEADER" ? "Nguyễn Văn Chủ Tịch" : "Trưởng thôn thử", displayName: role, passwordHash: "x" }, select: { id: true } });
  await db.membership.create({ data: { userId: user.id, communeId: c.communeId, role, status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), villageId, title } });
  return user.id;
}

const proposal = (extra: Record<string, unknown> = {}) =>
  proposeSchema.parse({ communeId: c.communeId, villageId: village.villageId, title: "Hương ước thôn Thử", proposer: "HEAD_WITH_FRONT", frontHeadName: "Lê Thị Mặt Trận", summary: "Xây dựng hương ước mới của thôn.", ...extra });

/** A ballot of the convention kind for the village, closed, with a meeting of all 4 households where `agree` raised hands. */
async function votedConsultation(agree: number, heldAt = vn("2026-11-02T19:00:00")) {
  const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], channels: ["MEETING", "PAPER"] });
  const meeting = await db.meetingRecord.create({
    data: { communeId: c.communeId, consultationId: b.consultationId, villageId: village.villageId, heldAt, form: "SHOW_OF_HANDS", householdsPresent: 4, householdsTotal: 4, enteredById: c.staffId },
    select: { id: true },
  });
  await db.meetingTally.createMany({
    data: [
      { communeId: c.communeId, meetingId: meeting.id, questionId: b.questionId, optionId: b.agree, count: agree },
      { communeId: c.communeId, meetingId: meeting.id, questionId: b.questionId, optionId: b.disagree, count: 4 - agree },
    ],
  });
  await closeBallot(b.consultationId);
  return b.consultationId;
}

/** Proposal → drafting group → draft → posted with its consultation. */
async function posted(consultationId: string, extra: Record<string, unknown> = {}) {
  const { conventionId, versionId } = await propose(c.staff, proposal(extra));
  await setDraftingGroup(c.staff, { versionId, members: "Trưởng thôn\nTrưởng ban công tác Mặt trận\nBí thư chi bộ", on: "" });
  await addDraftText(c.staff, { versionId, text: "Chương I. Quy định chung. Điều 1. Phạm vi điều chỉnh..." });
  await linkConsultation(c.staff, { versionId, consultationId });
  return { conventionId, versionId };
}

/** A version adopted on `adoptedAt`, with its three scans on file (written straight to the database). */
async function adopted(adoptedAt: Date) {
  const { conventionId, versionId } = await propose(c.staff, proposal());
  await db.conventionVersion.update({ where: { id: versionId }, data: { stage: "ADOPTED", adoptedAt } });
  await db.conventionFile.createMany({ data: (["REQUEST", "MINUTES", "ADOPTED_TEXT"] as const).map((kind) => ({ communeId: c.communeId, versionId, kind, attachmentId: `att-${kind}`, uploadedById: c.staffId })) });
  return { conventionId, versionId };
}

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Hương Ước");
  other = await createTestCommune("Xã Khác Hương Ước");
  village = await createVillage(c.communeId, { name: "Thôn Thử", households: 4, accounts: 1 });
  otherVillage = await createVillage(c.communeId, { name: "Thôn Bên", households: 10 });
  const front = await addFrontReviewer(c.communeId);
  const head = await member("VILLAGE_HEAD", village.villageId);
  const leaderId = await member("LEADER", null, "Chủ tịch");
  leader = await requireCommuneAccess(leaderId, c.communeId, ["LEADER"], { write: true });
  people = { staff: c.staffId, leader: leaderId, front: front.userId, villageHead: head, resident: village.households[0]!.userId!, otherCommuneStaff: other.staffId };
});

describe("adoption comes from the village's tally (Decree 61/2023 Art. 10; Law 10/2022 Art. 15.3, 21.1)", () => {
  it("fails at exactly 50% of all households and passes with one household more", async () => {
    const half = await posted(await votedConsultation(2));
    expect(await recordAdoption(c.staff, { versionId: half.versionId })).toMatchObject({ passed: false, agree: 2, households: 4, source: "MEETING" });
    expect((await db.conventionVersion.findUniqueOrThrow({ where: { id: half.versionId } })).stage).toBe("NOT_ADOPTED");

    const more = await posted(await votedConsultation(3));
    expect(await recordAdoption(c.staff, { versionId: more.versionId })).toMatchObject({ passed: true, agree: 3, households: 4 });
    const v = await db.conventionVersion.findUniqueOrThrow({ where: { id: more.versionId } });
    expect(v.stage).toBe("ADOPTED");
    expect(v.adoptedAt).toEqual(vn("2026-11-02T19:00:00"));
  });

  it("does not read a vote that is still open", async () => {
    const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [village.villageId], channels: ["MEETING", "PAPER"] });
    const p = await posted(b.consultationId);
    await expect(recordAdoption(c.staff, { versionId: p.versionId })).rejects.toMatchObject({ code: "conventionVoteOpen", status: 409 });
  });

  it("posts the draft only with a consultation of the convention kind that covers the village", async () => {
    const { versionId } = await propose(c.staff, proposal());
    await setDraftingGroup(c.staff, { versionId, members: "A Một\nB Hai", on: "" });
    await addDraftText(c.staff, { versionId, text: "Dự thảo lần một của hương ước." });
    const wrongKind = await createBallot({ communeId: c.communeId, createdById: c.staffId, category: "DECISION_VILLAGE_HEAD", villageIds: [village.villageId] });
    await expect(linkConsultation(c.staff, { versionId, consultationId: wrongKind.consultationId })).rejects.toMatchObject({ code: "conventionNotConventionKind", status: 422 });
    const otherPlace = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [otherVillage.villageId] });
    await expect(linkConsultation(c.staff, { versionId, consultationId: otherPlace.consultationId })).rejects.toMatchObject({ code: "conventionConsultationOtherVillage" });
  });
});

describe("a citizens' proposal needs 10% of the village's households (Art. 7)", () => {
  it("refuses 0 signatures of 10 households and accepts 1", async () => {
    await expect(propose(c.staff, proposal({ villageId: otherVillage.villageId, proposer: "CITIZENS", signatures: 0 }))).rejects.toMatchObject({ code: "conventionTooFewSignatures", params: { needed: 1 } });
    await expect(propose(c.staff, proposal({ villageId: otherVillage.villageId, proposer: "CITIZENS", signatures: 1 }))).resolves.toMatchObject({ versionId: expect.any(String) });
  });
});

describe("each clock, exactly on its last day and one day late", () => {
  it("dossier within 5 working days of the adoption (Art. 11)", async () => {
    const onDay = await adopted(vn("2026-11-02T19:00:00"));
    expect(await submitDossier(c.staff, { versionId: onDay.versionId, on: "2026-11-09" }, vn("2026-12-01T09:00:00"))).toMatchObject({ onTime: true });
    const late = await adopted(vn("2026-11-02T19:00:00"));
    expect(await submitDossier(c.staff, { versionId: late.versionId, on: "2026-11-10" }, vn("2026-12-01T09:00:00"))).toMatchObject({ onTime: false });
  });

  it("refuses an incomplete dossier, naming the article", async () => {
    const { versionId } = await propose(c.staff, proposal());
    await db.conventionVersion.update({ where: { id: versionId }, data: { stage: "ADOPTED", adoptedAt: new Date() } });
    await expect(submitDossier(c.staff, { versionId, on: "" })).rejects.toMatchObject({ code: "conventionDossierIncomplete", params: { article: "Điều 11 Nghị định 61/2023/NĐ-CP" } });
  });

  it("recognition within 5 working days of the dossier (Art. 11), then sent within 2 (Art. 18.1.a)", async () => {
    const a = await adopted(vn("2026-11-02T19:00:00"));
    await submitDossier(c.staff, { versionId: a.versionId, on: "2026-11-03" }, vn("2026-12-01T09:00:00"));
    expect(await decide(leader, { versionId: a.versionId, recognise: true, reasons: "" }, vn("2026-11-10T16:00:00"))).toMatchObject({ onTime: true, label: expect.stringMatching(/^0\d\/QD-UBND$/) });
    expect(await markSent(c.staff, { versionId: a.versionId, on: "2026-11-12" }, vn("2026-12-01T09:00:00"))).toMatchObject({ onTime: true });

    const b = await adopted(vn("2026-11-02T19:00:00"));
    await submitDossier(c.staff, { versionId: b.versionId, on: "2026-11-03" }, vn("2026-12-01T09:00:00"));
    expect(await decide(leader, { versionId: b.versionId, recognise: true, reasons: "" }, vn("2026-11-11T08:00:00"))).toMatchObject({ onTime: false });
    expect(await markSent(c.staff, { versionId: b.versionId, on: "2026-11-16" }, vn("2026-12-01T09:00:00"))).toMatchObject({ onTime: false });
    const convention = await db.convention.findUniqueOrThrow({ where: { id: b.conventionId } });
    expect(convention).toMatchObject({ status: "IN_FORCE", currentVersionId: b.versionId });
  });

  it("suspension within 3 working days and repeal within 5 (Art. 12–14) of their grounds", async () => {
    const a = await adopted(vn("2026-08-20T10:00:00"));
    await submitDossier(c.staff, { versionId: a.versionId, on: "2026-08-21" }, vn("2026-12-01T09:00:00"));
    await decide(leader, { versionId: a.versionId, recognise: true, reasons: "" }, vn("2026-08-24T10:00:00"));
    await recordGrounds(c.staff, { conventionId: a.conventionId, kind: "SUSPENSION", note: "Điều 5 trái quy định về xử phạt.", on: "2026-08-28" }, vn("2026-12-01T09:00:00"));
    // 1–2 September are National Day: Friday 28 August + 3 working days = Friday 4 September.
    expect(await decideSanction(leader, { conventionId: a.conventionId, kind: "SUSPENSION" }, vn("2026-09-04T17:00:00"))).toMatchObject({ onTime: true });
    await recordGrounds(c.staff, { conventionId: a.conventionId, kind: "REPEAL", note: "Thôn đề nghị bãi bỏ sau khi sáp nhập.", on: "2026-11-02" }, vn("2026-12-01T09:00:00"));
    expect(await decideSanction(leader, { conventionId: a.conventionId, kind: "REPEAL" }, vn("2026-11-10T08:00:00"))).toMatchObject({ onTime: false });
    expect((await db.convention.findUniqueOrThrow({ where: { id: a.conventionId } })).status).toBe("REPEALED");
  });

  it("shows the open clocks to staff and the Front, overdue marked", async () => {
    const a = await adopted(vn("2026-11-02T19:00:00"));
    const list = await listForStaff(c.communeId, vn("2026-11-10T08:00:00"));
    expect(list.find((x) => x.id === a.conventionId)?.open).toMatchObject([{ kind: "dossier", state: "overdue" }]);
    const detail = await getConventionForStaff(c.communeId, a.conventionId, vn("2026-11-09T08:00:00"));
    expect(detail?.clocks).toMatchObject([{ kind: "dossier", state: "open", article: "Điều 11 Nghị định 61/2023/NĐ-CP" }]);
  });
});

describe("the people concerned are told of each step (lib/conventions/notify.ts)", () => {
  const told = async (userId: string, since: Date) =>
    (await db.notification.findMany({ where: { userId, kind: "conventionStep", createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { params: true, link: true, title: true, body: true } })).map((n) => ({
      step: (n.params as { step: string }).step,
      link: n.link,
      body: n.body,
    }));

  it("the village head, the Front, staff and leaders each hear of the steps that are theirs, never of their own act", async () => {
    const since = new Date(Date.now() - 1000);
    const p = await posted(await votedConsultation(4));
    await recordAdoption(c.staff, { versionId: p.versionId });
    await db.conventionFile.createMany({ data: (["REQUEST", "MINUTES", "ADOPTED_TEXT"] as const).map((kind) => ({ communeId: c.communeId, versionId: p.versionId, kind, attachmentId: `att-n-${kind}`, uploadedById: c.staffId })) });
    await submitDossier(c.staff, { versionId: p.versionId, on: "" });
    await decide(leader, { versionId: p.versionId, recognise: true, reasons: "" });
    await markSent(c.staff, { versionId: p.versionId, on: "" });

    const steps = async (who: string) => (await told(who, since)).filter((n) => n.link?.includes(p.conventionId) || n.link?.endsWith("/front/conventions")).map((n) => n.step);
    expect(await steps(people.villageHead!)).toEqual(["PROPOSED", "ADOPTED", "RECOGNISED", "SENT"]);
    expect(await steps(people.front!)).toEqual(expect.arrayContaining(["PROPOSED", "ADOPTED", "SUBMITTED", "RECOGNISED", "SENT"]));
    // Staff recorded the proposal, adoption, dossier and sending themselves: told only of the chair's decision.
    expect(await steps(people.staff!)).toEqual(["RECOGNISED"]);
    // The chair hears the dossier is waiting for a decision (5 working days), not of the decision they signed.
    expect(await steps(people.leader!)).toEqual(["SUBMITTED"]);
    expect(await steps(people.resident!)).toEqual([]);
    const toHead = (await told(people.villageHead!, since)).find((n) => n.link?.endsWith(p.conventionId));
    expect(toHead).toMatchObject({ link: expect.stringMatching(new RegExp(`/staff/conventions/${p.conventionId}$`)), body: expect.stringContaining("Điều 7 Nghị định 61/2023/NĐ-CP") });
    expect((await told(people.front!, since)).every((n) => n.link?.endsWith("/front/conventions"))).toBe(true);
  });
});

describe("a convention from proposal to the public register", () => {
  it("goes through every step, with the decision numbered and rendered, and the yearly review", async () => {
    const p = await posted(await votedConsultation(4));
    await recordAdoption(c.staff, { versionId: p.versionId });
    await db.conventionFile.createMany({ data: (["REQUEST", "MINUTES", "ADOPTED_TEXT"] as const).map((kind) => ({ communeId: c.communeId, versionId: p.versionId, kind, attachmentId: `att-${kind}`, uploadedById: c.staffId })) });
    await submitDossier(c.staff, { versionId: p.versionId, on: "" });
    const decision = await decide(leader, { versionId: p.versionId, recognise: true, reasons: "" });
    await markSent(c.staff, { versionId: p.versionId, on: "" });
    await markPosted(c.staff, { versionId: p.versionId, on: "" });
    await recordReview(c.staff, { conventionId: p.conventionId, year: 2025, outcome: "KEEP", note: "Các điều khoản còn phù hợp.", on: "" });
    const detail = await getConventionForStaff(c.communeId, p.conventionId);
    expect(detail!.steps.map((s) => s.kind)).toEqual(["PROPOSED", "DRAFTING_GROUP", "DRAFT_TEXT", "POSTED", "ADOPTED", "SUBMITTED", "RECOGNISED", "SENT", "PUBLISHED", "REVIEWED"]);
    expect(detail!.steps.find((s) => s.kind === "RECOGNISED")).toMatchObject({ actorRole: "LEADER", actorName: "Nguyễn Văn Chủ Tịch", document: { label: decision.label } });
    const register = await listRegister(c.communeId);
    expect(register.find((r) => r.id === p.conventionId)).toMatchObject({ status: "IN_FORCE", versions: [{ number: 1 }], decisions: [{ kind: "RECOGNISED", label: decision.label }] });

    const { doc } = await loadStepDocument(c.communeId, decision.stepId);
    expect(doc).toMatchObject({ type: "QD", numberLabel: decision.label, signature: { authorityLines: ["CHỦ TỊCH"], signerName: "Nguyễn Văn Chủ Tịch" } });
    expect((await renderPdf(doc)).subarray(0, 4).toString()).toBe("%PDF");
    expect((await renderDocx(doc)).subarray(0, 2).toString()).toBe("PK");
  });

  it("renders a refusal with its reasons, and suspension and repeal decisions", async () => {
    const base = { communeName: "Thử", villageName: "Thôn Thử", title: "Hương ước thôn Thử", versionNumber: 2, adoptedAt: new Date(), numberLabel: "03/TB-UBND", issuedAt: new Date(), signer: { name: "Trần Phó", title: "Phó Chủ tịch" } };
    const refusal = conventionDocument({ ...base, kind: "REFUSED", reasons: "Điều 7 trái với Luật Đất đai." });
    expect(refusal.type).toBe("TB");
    expect(JSON.stringify(refusal.body)).toContain("Điều 7 trái với Luật Đất đai.");
    expect(refusal.signature.authorityLines).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    for (const kind of ["SUSPENDED", "REPEALED"] as const) {
      const doc = conventionDocument({ ...base, kind, reasons: "trái pháp luật", numberLabel: "04/QD-UBND" });
      expect(doc.type).toBe("QD");
      expect((await renderPdf(doc)).subarray(0, 4).toString()).toBe("%PDF");
    }
  });
});

describe("who may do what", () => {
  it("village head proposes for their own village only; staff record; a resident, the Front and another commune may not", async () => {
    const run = (villageId: string) => (access: Parameters<typeof propose>[0]) => propose(access, proposal({ villageId }));
    expect(await outcomesByPerson(people, c.communeId, PROPOSE_ROLES, run(village.villageId))).toEqual({
      staff: "ok",
      leader: "ok",
      front: "forbidden",
      villageHead: "ok",
      resident: "forbidden",
      otherCommuneStaff: "forbidden",
    });
    expect((await outcomesByPerson(people, c.communeId, PROPOSE_ROLES, run(otherVillage.villageId))).villageHead).toBe("notYourVillage");
  });

  it("only staff record the steps; only a leader signs the decisions", async () => {
    const a = await adopted(vn("2026-11-02T19:00:00"));
    const record = await outcomesByPerson(people, c.communeId, RECORD_ROLES, (access) => recordGrounds(access, { conventionId: a.conventionId, kind: "SUSPENSION", note: "Kiểm tra quyền ghi nhận.", on: "" }));
    expect(record).toMatchObject({ front: "forbidden", villageHead: "forbidden", resident: "forbidden", otherCommuneStaff: "forbidden" });
    expect(record.staff).not.toBe("forbidden");
    const sign = await outcomesByPerson(people, c.communeId, SIGN_ROLES, (access) => decide(access, { versionId: a.versionId, recognise: true, reasons: "" }));
    expect(sign).toMatchObject({ staff: "forbidden", front: "forbidden", villageHead: "forbidden", resident: "forbidden", otherCommuneStaff: "forbidden" });
    // The leader reaches the rule: the dossier was not submitted yet.
    expect(sign.leader).toBe("conventionWrongStage");
    expect(await outcomesByPerson(people, c.communeId, CLOCK_ROLES, async () => null)).toMatchObject({ front: "ok", staff: "ok", villageHead: "ok", resident: "forbidden", otherCommuneStaff: "forbidden" });
  });

  it("refuses another commune's convention to this commune's staff", async () => {
    const a = await adopted(vn("2026-11-02T19:00:00"));
    await expect(submitDossier(other.staff, { versionId: a.versionId, on: "" })).rejects.toMatchObject({ status: 404 });
    await expect(recordGrounds(other.staff, { conventionId: a.conventionId, kind: "REPEAL", note: "Thử từ xã khác.", on: "" })).rejects.toMatchObject({ status: 404 });
    expect(await getConventionForStaff(other.communeId, a.conventionId)).toBeNull();
  });
});

describe("the demo seed", () => {
  it("writes one recognised convention in force with its yearly review due, once", async () => {
    const seeded = await createTestCommune("Xã Thử Hạt Giống");
    await createVillage(seeded.communeId, { name: "Phú Khương", households: 20 });
    const chair = await db.user.create({ data: { name: "Chủ tịch hạt giống", displayName: "CT", passwordHash: "x" }, select: { id: true } });
    await db.membership.create({ data: { userId: chair.id, communeId: seeded.communeId, role: "LEADER", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date(), title: "Chủ tịch" } });
    const ids = { communeId: seeded.communeId, staffId: seeded.staffId, leaderId: chair.id };
    await seedConventions(db, ids);
    await seedConventions(db, ids);
    const register = await listRegister(seeded.communeId);
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({ status: "IN_FORCE", review: { state: "due" }, decisions: [{ kind: "RECOGNISED", label: expect.stringMatching(/\/QD-UBND$/) }] });
    const { doc } = await loadStepDocument(seeded.communeId, register[0]!.decisions[0]!.stepId);
    expect(doc.signature.signerName).toBe("Chủ tịch hạt giống");
  });
});
