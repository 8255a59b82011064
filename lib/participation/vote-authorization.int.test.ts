// Who may do what with ballots, per role, through the same check every server action and route
// handler makes (requireCommuneAccess with the role lists of vote-roles.ts) followed by the domain's
// own rules (a village head for their own village; a resident for themselves).
import { beforeAll, describe, expect, it } from "vitest";

import { requireCommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { getStorage } from "@/lib/storage/storage";
import { communeId, OTHER_RESIDENT_PHONE, PENDING_PHONE, seedDemo, STAFF_EMAIL, userId } from "@/scripts/test/fixtures";

import { createBallot } from "./ballot-test-helpers";
import { meetingSchema, questionSchema, voteSettingsSchema } from "./ballot-schemas";
import { castWebVote, changeWebVote } from "./cast-web-vote";
import { checkReceipt } from "./check-receipt";
import { enterAssisted, enterPaperBallot } from "./enter-offline-votes";
import { getMyBallot } from "./get-my-ballot";
import { addQuestion, updateVoteSettings } from "./manage-ballot";
import { chooseTallySource, recordMeeting } from "./record-meeting";
import { searchHouseholds } from "./search-households";
import { readMinutes, uploadMinutes } from "./upload-minutes";
import { BALLOT_STAFF_ROLES, ENTRY_ROLES, MINUTES_READER_ROLES, VOTER_ROLES } from "./vote-roles";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const PEOPLE = {
  resident: "0901000003", // verified, Tân Phú 1, household representative
  otherCommuneResident: OTHER_RESIDENT_PHONE,
  pendingResident: PENDING_PHONE,
  headOfThisVillage: "truongthon.tanphu1@thientin.danban.local",
  headOfAnotherVillage: "truongthon.phukhuong@thientin.danban.local",
  staff: STAFF_EMAIL,
  front: "mttq@thientin.danban.local",
  leader: "chutich@thientin.danban.local",
} as const;
type Person = keyof typeof PEOPLE;
const persons = Object.keys(PEOPLE) as Person[];

let thienTin: string;
let tanPhu1: string;
let households: { id: string; residentId: string }[];
let staffId: string;

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  staffId = await userId(STAFF_EMAIL);
  tanPhu1 = (await db.village.findFirstOrThrow({ where: { communeId: thienTin, name: "Tân Phú 1" }, select: { id: true } })).id;
  const rows = await db.household.findMany({ where: { villageId: tanPhu1, representativeId: { not: null } }, select: { id: true, representativeId: true }, orderBy: { code: "desc" }, take: persons.length });
  households = rows.map((h) => ({ id: h.id, residentId: h.representativeId! }));
});

type Outcome = "ok" | 403 | string;

/** The check of the action client, then the operation; the outcome as the user would meet it. */
async function attempt(person: Person, roles: readonly Role[], run: (access: Awaited<ReturnType<typeof requireCommuneAccess>>, i: number) => Promise<unknown>): Promise<Outcome> {
  try {
    const access = await requireCommuneAccess(await userId(PEOPLE[person]), thienTin, roles, { write: true });
    await run(access, persons.indexOf(person));
    return "ok";
  } catch (e) {
    if (isAppError(e)) return e.code === "forbidden" ? 403 : e.code;
    throw e;
  }
}

async function matrix(roles: readonly Role[], run: Parameters<typeof attempt>[2]) {
  const out: Partial<Record<Person, Outcome>> = {};
  for (const p of persons) out[p] = await attempt(p, roles, run);
  return out;
}

const RESIDENT_ONLY = { resident: "ok", otherCommuneResident: 403, pendingResident: 403, headOfThisVillage: 403, headOfAnotherVillage: 403, staff: 403, front: 403, leader: 403 };
const ENTRY = { resident: 403, otherCommuneResident: 403, pendingResident: 403, headOfThisVillage: "ok", headOfAnotherVillage: "notYourVillage", staff: "ok", front: 403, leader: "ok" };
const STAFF_ONLY = { resident: 403, otherCommuneResident: 403, pendingResident: 403, headOfThisVillage: 403, headOfAnotherVillage: 403, staff: "ok", front: 403, leader: "ok" };

