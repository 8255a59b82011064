import { createHash } from "node:crypto";

import { check } from "@placemarkio/check-geojson";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { GET as getCsv } from "@/app/api/open-data/consultations.csv/route";
import { GET as getGeojson } from "@/app/api/open-data/consultations.geojson/route";
import { GET as getFeed } from "@/app/feed.xml/route";
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { createBallot } from "@/lib/participation/ballot-test-helpers";
import { hasMetadata, jpegWithGps } from "@/lib/storage/testing/gps-photo";
import { accessAs, communeId, OTHER_STAFF_EMAIL, RESIDENT_PHONE, STAFF_EMAIL, seedDemo, userId } from "@/scripts/test/fixtures";

import { listFeedItems } from "./list-feed-items";
import { listOpenConsultations } from "./list-open-consultations";
import { getRegisterEntry, getStaffPostingsEntry, listRegister, listRegisterYears } from "./list-register";
import { loudspeakerTextFor } from "./loudspeaker-for";
import { loadPublicPostingPhoto, savePostingPhoto } from "./posting-photo";
import { recordPosting, updatePosting } from "./record-posting";
import { type PostingValues, postingSchema, postingUpdateSchema } from "./schemas";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => toVnDate(new Date(Date.now() - n * DAY));
// The smallest real PNG and a PDF, by their first bytes.
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e5b1b40000000049454e44ae426082", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let thienTin: string;
let nghiaHanh: string;
let road: { id: string };
let draft: { id: string };

const values = (overrides: Partial<PostingValues>) =>
  postingSchema.parse({
    communeId: thienTin,
    consultationId: road.id,
    channel: "NOTICE_BOARD",
    location: "Nhà văn hóa thôn Long Bình",
    startsAt: daysAgo(6),
    endsAt: null,
    broadcastDates: [],
    photoId: null,
    note: "",
    ...overrides,
  });

beforeAll(async () => {
  await seedDemo();
  thienTin = await communeId("thien-tin");
  nghiaHanh = await communeId("nghia-hanh");
  road = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, title: { startsWith: "Nâng cấp, mở rộng tuyến đường" } }, select: { id: true } });
  draft = await db.consultation.findFirstOrThrow({ where: { communeId: thienTin, status: "DRAFT" }, select: { id: true } });
});

describe("who may record postings", () => {
  const cases: [string, boolean][] = [
    ["canbo@thientin.danban.local", true],
    ["chutich@thientin.danban.local", true],
    ["admin@danban.local", true],
    ["truongthon.phukhuong@thientin.danban.local", false],
    ["mttq@thientin.danban.local", false],
    [RESIDENT_PHONE, false],
    [OTHER_STAFF_EMAIL, false],
  ];
  it.each(cases)("%s: %s", async (who, allowed) => {
    // The same check the server action and the upload route make.
    const check = requireCommuneAccess(await userId(who), thienTin, STAFF_ROLES, { write: true });
    if (allowed) await expect(check).resolves.toMatchObject({ communeId: thienTin });
    else await expect(check).rejects.toMatchObject({ code: "forbidden", status: 403 });
  });

  it("staff of another commune reach nothing of this one, whatever ids they send", async () => {
    const other = await accessAs(OTHER_STAFF_EMAIL, "nghia-hanh", ["STAFF"]);
    const before = await db.disclosurePosting.count();
    await expect(recordPosting(other, values({ communeId: nghiaHanh }))).rejects.toMatchObject({ code: "consultationNotFound", status: 404 });
    const photo = await savePostingPhoto(await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]), { name: "bang-tin.png", data: PNG });
    const canal = await db.consultation.findFirstOrThrow({ where: { communeId: nghiaHanh }, select: { id: true } });
    await expect(recordPosting(other, values({ communeId: nghiaHanh, consultationId: canal.id, photoId: photo.id }))).rejects.toMatchObject({ code: "photoNotFound", status: 422 });
    expect(await db.disclosurePosting.count()).toBe(before);
  });
});

