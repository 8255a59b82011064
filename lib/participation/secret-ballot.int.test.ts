// Secret ballots, read as an operator with psql would read them: every table a secret vote writes,
// every column, and the system columns (xmin, ctid) too, looking for anything that joins a household
// to its choice.
import { createHash } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { canonicalJson } from "@/lib/oversight/canonical-json";
import { exportMyData } from "@/lib/people/data-rights";

import { accessOf, createBallot, createTestCommune, createVillage, type TestCommune, type TestHousehold } from "./ballot-test-helpers";
import { castWebVote, changeWebVote } from "./cast-web-vote";
import { checkReceipt } from "./check-receipt";
import { enterAssisted, enterPaperBallot } from "./enter-offline-votes";
import { computeResults } from "./get-results";
import { loadBallot } from "./ballot-scope";
import { addQuestion } from "./manage-ballot";

let c: TestCommune;

beforeAll(async () => {
  c = await createTestCommune("Xã Thử Phiếu Kín");
});

type Row = Record<string, unknown> & { xmin: string; ctid: string };
type Dump = Map<string, Row[]>;

/** Every table of the schema, every row, with its transaction id and physical place. */
async function dumpAll(): Promise<Dump> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const dump: Dump = new Map();
  for (const { table_name: name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: Row }[]>(`SELECT json_build_object('xmin', t.xmin::text, 'ctid', t.ctid::text)::jsonb || to_jsonb(t) AS row FROM "${name}" t`);
    dump.set(name, rows.map((r) => r.row));
  }
  return dump;
}

/** The rows of each table that are new or changed since `before` (a changed row has a new xmin). */
function written(before: Dump, after: Dump): Map<string, Row[]> {
  const changed = new Map<string, Row[]>();
  for (const [table, rows] of after) {
    const old = new Set((before.get(table) ?? []).map((r) => JSON.stringify(r)));
    const fresh = rows.filter((r) => !old.has(JSON.stringify(r)));
    if (fresh.length) changed.set(table, fresh);
  }
  return changed;
}

/** A row's values as text, its physical place left out. */
const values = (row: Row) => Object.entries(row).filter(([k]) => k !== "ctid").map(([, v]) => (typeof v === "string" ? v : JSON.stringify(v)));

async function secretBallot(
  villageIds: string[],
  // A household consultation ballot by default: its web votes count (on a decision matter they are set aside unless online deciding was lawful).
  category: "DECISION_VILLAGE_HEAD" | "DECISION_VILLAGE_CONVENTION" | "DECISION_OTHER_SELF_MANAGEMENT" | "CONSULTATION_ADMINISTRATIVE_BOUNDARY" = "CONSULTATION_ADMINISTRATIVE_BOUNDARY",
) {
  const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds, category, showResultsLive: true });
  await db.ballotQuestion.update({ where: { id: b.questionId }, data: { secret: true } });
  return b;
}

const vote = async (h: TestHousehold, questionId: string, optionId: string) => castWebVote(await accessOf(h.userId!, c.communeId), { questionId, optionIds: [optionId] });