describe("authorization of every ballot operation, per role", () => {
  it("web voting, changing and reading one's own ballot: verified residents of the commune only", async () => {
    const b = await createBallot({ communeId: thienTin, createdById: staffId, villageIds: [tanPhu1] });
    expect(await matrix(VOTER_ROLES, (a) => getMyBallot(a, b.consultationId))).toEqual(RESIDENT_ONLY);
    expect(await matrix(VOTER_ROLES, (a) => castWebVote(a, { questionId: b.questionId, optionIds: [b.agree] }))).toEqual(RESIDENT_ONLY);
    expect(await matrix(VOTER_ROLES, (a) => changeWebVote(a, { questionId: b.questionId, optionIds: [b.disagree] }))).toEqual(RESIDENT_ONLY);
  });

  it("paper ballots, assisted entry and household search: staff and leaders, village heads for their own village", async () => {
    const b = await createBallot({ communeId: thienTin, createdById: staffId, villageIds: [tanPhu1] });
    expect(await matrix(ENTRY_ROLES, (a, i) => enterPaperBallot(a, { consultationId: b.consultationId, householdId: households[i]!.id, answers: [{ questionId: b.questionId, optionIds: [b.agree] }] }))).toEqual(ENTRY);
    const b2 = await createBallot({ communeId: thienTin, createdById: staffId, villageIds: [tanPhu1] });
    expect(await matrix(ENTRY_ROLES, (a, i) => enterAssisted(a, { consultationId: b2.consultationId, residentId: households[i]!.residentId, reason: "Nhờ cán bộ ghi giúp", answers: [{ questionId: b2.questionId, optionIds: [b2.agree] }], opinion: null }))).toEqual(ENTRY);
    // Searching is allowed to every entering role; a head of another village simply finds nothing here.
    const found: Partial<Record<Person, Outcome | number>> = {};
    for (const p of persons) {
      let count = -1;
      found[p] = await attempt(p, ENTRY_ROLES, async (a) => { count = (await searchHouseholds(a, { consultationId: b.consultationId, query: "TT-06" })).length; });
      if (found[p] === "ok") found[p] = count > 0 ? "found" : "none";
    }
    expect(found).toEqual({ ...ENTRY, headOfThisVillage: "found", headOfAnotherVillage: "none", staff: "found", leader: "found" });
  });

  it("meeting records and their minutes: staff and leaders, village heads for their own village; the Front may read the minutes", async () => {
    const b = await createBallot({ communeId: thienTin, createdById: staffId, villageIds: [tanPhu1], quorumPercent: null });
    const uploaded: string[] = [];
    const upload = await matrix(ENTRY_ROLES, async (a) => uploaded.push((await uploadMinutes(a, { consultationId: b.consultationId, fileName: "bien-ban.pdf", data: PDF })).id));
    expect(upload).toEqual({ ...ENTRY, headOfAnotherVillage: "ok" }); // uploading alone records nothing
    const meeting = (minutesId: string) => meetingSchema.parse({ communeId: thienTin, consultationId: b.consultationId, villageId: tanPhu1, heldOn: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()), heldTime: "00:00", form: "SECRET_BALLOT", householdsPresent: 1, minutesId, notes: "", tallies: [{ questionId: b.questionId, optionId: b.agree, count: 1 }], sourceChoice: null, reason: "" });
    let next = 0;
    expect(await matrix(ENTRY_ROLES, (a) => recordMeeting(a, meeting(uploaded[next++ % uploaded.length]!)))).toEqual(ENTRY);
    expect(await matrix(MINUTES_READER_ROLES, () => readMinutes(thienTin, uploaded[0]!))).toEqual({ ...ENTRY, headOfAnotherVillage: "ok", front: "ok" });
    expect(await matrix(BALLOT_STAFF_ROLES, (a) => chooseTallySource(a, { consultationId: b.consultationId, villageId: tanPhu1, source: "INDIVIDUAL", meetingId: null, reason: "Kiểm tra lại biên bản" }))).toEqual(STAFF_ONLY);
    const keys = await db.attachment.findMany({ where: { id: { in: uploaded } }, select: { storageKey: true } });
    await Promise.all(keys.map((k) => getStorage().delete(k.storageKey)));
  });

  it("setting up questions and vote channels: staff and leaders only", async () => {
    const c = await db.consultation.create({ data: { communeId: thienTin, title: "Bản nháp phân quyền", summary: "Bản nháp để thử phân quyền.", matterKind: "DECISION", legalCategory: "DECISION_COMMUNITY_WORKS", subject: "OTHER", allowedChannels: ["MEETING", "PAPER"], createdById: staffId }, select: { id: true } });
    const q = questionSchema.parse({ communeId: thienTin, consultationId: c.id, text: "Đồng ý mức đóng góp không?", kind: "YES_NO_ABSTAIN", votingUnit: "HOUSEHOLD", options: [], maxChoices: 1, thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 66.67, quorumPercent: 50 });
    expect(await matrix(BALLOT_STAFF_ROLES, (a) => addQuestion(a, q))).toEqual(STAFF_ONLY);
    const s = voteSettingsSchema.parse({ communeId: thienTin, consultationId: c.id, channels: ["MEETING", "PAPER"], onlineVoteNoticeOn: null, showResultsLive: false });
    expect(await matrix(BALLOT_STAFF_ROLES, (a) => updateVoteSettings(a, s))).toEqual(STAFF_ONLY);
  });

  it("checking a receipt: anyone, within the commune named", async () => {
    const b = await createBallot({ communeId: thienTin, createdById: staffId, villageIds: [tanPhu1] });
    const [vote] = await enterPaperBallot(await requireCommuneAccess(staffId, thienTin, ["STAFF"]), { consultationId: b.consultationId, householdId: households[0]!.id, answers: [{ questionId: b.questionId, optionIds: [b.agree] }] });
    expect(await checkReceipt(thienTin, vote!.receiptCode, "authorization-test")).toMatchObject({ found: true });
    expect(await checkReceipt(await communeId("nghia-hanh"), vote!.receiptCode, "authorization-test")).toEqual({ found: false });
  });
});