describe("recording postings", () => {
  it("records a notice-board posting with its photo, in the audit chain, and shows the photo only through its commune", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    // A phone's photo: its GPS position must not reach the public (lib/storage/clean-image.ts).
    const original = await jpegWithGps();
    const photo = await savePostingPhoto(staff, { name: "C:\\Ảnh\\bảng tin Long Bình.jpg", data: original });
    expect(photo).toMatchObject({ kind: "POSTING_PHOTO", mimeType: "image/jpeg", fileName: "bảng tin Long Bình.jpg" });
    const posting = await recordPosting(staff, values({ photoId: photo.id, endsAt: daysAgo(-24) }));
    expect(posting).toMatchObject({ channel: "NOTICE_BOARD", location: "Nhà văn hóa thôn Long Bình", photoId: photo.id });

    const events = await db.auditEvent.findMany({ where: { entityId: { in: [photo.id, posting.id] } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => `${e.action}/${e.actorRole}`)).toEqual(["attachment.upload/STAFF", "disclosure.posting.record/STAFF"]);

    const served = await loadPublicPostingPhoto("thien-tin", posting.id);
    expect(served?.mimeType).toBe("image/jpeg");
    expect(served!.data.equals(original)).toBe(false);
    expect(await hasMetadata(served!.data)).toBe(false);
    expect(served?.sha256).toBe(createHash("sha256").update(served!.data).digest("hex"));
    expect(await loadPublicPostingPhoto("nghia-hanh", posting.id)).toBeNull();
    expect(await loadPublicPostingPhoto("no-such-commune", posting.id)).toBeNull();
  });

  it("refuses a photo that is not an image, whatever its name, and stores nothing", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const before = await db.attachment.count();
    await expect(savePostingPhoto(staff, { name: "anh.png", data: PDF })).rejects.toMatchObject({ code: "uploadTypeNotAllowed", status: 415, params: { allowed: "JPG, PNG, WEBP" } });
    expect(await db.attachment.count()).toBe(before);
  });

  it("records loudspeaker days, then adds a day as it is broadcast, keeping the old record in the audit log", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const posting = await recordPosting(staff, values({ channel: "LOUDSPEAKER", location: "", startsAt: null, broadcastDates: [daysAgo(2), daysAgo(1)] }));
    expect(posting.location).toBe("Đài truyền thanh xã");
    let { entry } = await getStaffPostingsEntry({ id: thienTin, slug: "thien-tin", settings: {} }, road.id);
    expect(entry!.compliance.broadcast).toMatchObject({ required: true, status: "inProgress", run: { days: 2 } });

    const update = postingUpdateSchema.parse({ ...values({ channel: "LOUDSPEAKER", location: "Đài truyền thanh xã", startsAt: null, broadcastDates: [daysAgo(2), daysAgo(1), daysAgo(0)] }), postingId: posting.id });
    await updatePosting(staff, update);
    ({ entry } = await getStaffPostingsEntry({ id: thienTin, slug: "thien-tin", settings: {} }, road.id));
    expect(entry!.compliance.broadcast).toMatchObject({ status: "met", run: { days: 3, from: daysAgo(2), to: daysAgo(0) } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: posting.id, action: "disclosure.posting.update" } });
    expect(audit.beforeDigest).not.toBe(audit.afterDigest);

    await expect(updatePosting(staff, { ...update, channel: "NOTICE_BOARD", location: "Trụ sở", startsAt: daysAgo(1), broadcastDates: [] })).rejects.toMatchObject({ code: "postingChannelFixed" });
  });

  it("refuses what has not happened yet, a draft, and a record of another consultation's posting", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    const before = await db.disclosurePosting.count();
    await expect(recordPosting(staff, values({ channel: "LOUDSPEAKER", startsAt: null, broadcastDates: [daysAgo(1), daysAgo(-1)] }))).rejects.toMatchObject({ code: "broadcastDateInFuture", status: 422, params: { date: daysAgo(-1) } });
    await expect(recordPosting(staff, values({ startsAt: daysAgo(-2) }))).rejects.toMatchObject({ code: "postingStartsInFuture", status: 422 });
    await expect(recordPosting(staff, values({ consultationId: draft.id }))).rejects.toMatchObject({ code: "postingOnDraft", status: 409 });
    const existing = await db.disclosurePosting.findFirstOrThrow({ where: { consultationId: road.id }, select: { id: true } });
    // A closed consultation of its own: the seeded closed one is for the report workflow's tests.
    const { consultationId: planId } = await createBallot({ communeId: thienTin, createdById: staff.userId, title: "Kế hoạch thử nghiệm đã đóng (sổ công khai)", opensIn: -40, closesIn: -5 });
    const plan = await db.consultation.update({ where: { id: planId }, data: { status: "CLOSED", closedAt: new Date(Date.now() - 5 * DAY) }, select: { id: true } });
    await expect(updatePosting(staff, { ...postingUpdateSchema.parse({ ...values({}), postingId: existing.id }), consultationId: plan.id })).rejects.toMatchObject({ code: "postingNotFound", status: 404 });
    expect(await db.disclosurePosting.count()).toBe(before);
  });

  it("the schema explains what each channel needs", () => {
    const base = { communeId: "c", consultationId: "x", location: "", startsAt: null, endsAt: null, broadcastDates: [], photoId: null, note: "" };
    const issues = (v: object) => postingSchema.safeParse(v).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues({ ...base, channel: "NOTICE_BOARD" })).toEqual(["location:postingLocationRequired", "startsAt:required"]);
    expect(issues({ ...base, channel: "LOUDSPEAKER" })).toEqual(["broadcastDates:broadcastDatesRequired"]);
    expect(issues({ ...base, channel: "LOUDSPEAKER", broadcastDates: ["2026-12-01", "2026-12-01"] })).toEqual(["broadcastDates:broadcastDateTwice"]);
    expect(issues({ ...base, channel: "WEB_PORTAL", location: "x", startsAt: "2026-12-01" })).toEqual(["channel:postingChannelInvalid"]);
    expect(issues({ ...base, channel: "VILLAGE_HEAD", location: "Trưởng thôn", startsAt: "2026-12-05", endsAt: "2026-12-01" })).toEqual(["endsAt:periodEndsBeforeStart"]);
    expect(issues({ ...base, channel: "NOTICE_BOARD", location: "Trụ sở", startsAt: "2026-02-30" })).toEqual(["startsAt:invalidDate"]);
  });
});

