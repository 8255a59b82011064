// Demo contribution for xã Thiện Tín (issue 13 §2): the road contribution the households decided
// (seeded consultation "Đóng góp kinh phí bê tông hóa…", commune-wide, passed in 2/3 of villages under
// Law 10/2022 Art. 15.1 and 21.1 — checked through the real count, lib/contributions decisionGate), with
// exemption categories, exempted households, receipts over three months (one corrected by a reversing
// entry), spending, and a citizens' initiative with a few signatures. If that decision does not pass, a
// minimal passed decision (one village, a meeting where every household agreed) is added here.
// Dates are relative to the day the seed runs. Running it again adds nothing.
import { addDaysVn, toVnDate } from "@/lib/consultations/periods";
import { decisionGate } from "@/lib/contributions/manage";
import type { Db } from "@/lib/db";
import { isoToDateColumn } from "@/lib/disclosure/broadcast-days";
import { freezeVillageCounts } from "@/lib/participation/closed-counts";

export const SEED_CONTRIBUTION_TITLE = "Đóng góp bê tông hóa đường giao thông nông thôn năm 2026";
const DECISION_TITLE = "Đóng góp kinh phí bê tông hóa đường giao thông nông thôn năm 2026";
const DAY = 86_400_000;
const LEVEL = 500_000;

/** A minimal decision that passes: one village, every household present and agreeing at a meeting. */
async function minimalPassedDecision(db: Db, communeId: string, staffId: string) {
  const village = await db.village.findFirstOrThrow({ where: { communeId }, orderBy: { name: "asc" }, select: { id: true } });
  const total = await db.household.count({ where: { communeId, villageId: village.id, isActive: true } });
  const now = Date.now();
  return db.$transaction(async (tx) => {
    const c = await tx.consultation.create({
      data: {
        communeId,
        title: "Đóng góp sửa đường nội thôn (biểu quyết mẫu)",
        summary: "Các hộ gia đình trong thôn biểu quyết đóng góp sửa đường nội thôn.",
        matterKind: "DECISION",
        legalCategory: "DECISION_COMMUNITY_WORKS",
        subject: "BUDGET",
        status: "CLOSED",
        isCommuneWide: false,
        allowedChannels: ["MEETING", "PAPER"],
        commentStartsAt: new Date(now - 40 * DAY),
        commentEndsAt: new Date(now - 20 * DAY),
        publishedAt: new Date(now - 40 * DAY),
        closedAt: new Date(now - 20 * DAY),
        createdById: staffId,
        villages: { create: [{ villageId: village.id }] },
        questions: {
          create: {
            position: 0,
            text: "Hộ gia đình có đồng ý đóng góp sửa đường nội thôn không?",
            kind: "YES_NO_ABSTAIN",
            votingUnit: "HOUSEHOLD",
            thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE",
            thresholdPercent: 66.67,
            quorumPercent: 50,
            options: { create: [{ position: 0, label: "Đồng ý", isAffirmative: true }, { position: 1, label: "Không đồng ý" }, { position: 2, label: "Ý kiến khác" }] },
          },
        },
      },
      select: { id: true, questions: { select: { id: true, options: { select: { id: true }, orderBy: { position: "asc" } } } } },
    });
    const q = c.questions[0]!;
    await tx.meetingRecord.create({
      data: {
        communeId,
        consultationId: c.id,
        villageId: village.id,
        heldAt: new Date(now - 25 * DAY),
        form: "SHOW_OF_HANDS",
        householdsPresent: total,
        householdsTotal: total,
        enteredById: staffId,
        tallies: { create: q.options.map((o, i) => ({ questionId: q.id, optionId: o.id, count: i === 0 ? total : 0 })) },
      },
    });
    await freezeVillageCounts(tx, { id: c.id, communeId }, new Date(now - 20 * DAY));
    return { consultationId: c.id, questionId: q.id, villageIds: [village.id] };
  });
}

