import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { publishScheduledConsultations } from "@/lib/consultations/lifecycle";
import { publishConsultation } from "@/lib/consultations/publish-consultation";
import { db } from "@/lib/db";
import { postOpinion } from "@/lib/participation/post-opinion";
import { accessOf, createBallot, createTestCommune, createVillage, type TestCommune, type TestHousehold } from "@/lib/participation/ballot-test-helpers";
import { answerOpinions } from "@/lib/reports/answer-opinions";

let commune: TestCommune;
let home: TestHousehold[];
let elsewhere: TestHousehold[];
let homeVillageId: string;

const inbox = (userId: string, kind: string) => db.notification.findMany({ where: { userId, kind }, select: { link: true, params: true } });
const texts = (userId: string, kind: string) => db.queuedText.findMany({ where: { userId, key: { startsWith: `${kind}:` } }, select: { phone: true, body: true } });

beforeAll(async () => {
  commune = await createTestCommune("Xã Báo Tin");
  const a = await createVillage(commune.communeId, { name: `Thôn Nhà ${randomUUID().slice(0, 4)}`, households: 4, accounts: 3 });
  const b = await createVillage(commune.communeId, { name: `Thôn Khác ${randomUUID().slice(0, 4)}`, households: 2, accounts: 2 });
  home = a.households;
  elsewhere = b.households;
  homeVillageId = a.villageId;
  // The first resident chose text messages; the others keep the inbox only.
  await db.user.update({ where: { id: home[0]!.userId! }, data: { textMessages: true } });
}, 120_000);

describe("a consultation opens in a village", () => {
  it("tells the village's residents when staff publish, by text to those who chose it, and nobody elsewhere", async () => {
    const draft = await createBallot({ communeId: commune.communeId, createdById: commune.staffId, title: "Làm cầu qua suối", villageIds: [homeVillageId] });
    await db.consultation.update({ where: { id: draft.consultationId }, data: { status: "DRAFT", publishedAt: null } });
    await publishConsultation(commune.staff, draft.consultationId);
    for (const h of home.slice(0, 3)) expect(await inbox(h.userId!, "consultationOpened")).toEqual([{ link: `/${(await slug())}/consultations/${draft.consultationId}`, params: { consultation: "Làm cầu qua suối" } }]);
    for (const h of elsewhere) expect(await inbox(h.userId!, "consultationOpened")).toEqual([]);
    const sent = await texts(home[0]!.userId!, "consultationOpened");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain("Lam cau qua suoi");
    expect(await texts(home[1]!.userId!, "consultationOpened")).toEqual([]);
    // Publishing again is refused, and tells nobody twice.
    await expect(publishConsultation(commune.staff, draft.consultationId)).rejects.toMatchObject({ status: 409 });
    expect(await inbox(home[0]!.userId!, "consultationOpened")).toHaveLength(1);
  });

  it("tells everyone in the commune when the scheduler publishes a commune-wide consultation, once", async () => {
    const scheduled = await createBallot({ communeId: commune.communeId, createdById: commune.staffId, title: "Quy ước xã" });
    await db.consultation.update({ where: { id: scheduled.consultationId }, data: { status: "SCHEDULED", publishAt: new Date(Date.now() - 1000), publishedAt: null } });
    await publishScheduledConsultations();
    await publishScheduledConsultations();
    const told = await db.notification.findMany({ where: { kind: "consultationOpened", link: { endsWith: scheduled.consultationId } }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([...home.slice(0, 3), ...elsewhere].map((h) => h.userId!).sort());
  });
});

describe("an opinion is replied to or answered", () => {
  it("tells the author of a reply by someone else, never of their own reply", async () => {
    const open = await createBallot({ communeId: commune.communeId, createdById: commune.staffId, title: "Chợ thôn", villageIds: [homeVillageId] });
    const base = { communeId: commune.communeId, consultationId: open.consultationId, stance: null, lat: null, lng: null, sectionId: null, photoId: null };
    const author = await accessOf(home[0]!.userId!, commune.communeId);
    const opinion = await postOpinion(author, { ...base, body: "Đề nghị mở chợ vào buổi sáng sớm.", stance: "SUPPORT", parentId: null });
    await postOpinion(author, { ...base, body: "Tôi bổ sung thêm: cả chiều thứ bảy.", parentId: opinion.id });
    expect(await inbox(home[0]!.userId!, "opinionReplied")).toEqual([]);
    await postOpinion(await accessOf(home[1]!.userId!, commune.communeId), { ...base, body: "Tôi đồng ý, nên có mái che.", parentId: opinion.id });
    expect(await inbox(home[0]!.userId!, "opinionReplied")).toHaveLength(1);
    expect(await texts(home[0]!.userId!, "opinionReplied")).toHaveLength(1);
    expect(await inbox(home[1]!.userId!, "opinionReplied")).toEqual([]);
  });

  it("tells each author once when staff answer, by the channel they chose", async () => {
    const open = await createBallot({ communeId: commune.communeId, createdById: commune.staffId, title: "Đèn đường", villageIds: [homeVillageId] });
    const base = { communeId: commune.communeId, consultationId: open.consultationId, stance: "OPPOSE" as const, lat: null, lng: null, sectionId: null, photoId: null, parentId: null };
    const ids: string[] = [];
    for (const [h, body] of [[home[0]!, "Đèn đường đặt quá thưa ở đầu thôn."], [home[0]!, "Cần thêm đèn ở ngã ba."], [home[2]!, "Đèn nên dùng năng lượng mặt trời."]] as const) {
      ids.push((await postOpinion(await accessOf(h.userId!, commune.communeId), { ...base, body })).id);
    }
    await answerOpinions(commune.staff, { communeId: commune.communeId, consultationId: open.consultationId, opinionIds: ids, kind: "TAKEN_ON_BOARD", body: "Tiếp thu: bổ sung đèn ở đầu thôn và ngã ba." });
    // Two opinions of the same person under one answer: one notice, pointing at the first.
    const first = await inbox(home[0]!.userId!, "opinionAnswered");
    expect(first).toHaveLength(1);
    expect(first[0]!.params).toMatchObject({ consultation: "Đèn đường", number: "1" });
    expect(await texts(home[0]!.userId!, "opinionAnswered")).toHaveLength(1);
    expect(await inbox(home[2]!.userId!, "opinionAnswered")).toHaveLength(1);
    expect(await texts(home[2]!.userId!, "opinionAnswered")).toEqual([]);
    expect(await inbox(home[1]!.userId!, "opinionAnswered")).toEqual([]);
  });
});

async function slug() {
  return (await db.commune.findUniqueOrThrow({ where: { id: commune.communeId }, select: { slug: true } })).slug;
}