describe("the register", () => {
  it("lists every published item with its web posting and recorded postings, never a draft", async () => {
    const commune = await db.commune.findUniqueOrThrow({ where: { id: thienTin }, select: { id: true, slug: true, settings: true } });
    const years = await listRegisterYears(thienTin);
    expect(years.length).toBeGreaterThan(0);
    const entries = (await Promise.all(years.map((y) => listRegister(commune, y)))).flat();
    // Scheduled items (other test files schedule some) are not yet published, so not in the register.
    const published = await db.consultation.count({ where: { communeId: thienTin, status: { notIn: ["DRAFT", "SCHEDULED"] } } });
    expect(entries.filter((e) => e.kind === "consultation")).toHaveLength(published);
    expect(entries.some((e) => e.id === draft.id)).toBe(false);
    expect(await getRegisterEntry(commune, draft.id)).toBeNull();

    const roadEntry = entries.find((e) => e.id === road.id)!;
    expect(roadEntry.postings.map((p) => p.channel)).toEqual(["WEB_PORTAL", "NOTICE_BOARD", "LOUDSPEAKER"]);
    expect(roadEntry.postings[0]).toMatchObject({ isDerived: true, location: `/thien-tin/consultations/${road.id}` });
    expect(roadEntry.postings[1]).toMatchObject({ hasPhoto: true, location: "Nhà văn hóa thôn Long Bình" });
    // Seeded six days ago for 31 days: running; the broadcasts made three consecutive days.
    expect(roadEntry.compliance).toMatchObject({ posting: "inProgress", broadcast: { status: "met" }, overall: "inProgress" });
    expect(roadEntry.compliance.requirement).toMatchObject({ minPostingDays: 30, postingRule: "accessToInformation", broadcastRule: "broadcastArt13" });

    // The closed plan ran its 31 days on the web portal; no broadcast was required.
    // (Found by its title: report-workflow.int.test.ts, running alongside, may have taken it on to SUMMARISED.)
    const closed = entries.find((e) => e.title === "Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026")!;
    expect(closed.compliance).toMatchObject({ posting: "met", broadcast: { status: "notRequired" }, overall: "met" });
    // Nothing of the other commune.
    const theirs = await db.consultation.findMany({ where: { communeId: nghiaHanh }, select: { id: true } });
    expect(entries.some((e) => theirs.some((t) => t.id === e.id))).toBe(false);
  });

  it("takes outcome notices in as their own entries, with their postings, once they are published", async () => {
    const staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
    // A closed consultation of its own: the seeded closed one is for the report workflow's tests.
    const { consultationId: planId } = await createBallot({ communeId: thienTin, createdById: staff.userId, title: "Kế hoạch thử nghiệm đã đóng (sổ công khai)", opensIn: -40, closesIn: -5 });
    const plan = await db.consultation.update({ where: { id: planId }, data: { status: "CLOSED", closedAt: new Date(Date.now() - 5 * DAY) }, select: { id: true } });
    const report = await db.report.create({ data: { communeId: thienTin, consultationId: plan.id, status: "PUBLISHED", createdById: staff.userId }, select: { id: true } });
    const notice = await db.outcomeNotice.create({
      data: {
        communeId: thienTin,
        consultationId: plan.id,
        reportId: report.id,
        status: "PUBLISHED",
        title: "Kết quả lấy ý kiến về Kế hoạch phát triển kinh tế - xã hội năm 2026",
        body: "UBND xã tiếp thu ý kiến về bê tông hóa kênh mương nội đồng.",
        loudspeakerText: "Thông báo của Ủy ban nhân dân xã Thiện Tín.",
        // Published just now: newer than anything other test files published before.
        publishedAt: new Date(),
        createdById: staff.userId,
      },
      select: { id: true },
    });
    await db.disclosurePosting.create({ data: { communeId: thienTin, noticeId: notice.id, channel: "NOTICE_BOARD", location: "Trụ sở UBND xã", startsAt: new Date(Date.now() - 3 * DAY), recordedById: staff.userId } });

    const commune = await db.commune.findUniqueOrThrow({ where: { id: thienTin }, select: { id: true, slug: true, settings: true } });
    const entry = await getRegisterEntry(commune, notice.id);
    expect(entry).toMatchObject({ kind: "notice", consultationId: plan.id, compliance: { posting: "inProgress" } });
    expect(entry!.postings.map((p) => `${p.channel}${p.isDerived ? "*" : ""}`)).toEqual(["WEB_PORTAL*", "NOTICE_BOARD"]);
    const feed = await listFeedItems(thienTin);
    // The newest publication comes first.
    expect(feed[0]).toMatchObject({ kind: "notice", id: notice.id });
  });
});