export async function seedContributions(db: Db, communeId: string, ids: { staff: string; resident: string | undefined }, log: (l: string) => void) {
  if (await db.contribution.findFirst({ where: { communeId, title: SEED_CONTRIBUTION_TITLE }, select: { id: true } })) return;
  const decision = await db.consultation.findFirst({ where: { communeId, title: DECISION_TITLE }, select: { id: true, questions: { where: { votingUnit: "HOUSEHOLD" }, take: 1, select: { id: true } } } });
  let link = decision?.questions[0] ? { consultationId: decision.id, questionId: decision.questions[0].id, villageIds: null as string[] | null } : null;
  if (!link || (await decisionGate(communeId, link.consultationId, link.questionId))) link = await minimalPassedDecision(db, communeId, ids.staff);
  const villages = await db.village.findMany({ where: { communeId, ...(link.villageIds ? { id: { in: link.villageIds } } : {}) }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const today = toVnDate(new Date());
  const residentHousehold = ids.resident
    ? await db.membership.findFirst({ where: { userId: ids.resident, communeId, role: "RESIDENT" }, select: { resident: { select: { id: true, householdId: true, villageId: true } } } })
    : null;
  // The demo resident's village first: it has receipts, and so the resident's own record.
  const home = residentHousehold?.resident?.villageId;
  villages.sort((a, b) => Number(b.id === home) - Number(a.id === home));

  await db.$transaction(async (tx) => {
    const c = await tx.contribution.create({
      data: {
        communeId,
        title: SEED_CONTRIBUTION_TITLE,
        description: "Mỗi hộ đóng góp 500.000 đồng để bê tông hóa đường ngõ xóm; Nhà nước hỗ trợ xi măng. Hộ nghèo và gia đình người có công được miễn, hộ cận nghèo được giảm một nửa.",
        consultationId: link.consultationId,
        questionId: link.questionId,
        unit: "MONEY",
        levelPerHousehold: LEVEL,
        periodStart: isoToDateColumn(addDaysVn(today, -90)),
        periodEnd: isoToDateColumn(addDaysVn(today, 60)),
        openedAt: new Date(Date.now() - 90 * DAY),
        createdById: ids.staff,
        villages: { create: villages.map((v) => ({ villageId: v.id })) },
      },
      select: { id: true },
    });
    const [poor, nearPoor, merit] = await Promise.all(
      [
        { name: "Hộ nghèo", reducedLevel: null },
        { name: "Hộ cận nghèo", reducedLevel: 250_000 },
        { name: "Gia đình người có công", reducedLevel: null },
      ].map((cat) => tx.contributionCategory.create({ data: { contributionId: c.id, ...cat }, select: { id: true } })),
    );
    let receipt = 0;
    for (const [vi, v] of villages.slice(0, 4).entries()) {
      const households = await tx.household.findMany({ where: { communeId, villageId: v.id, isActive: true }, orderBy: { code: "asc" }, select: { id: true } });
      const mine = residentHousehold?.resident?.householdId;
      // The signed-in demo resident's household pays, so that its own record shows.
      const ordered = mine && households.some((h) => h.id === mine) ? [{ id: mine }, ...households.filter((h) => h.id !== mine)] : households;
      const exempt = ordered.slice(-3);
      const cats = [poor!, nearPoor!, merit!];
      for (const [i, h] of exempt.entries()) {
        await tx.contributionExemption.create({ data: { communeId, contributionId: c.id, householdId: h.id, categoryId: cats[(i + vi) % 3]!.id, recordedById: ids.staff } });
      }
      const paying = ordered.slice(0, Math.floor((ordered.length - 3) * (0.8 - vi * 0.15)));
      for (const [i, h] of paying.entries()) {
        receipt += 1;
        const receivedOn = isoToDateColumn(addDaysVn(today, -80 + ((i * 7 + vi * 11) % 78)));
        const entry = await tx.contributionEntry.create({
          data: { communeId, contributionId: c.id, householdId: h.id, villageId: v.id, kind: "RECEIPT", amount: LEVEL, receivedOn, receivedBy: `Trưởng thôn ${v.name}`, receiptNumber: `BL-${String(receipt).padStart(4, "0")}`, recordedById: ids.staff },
          select: { id: true },
        });
        // One receipt entered for the wrong amount: reversed, then entered again.
        if (vi === 0 && i === 1) {
          await tx.contributionEntry.create({
            data: { communeId, contributionId: c.id, householdId: h.id, villageId: v.id, kind: "REVERSAL", amount: -LEVEL, receivedOn, receivedBy: `Trưởng thôn ${v.name}`, reversesId: entry.id, reason: "Ghi trùng biên lai", recordedById: ids.staff },
          });
        }
      }
    }
    await tx.contributionSpending.createMany({
      data: [
        { communeId, contributionId: c.id, spentOn: isoToDateColumn(addDaysVn(today, -40)), description: "Mua cát, đá, sắt thép đợt 1", amount: 18_500_000, recordedById: ids.staff },
        { communeId, contributionId: c.id, spentOn: isoToDateColumn(addDaysVn(today, -10)), description: "Thuê máy trộn bê tông và nhân công", amount: 6_200_000, recordedById: ids.staff },
      ],
    });
  });
  // A citizens' initiative in the demo resident's village, with the proposer's and two more signatures.
  const proposer = residentHousehold?.resident;
  if (ids.resident && proposer?.householdId) {
    const neighbours = await db.household.findMany({ where: { communeId, villageId: proposer.villageId, isActive: true, id: { not: proposer.householdId } }, orderBy: { code: "asc" }, take: 2, select: { id: true } });
    await db.initiative.create({
      data: {
        communeId,
        villageId: proposer.villageId,
        title: "Lắp đèn chiếu sáng đường xóm",
        body: "Đề nghị thôn bàn việc lắp 20 bóng đèn năng lượng mặt trời dọc đường xóm, mỗi hộ góp một ngày công lắp đặt.",
        proposedById: ids.resident,
        createdAt: new Date(Date.now() - 10 * DAY),
        signatures: {
          create: [
            { householdId: proposer.householdId, residentId: proposer.id, signedOn: isoToDateColumn(addDaysVn(today, -10)), enteredById: ids.resident },
            ...neighbours.map((h, i) => ({ householdId: h.id, signedOn: isoToDateColumn(addDaysVn(today, -8 + i)), onPaper: true, enteredById: ids.staff })),
          ],
        },
      },
    });
  }
  log(`  1 contribution (${villages.length} villages), 1 initiative`);
}