describe("a secret vote, read with psql", () => {
  it("keeps who voted and what was chosen apart, with nothing that joins them", async () => {
    // Two villages of the same size; the same choices arrive in a different order of households.
    const a = await createVillage(c.communeId, { name: "Thôn Kín A", households: 5, accounts: 5 });
    const b = await createVillage(c.communeId, { name: "Thôn Kín B", households: 5, accounts: 5 });
    const ballot = await secretBallot([a.villageId, b.villageId]);
    const options = [ballot.agree, ballot.disagree, ballot.other];
    const choicesA = [ballot.agree, ballot.disagree, ballot.agree, ballot.other, ballot.agree];
    const choicesB = [ballot.other, ballot.agree, ballot.agree, ballot.disagree, ballot.agree];

    const before = await dumpAll();
    const receipts: string[] = [];
    for (let i = 0; i < 5; i++) {
      receipts.push((await vote(a.households[i]!, ballot.questionId, choicesA[i]!)).receiptCode);
      receipts.push((await vote(b.households[4 - i]!, ballot.questionId, choicesB[4 - i]!)).receiptCode);
    }
    const after = await dumpAll();
    const changes = written(before, after);

    // What a secret vote writes: the participation, the box and the audit event (and the rate limit's counter, if kept in the database).
    const tables = [...changes.keys()];
    expect(tables).toEqual(expect.arrayContaining(["Vote", "SecretBallotBox", "AuditEvent"]));
    expect(tables).not.toContain("VoteChoice");

    // No choice anywhere but the box: no option id in any other row written, in any column.
    for (const [table, rows] of changes) {
      if (table === "SecretBallotBox") continue;
      for (const row of rows) for (const v of values(row)) for (const o of options) expect(v, `${table} holds an option id`).not.toContain(o);
    }

    // The box's columns: the keys and a count. No id, no time, no sequence, no voter.
    const columns = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'SecretBallotBox' ORDER BY column_name`;
    expect(columns.map((x) => x.column_name)).toEqual(["channel", "communeId", "count", "optionId", "questionId", "villageId"]);

    // A box row holds only the question, the village, the commune, the channel, an option and a count:
    // no value that could also sit on a participation or an audit row and join the two.
    const box = changes.get("SecretBallotBox")!;
    const keys = new Set([c.communeId, ballot.questionId, a.villageId, b.villageId, "WEB", ...options]);
    for (const { xmin: _x, ctid: _c, count, ...rest } of box) {
      expect(typeof count).toBe("number");
      for (const v of Object.values(rest)) expect(keys.has(v as string), `box value ${String(v)}`).toBe(true);
    }

    // Per question and village, every box row carries the same transaction id (all rewritten by each vote)...
    for (const village of [a.villageId, b.villageId]) {
      const rows = box.filter((r) => r.villageId === village);
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    }
    // ...and the rows lie on disk in the same order in both villages (option order), whoever voted what and when.
    const physicalOrder = (village: string) =>
      db.$queryRaw<{ optionId: string }[]>`SELECT "optionId" FROM "SecretBallotBox" WHERE "questionId" = ${ballot.questionId} AND "villageId" = ${village} ORDER BY ctid`;
    expect((await physicalOrder(a.villageId)).map((r) => r.optionId)).toEqual([...options].sort());
    expect((await physicalOrder(b.villageId)).map((r) => r.optionId)).toEqual([...options].sort());

    // The only transaction id a box shares with a participation is its village's last vote: it says who voted last, not what.
    const votes = changes.get("Vote")!;
    for (const village of [a.villageId, b.villageId]) {
      const boxXmin = box.find((r) => r.villageId === village)!.xmin;
      const matching = votes.filter((v) => v.xmin === boxXmin);
      expect(matching.length).toBeLessThanOrEqual(1);
    }

    // The counts are right, whatever the order.
    const count = (village: string, option: string) => Number(box.find((r) => r.villageId === village && r.optionId === option)!.count);
    expect([count(a.villageId, ballot.agree), count(a.villageId, ballot.disagree), count(a.villageId, ballot.other)]).toEqual([3, 1, 1]);
    expect([count(b.villageId, ballot.agree), count(b.villageId, ballot.disagree), count(b.villageId, ballot.other)]).toEqual([3, 1, 1]);
    const [result] = await computeResults(c.communeId, await loadBallot(c.communeId, ballot.consultationId));
    expect(result!.villages.map((v) => [v.participants, v.agree, v.disagree, v.other])).toEqual([
      [5, 3, 1, 1],
      [5, 3, 1, 1],
    ]);

    // The audit events of the votes name no choice, and a guess of the choice does not reproduce their digest.
    const events = changes.get("AuditEvent")!.filter((e) => e.action === "vote.cast");
    expect(events).toHaveLength(10);
    for (const e of events) {
      const v = votes.find((x) => x.id === e.entityId)!;
      for (const guess of [...options.map((o) => [o]), []]) {
        const guessed = createHash("sha256").update(canonicalJson({ voteId: v.id, receiptCode: v.receiptCode, optionIds: guess })).digest("hex");
        expect(e.afterDigest).not.toBe(guessed);
      }
      expect(e.afterDigest).not.toBe(createHash("sha256").update(canonicalJson({ voteId: v.id, receiptCode: v.receiptCode })).digest("hex"));
    }

    // The receipt check: recorded and counted, nothing of the choice; two opposite votes read alike.
    const agreeing = await checkReceipt(c.communeId, receipts[0]!, "test-a");
    const other = await checkReceipt(c.communeId, receipts[6]!, "test-b"); // household A3: other
    for (const check of [agreeing, other]) {
      expect(check).toMatchObject({ found: true, counted: true, changeCount: 0, changedAt: null });
      for (const o of options) expect(JSON.stringify(check)).not.toContain(o);
      expect(JSON.stringify(check)).not.toMatch(/Đồng ý|Không đồng ý|Ý kiến khác/);
    }
    expect(Object.keys(agreeing).sort()).toEqual(Object.keys(other).sort());

    // The voter's own export of personal data holds the participation, never the choice.
    const exported = JSON.stringify(await exportMyData(a.households[0]!.userId!));
    expect(exported).toContain(receipts[0]!);
    for (const o of options) expect(exported).not.toContain(o);
    expect(exported).not.toMatch(/"choices":\["/);
  });

  it("gives an open vote's audit digest a salt: the receipt holder cannot test a guess of the choice", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Công Khai", households: 1, accounts: 1 });
    const ballot = await createBallot({ communeId: c.communeId, createdById: c.staffId, villageIds: [v.villageId] });
    const cast = await vote(v.households[0]!, ballot.questionId, ballot.agree);
    const row = await db.vote.findUniqueOrThrow({ where: { receiptCode: cast.receiptCode }, select: { id: true } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Vote", entityId: row.id }, select: { afterDigest: true } });
    for (const guess of [ballot.agree, ballot.disagree, ballot.other]) {
      const unsalted = createHash("sha256").update(canonicalJson({ voteId: row.id, receiptCode: cast.receiptCode, optionIds: [guess] })).digest("hex");
      expect(event.afterDigest).not.toBe(unsalted);
    }
    // The open question keeps its choice with the vote, as before.
    expect(await db.voteChoice.count({ where: { voteId: row.id } })).toBe(1);
  });
});

describe("secret votes at the same moment", () => {
  it("all count, none deadlocks, and the box still carries one transaction id", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Cùng Lúc", households: 8, accounts: 8 });
    const ballot = await secretBallot([v.villageId]);
    const choices = [ballot.agree, ballot.disagree, ballot.other];
    await Promise.all(v.households.map((h, i) => vote(h, ballot.questionId, choices[i % 3]!)));
    const box = await db.$queryRaw<{ optionId: string; count: number; xmin: string }[]>`
      SELECT "optionId", "count", xmin::text AS xmin FROM "SecretBallotBox" WHERE "questionId" = ${ballot.questionId}`;
    expect(Object.fromEntries(box.map((r) => [r.optionId, r.count]))).toEqual({ [ballot.agree]: 3, [ballot.disagree]: 3, [ballot.other]: 2 });
    expect(new Set(box.map((r) => r.xmin)).size).toBe(1);
    expect(await db.vote.count({ where: { questionId: ballot.questionId } })).toBe(8);
  });
});

describe("the rules of a secret question", () => {
  it("refuses to change a secret vote, saying why", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Không Sửa", households: 1, accounts: 1 });
    const ballot = await secretBallot([v.villageId]);
    await vote(v.households[0]!, ballot.questionId, ballot.agree);
    await expect(changeWebVote(await accessOf(v.households[0]!.userId!, c.communeId), { questionId: ballot.questionId, optionIds: [ballot.disagree] })).rejects.toMatchObject({
      code: "secretVoteFinal",
      status: 409,
    });
    const box = await db.secretBallotBox.findMany({ where: { questionId: ballot.questionId }, select: { optionId: true, count: true } });
    expect(box.find((r) => r.optionId === ballot.agree)!.count).toBe(1);
    expect(box.find((r) => r.optionId === ballot.disagree)!.count).toBe(0);
  });

  it("takes no household's paper choice and no assisted choice; a second vote of the household is still refused", async () => {
    const v = await createVillage(c.communeId, { name: "Thôn Phiếu Giấy Kín", households: 2, accounts: 1 });
    const ballot = await secretBallot([v.villageId]);
    const staff = await accessOf(c.staffId, c.communeId);
    await expect(
      enterPaperBallot(staff, { consultationId: ballot.consultationId, householdId: v.households[1]!.householdId, answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }] }),
    ).rejects.toMatchObject({ code: "secretPaperByCount", status: 422 });
    await expect(
      enterAssisted(staff, { consultationId: ballot.consultationId, residentId: v.households[1]!.residentId, reason: "Người cao tuổi nhờ ghi giúp", answers: [{ questionId: ballot.questionId, optionIds: [ballot.agree] }], opinion: null }),
    ).rejects.toMatchObject({ code: "secretNoAssisted", status: 422 });
    await vote(v.households[0]!, ballot.questionId, ballot.agree);
    await expect(vote(v.households[0]!, ballot.questionId, ballot.disagree)).rejects.toMatchObject({ code: "alreadyVoted", status: 409 });
    expect(await db.vote.count({ where: { questionId: ballot.questionId } })).toBe(1);
    const box = await db.secretBallotBox.findMany({ where: { questionId: ballot.questionId } });
    expect(box.reduce((n, r) => n + r.count, 0)).toBe(1);
  });

  it("makes elections secret by default, and other matters open", async () => {
    const staff = await accessOf(c.staffId, c.communeId);
    const draft = async (category: "DECISION_VILLAGE_HEAD" | "DECISION_SUPERVISION_BOARDS" | "DECISION_VILLAGE_CONVENTION") => {
      const b = await createBallot({ communeId: c.communeId, createdById: c.staffId, category });
      await db.consultation.update({ where: { id: b.consultationId }, data: { status: "DRAFT" } });
      return b.consultationId;
    };
    const fields = { communeId: c.communeId, text: "Bầu ông Nguyễn Văn A làm Trưởng thôn?", kind: "YES_NO_ABSTAIN" as const, votingUnit: "HOUSEHOLD" as const, options: [], maxChoices: 1, thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE" as const, thresholdPercent: 50, quorumPercent: 50 };
    const secretOf = async (id: string) => (await db.ballotQuestion.findUniqueOrThrow({ where: { id }, select: { secret: true } })).secret;
    expect(await secretOf((await addQuestion(staff, { ...fields, consultationId: await draft("DECISION_VILLAGE_HEAD") })).id)).toBe(true);
    expect(await secretOf((await addQuestion(staff, { ...fields, consultationId: await draft("DECISION_SUPERVISION_BOARDS") })).id)).toBe(true);
    expect(await secretOf((await addQuestion(staff, { ...fields, consultationId: await draft("DECISION_VILLAGE_CONVENTION") })).id)).toBe(false);
    // Staff may still choose: a convention put to a secret ballot.
    expect(await secretOf((await addQuestion(staff, { ...fields, consultationId: await draft("DECISION_VILLAGE_CONVENTION"), secret: true })).id)).toBe(true);
  });

  it("reports voided participations and marks a village not certifiable when they could turn its result", async () => {
    // 5 households, more than 50% needed: 3 agreeing pass. One of the 3 agreeing votes may be the voided one.
    const tight = await createVillage(c.communeId, { name: "Thôn Sát Nút", households: 5, accounts: 5 });
    const safe = await createVillage(c.communeId, { name: "Thôn Chắc Chắn", households: 5, accounts: 5 });
    const ballot = await secretBallot([tight.villageId, safe.villageId]);
    for (const [i, option] of [ballot.agree, ballot.agree, ballot.agree, ballot.disagree].entries()) await vote(tight.households[i]!, ballot.questionId, option);
    for (const [i, option] of [ballot.agree, ballot.agree, ballot.agree, ballot.agree].entries()) await vote(safe.households[i]!, ballot.questionId, option);
    // A contested vote voided with the Front in each village (the flow of the votes work sets this column).
    for (const village of [tight, safe]) {
      // As the void flow writes it: the voter key moves aside so that the household may vote again.
      await db.$executeRaw`UPDATE "Vote" SET "voidedAt" = now(), "voidReason" = 'Hộ không bỏ phiếu này', "voterKey" = "voterKey" || '#void:' || id
        WHERE "questionId" = ${ballot.questionId} AND "householdId" = ${village.households[3]!.householdId}`;
    }
    const [result] = await computeResults(c.communeId, await loadBallot(c.communeId, ballot.consultationId));
    expect(result!.secrecy).toEqual({ voided: { [tight.villageId]: 1, [safe.villageId]: 1 }, notCertifiable: [tight.villageId] });
    // The voided participations drop out of who took part; their choices stay in the box.
    const row = (id: string) => result!.villages.find((v) => v.villageId === id)!;
    expect([row(tight.villageId).participants, row(tight.villageId).agree]).toEqual([3, 3]);
    expect([row(safe.villageId).participants, row(safe.villageId).agree]).toEqual([3, 4]);
  });
});