describe("loudspeaker text", () => {
  it("is built from the consultation, its villages, channels and notice boards, and fits two minutes", async () => {
    const text = (await loudspeakerTextFor(thienTin, road.id))!;
    expect(text.text).toContain("Thông báo của Ủy ban nhân dân xã Thiện Tín.");
    expect(text.text).toMatch(/Phạm vi: các thôn (Long Bình|Phú Khương|Tân Hòa), (Long Bình|Phú Khương|Tân Hòa) và (Long Bình|Phú Khương|Tân Hòa)\./);
    expect(text.text).toContain("niêm yết tại Nhà văn hóa thôn Long Bình.");
    expect(text.text).toMatch(/Thời gian nhận ý kiến từ ngày \d{1,2} tháng \d{1,2} năm \d{4} đến hết ngày \d{1,2} tháng \d{1,2} năm \d{4}\./);
    expect(text.words).toBeLessThanOrEqual(220);
    expect(text.seconds).toBeLessThan(120);
    expect(await loudspeakerTextFor(nghiaHanh, road.id)).toBeNull();
  });
});

describe("open data", () => {
  it("holds every published consultation and no draft; the commune filter keeps out the other commune", async () => {
    const all = await listOpenConsultations();
    const published = await db.consultation.count({ where: { status: { in: ["PUBLISHED", "CLOSED", "SUMMARISED", "OUTCOME_PUBLISHED"] } } });
    expect(all).toHaveLength(published);
    expect(all.some((c) => c.id === draft.id)).toBe(false);
    const mine = await listOpenConsultations(thienTin);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.communeSlug === "thien-tin")).toBe(true);
    expect((await listOpenConsultations(nghiaHanh)).every((c) => c.communeSlug === "nghia-hanh")).toBe(true);
    expect(mine.find((c) => c.id === road.id)?.villages.sort()).toEqual(["Long Bình", "Phú Khương", "Tân Hòa"]);
  });

  it("serves GeoJSON, CSV and the feed over HTTP with open-data headers, and 404 for an unknown commune", async () => {
    const geo = await getGeojson(new Request("http://localhost/api/open-data/consultations.geojson?commune=thien-tin"));
    expect(geo.status).toBe(200);
    expect(geo.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    expect(geo.headers.get("access-control-allow-origin")).toBe("*");
    expect(geo.headers.get("cache-control")).toMatch(/^public, max-age=300/);
    const collection = check(await geo.text());
    expect(collection.type).toBe("FeatureCollection");

    const csv = await getCsv(new Request("http://localhost/api/open-data/consultations.csv"));
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="danban-all-consultations.csv"');
    const body = Buffer.from(await csv.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body.toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    // Both demo communes (other test files add communes of their own), one row per open consultation.
    expect([...new Set(rows.map((r) => r.commune))]).toEqual(expect.arrayContaining(["thien-tin", "nghia-hanh"]));
    expect(rows).toHaveLength(await db.consultation.count({ where: { status: { in: ["PUBLISHED", "CLOSED", "SUMMARISED", "OUTCOME_PUBLISHED"] } } }));

    for (const [handler, path] of [[getGeojson, "/api/open-data/consultations.geojson"], [getCsv, "/api/open-data/consultations.csv"], [getFeed, "/feed.xml"]] as const) {
      const missing = await handler(new Request(`http://localhost${path}?commune=khong-co`));
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: "communeNotFound", message: "Không tìm thấy xã.", params: {}, fields: {} });
    }
    const english = await getCsv(new Request("http://localhost/api/open-data/consultations.csv?commune=nowhere", { headers: { "accept-language": "en-GB,en" } }));
    expect((await english.json()).message).toBe("Commune not found.");
  });

  it("never carries a person's name, phone, e-mail, address or household code", async () => {
    const [geo, csv, feed] = await Promise.all([
      getGeojson(new Request("http://localhost/api/open-data/consultations.geojson")).then((r) => r.text()),
      getCsv(new Request("http://localhost/api/open-data/consultations.csv")).then((r) => r.text()),
      getFeed(new Request("http://localhost/feed.xml")).then((r) => r.text()),
    ]);
    const users = await db.user.findMany({ select: { name: true, phone: true, email: true } });
    const households = await db.household.findMany({ select: { code: true, address: true }, take: 500 });
    const residents = await db.resident.findMany({ select: { fullName: true }, take: 2000 });
    const personal = [
      ...users.flatMap((u) => [u.name, u.phone, u.phone?.replace("+84", "0"), u.email]),
      ...households.flatMap((h) => [h.code, h.address]),
      ...residents.map((r) => r.fullName),
    ].filter((v): v is string => Boolean(v) && v!.length > 5);
    for (const output of [geo, csv, feed]) {
      const leaked = personal.filter((p) => output.includes(p));
      expect(leaked).toEqual([]);
    }
    expect(csv).not.toContain("Đóng góp xây dựng nhà văn hóa thôn Nhơn Lộc 1");
    expect(feed).not.toContain("Đóng góp xây dựng nhà văn hóa thôn Nhơn Lộc 1");
  });
});
