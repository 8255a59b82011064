// A commune set up from nothing through lib/setup (not the seed): created with villages from a GeoJSON
// file, more villages from a KML file and a zipped Shapefile, an overlap refused, its first staff
// member named, a consultation published in it; and the settings screen's floors at their boundary.
import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { createPlatformAdmin } from "@/lib/accounts/create-admin";
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { createConsultation } from "@/lib/consultations/create-consultation";
import { getPublicConsultation } from "@/lib/consultations/get-consultation";
import { defaultCommentPeriod } from "@/lib/consultations/periods";
import { publishConsultation } from "@/lib/consultations/publish-consultation";
import { consultationSchema } from "@/lib/consultations/schemas";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { sealPendingAudit } from "@/lib/oversight/seal";
import { type CommuneSettings, readSettings } from "@/lib/settings";

import { readBoundaryFile } from "./boundary-files";
import { villagesFromFeatures } from "./boundaries";
import { readCommuneSettings, saveCommuneSettings } from "./commune-settings";
import { addVillages, createCommune } from "./create-commune";
import { grantFirstMember } from "./first-member";
import { requirePlatformAdmin } from "./platform-admin";
import { createCommuneSchema } from "./schemas";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "fixtures", name)));
const villagesOf = async (name: string) => villagesFromFeatures((await readBoundaryFile(fixture(name))).collection);

let adminId: string;
let staffId: string;
let communeId: string;

beforeAll(async () => {
  adminId = (await createPlatformAdmin(db, { email: "platform@setup.test", password: "mat-khau-dai-2026", name: "Quản trị tỉnh" })).id;
  staffId = (
    await db.user.create({
      data: { name: "Trần Thị Cán Bộ", displayName: "Cán bộ", email: "canbo@songvan.test", emailVerifiedAt: new Date(), passwordHash: await hashPassword("mat-khau-dai-2026") },
      select: { id: true },
    })
  ).id;
});

describe("reading boundary files", () => {
  it("reads villages from GeoJSON, KML and a zipped Shapefile, with their names and kinds", async () => {
    expect((await readBoundaryFile(fixture("two-villages.geojson"))).kind).toBe("geojson");
    expect((await villagesOf("two-villages.geojson")).map((v) => [v.name, v.kind])).toEqual([["Đông Sơn", "THON"], ["Tây Sơn", "THON"]]);
    const kml = await readBoundaryFile(fixture("village.kml"));
    expect(kml.kind).toBe("kml");
    expect(villagesFromFeatures(kml.collection).map((v) => [v.name, v.kind, v.boundary.type])).toEqual([["Bắc Sơn", "THON", "Polygon"]]);
    const shp = await readBoundaryFile(fixture("village-shapefile.zip"));
    expect(shp.kind).toBe("shapefile");
    const [south] = villagesFromFeatures(shp.collection);
    expect(south).toMatchObject({ name: "Nam Sơn", kind: "TO_DAN_PHO" });
    expect(south!.boundary.coordinates[0]).toContainEqual([108.7, 14.99]);
  });

  it("refuses a file that is none of them, and a zip that would unpack too large", async () => {
    await expect(readBoundaryFile(new TextEncoder().encode("Tên thôn;Ranh giới"))).rejects.toMatchObject({ code: "boundaryFileUnreadable", status: 422 });
    await expect(readBoundaryFile(new TextEncoder().encode('{"type":"Point","coordinates":[1,2]}'))).rejects.toMatchObject({ code: "boundaryFileNotGeoJson" });
    // A forged central directory claiming 4 GB unpacked.
    const zip = fixture("village-shapefile.zip").slice();
    const view = new DataView(zip.buffer);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        view.setUint32(view.getUint32(i + 16, true) + 24, 0xfffffff0, true);
        break;
      }
    }
    await expect(readBoundaryFile(zip)).rejects.toMatchObject({ code: "boundaryFileTooLarge" });
  });
});

describe("a commune created from nothing", () => {
  it("is created by a platform administrator only, with its villages and a boundary that is their union", async () => {
    const admin = await requirePlatformAdmin(adminId);
    await expect(requirePlatformAdmin(staffId)).rejects.toMatchObject({ status: 403 });
    const values = createCommuneSchema.parse({
      slug: "song-van",
      name: "Sông Vân",
      province: "Quảng Ngãi",
      address: "Thôn Đông Sơn, xã Sông Vân, tỉnh Quảng Ngãi",
      committeeName: "Ủy ban nhân dân xã Sông Vân",
      frontName: "Ủy ban Mặt trận Tổ quốc Việt Nam xã Sông Vân",
      villages: await villagesOf("two-villages.geojson"),
    });
    const commune = await createCommune(admin, values);
    communeId = commune.id;
    const row = await db.commune.findUniqueOrThrow({ where: { id: communeId }, include: { villages: { orderBy: { name: "asc" } } } });
    expect(row).toMatchObject({ slug: "song-van", committeeName: "Ủy ban nhân dân xã Sông Vân", isDemo: false });
    expect(row.centerLat).toBeCloseTo(15.005, 6);
    expect(row.centerLng).toBeCloseTo(108.71, 6);
    expect((row.boundary as { type: string }).type).toBe("Polygon");
    expect(row.villages.map((v) => v.name).sort()).toEqual(["Tây Sơn", "Đông Sơn"].sort());

    await expect(createCommune(admin, values)).rejects.toMatchObject({ code: "communeSlugTaken", status: 409 });
    expect(() => createCommuneSchema.parse({ ...values, slug: "admin" })).toThrow("communeSlugReserved");
  });

  it("adds villages from KML and a Shapefile, and refuses one that overlaps, naming both villages", async () => {
    const admin = await requirePlatformAdmin(adminId);
    // The commune's boundary is the union of its first two villages: a village beyond it is outside.
    await expect(addVillages(admin, { communeId, villages: await villagesOf("village.kml") })).rejects.toMatchObject({ code: "villageOutsideCommune", params: { name: "Bắc Sơn" } });
    await db.commune.update({ where: { id: communeId }, data: { boundary: { type: "Polygon", coordinates: [[[108.69, 14.98], [108.73, 14.98], [108.73, 15.03], [108.69, 15.03], [108.69, 14.98]]] } } });
    await expect(addVillages(admin, { communeId, villages: await villagesOf("village.kml") })).resolves.toEqual({ added: 1 });
    await expect(addVillages(admin, { communeId, villages: await villagesOf("village-shapefile.zip") })).resolves.toEqual({ added: 1 });
    await expect(addVillages(admin, { communeId, villages: await villagesOf("overlapping-village.geojson") })).rejects.toMatchObject({ code: "villagesOverlap", status: 422, params: { name: "Đông Sơn", other: "Chồng Lấn" } });
    await expect(addVillages(admin, { communeId, villages: await villagesOf("village.kml") })).rejects.toMatchObject({ code: "villageNameTwice" });
    const bowtie = { type: "Polygon" as const, coordinates: [[[108.695, 15.0], [108.699, 15.004], [108.699, 15.0], [108.695, 15.004], [108.695, 15.0]]] };
    await expect(addVillages(admin, { communeId, villages: [{ name: "Nơ", kind: "THON", boundary: bowtie }] })).rejects.toMatchObject({ code: "boundaryInvalid" });
    const metres = { type: "Polygon" as const, coordinates: [[[560000, 1650000], [561000, 1650000], [561000, 1651000], [560000, 1650000]]] };
    await expect(addVillages(admin, { communeId, villages: [{ name: "VN-2000", kind: "THON", boundary: metres }] })).rejects.toMatchObject({ code: "boundaryNotDegrees" });
    expect(await db.village.count({ where: { communeId } })).toBe(4);
  });

  it("names its first staff member, who publishes a consultation in it", async () => {
    const admin = await requirePlatformAdmin(adminId);
    await expect(grantFirstMember(admin, { communeId, identifier: "nobody@songvan.test", role: "STAFF" })).rejects.toMatchObject({ code: "officialAccountNotFound" });
    await grantFirstMember(admin, { communeId, identifier: "CANBO@songvan.test", role: "STAFF" });
    await expect(grantFirstMember(admin, { communeId, identifier: "canbo@songvan.test", role: "STAFF" })).rejects.toMatchObject({ code: "roleAlreadyHeld" });
    const staff = await requireCommuneAccess(staffId, communeId, ["STAFF"], { write: true });
    const village = await db.village.findFirstOrThrow({ where: { communeId, name: "Tây Sơn" }, select: { id: true } });
    const created = await createConsultation(
      staff,
      consultationSchema.parse({
        communeId,
        title: "Mở rộng đường liên thôn Tây Sơn",
        summary: "Lấy ý kiến Nhân dân về hướng tuyến mở rộng đường.",
        matterKind: "CONSULTATION",
        legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
        subject: "PROJECT",
        isCommuneWide: false,
        villageIds: [village.id],
        allowedChannels: ["WEB", "MEETING"],
        ...defaultCommentPeriod(30),
        postingStartsAt: null,
        postingEndsAt: null,
        legalBasis: "Luật Thực hiện dân chủ ở cơ sở 2022",
        responsibleOfficer: "Văn phòng UBND xã",
        sections: [{ heading: "Hướng tuyến", body: "Theo bờ kênh phía tây." }],
        geometry: { type: "FeatureCollection", features: [{ type: "Feature", properties: { label: "Tuyến đường" }, geometry: { type: "LineString", coordinates: [[108.712, 15.002], [108.718, 15.008]] } }] },
        showResultsLive: false,
        requiresBroadcast: false,
        onlineVoteNoticeGiven: false,
      }),
    );
    await publishConsultation(staff, created.id);
    expect(await getPublicConsultation(communeId, created.id)).toMatchObject({ status: "PUBLISHED", title: "Mở rộng đường liên thôn Tây Sơn" });
    await sealPendingAudit(communeId);
    const actions = (await db.auditEvent.findMany({ where: { communeId }, orderBy: { seq: "asc" }, select: { action: true, actorRole: true } })).map((e) => e.action);
    expect(actions).toEqual(["commune.create", "village.create", "village.create", "membership.grant", "consultation.create", "consultation.publish"]);
  });
});

describe("the settings screen's floors", () => {
  const base = () => readSettings({});

  it("accepts every figure exactly at its legal floor, and refuses one below it citing the law", async () => {
    await db.membership.create({ data: { userId: adminId, communeId, role: "ADMIN", status: "VERIFIED", verificationMethod: "APPOINTED", verifiedAt: new Date() } });
    const access = await requireCommuneAccess(adminId, communeId, ["ADMIN"], { write: true });
    const atFloor = {
      ...base(),
      lateEntryDays: 5,
      legal: {
        CONSULTATION_OTHER: { minCommentDays: 30, minPostingDays: 30 },
        CONSULTATION_LAND_USE_PLAN: { minCommentDays: 45 },
        CONSULTATION_PLANNING: { minCommentDays: 20, maxCommentDays: 30 },
        DECISION_COMMUNITY_FUNDS: { thresholdPercent: 66.67 },
        DECISION_VILLAGE_HEAD: { thresholdPercent: 50 },
      },
      recipients: { BC: ["Thường trực HĐND xã", "Ủy ban MTTQ Việt Nam xã", "Lưu: VT"] },
    };
    // The numbering mode is chosen on the register page: the screen's save keeps it as stored.
    const stored = (await db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { settings: true } })).settings as object;
    await db.commune.update({ where: { id: communeId }, data: { settings: { ...stored, documentNumbering: "TYPED" } } });
    await saveCommuneSettings(access, { ...atFloor, documentNumbering: undefined } as unknown as typeof atFloor);
    const { settings, problems } = await readCommuneSettings(communeId);
    expect(problems).toEqual([]);
    expect(settings.documentNumbering).toBe("TYPED");
    expect(settings.legal.DECISION_COMMUNITY_FUNDS).toEqual({ thresholdPercent: 66.67 });
    expect(settings.recipients.BC).toHaveLength(3);

    const below = async (legal: CommuneSettings["legal"]) => saveCommuneSettings(access, { ...atFloor, lateEntryDays: 9, legal });
    await expect(below({ CONSULTATION_OTHER: { minCommentDays: 29 } })).rejects.toMatchObject({ code: "settingBelowFloor", status: 422, params: { floor: 30 }, fields: { "legal.CONSULTATION_OTHER.minCommentDays": "settingBelowFloor" } });
    await expect(below({ CONSULTATION_OTHER: { minPostingDays: 29 } })).rejects.toMatchObject({ code: "settingBelowFloor", params: { floor: 30, law: expect.stringContaining("Điều 21") } });
    await expect(below({ CONSULTATION_LAND_USE_PLAN: { minCommentDays: 44 } })).rejects.toMatchObject({ params: { floor: 45, law: expect.stringContaining("Đất đai") } });
    await expect(below({ CONSULTATION_PLANNING: { maxCommentDays: 31 } })).rejects.toMatchObject({ code: "settingAboveCeiling", params: { floor: 30 } });
    await expect(below({ DECISION_COMMUNITY_FUNDS: { thresholdPercent: 66.66 } })).rejects.toMatchObject({ params: { floor: 66.67, law: expect.stringContaining("Điều 21") } });
    await expect(below({ DECISION_VILLAGE_HEAD: { thresholdPercent: 49.99 } })).rejects.toMatchObject({ params: { floor: 50 } });
    await expect(below({ DISCLOSURE_INVESTMENT_LAND: { requiresBroadcast: false } })).rejects.toMatchObject({ code: "settingBroadcastRequired" });
    // A refusal stores nothing: the figures saved before stay, the late-entry window too.
    expect((await readCommuneSettings(communeId)).settings.lateEntryDays).toBe(5);
  });

  it("reports a bad stored key and keeps the others", async () => {
    await db.commune.update({ where: { id: communeId }, data: { settings: { lateEntryDays: 6, opinionMaxLength: "long", extraHolidays: ["2026-12-24"] } } });
    const { settings, problems } = await readCommuneSettings(communeId);
    expect(settings).toMatchObject({ lateEntryDays: 6, extraHolidays: ["2026-12-24"], opinionMaxLength: 5000 });
    expect(problems).toEqual([{ key: "opinionMaxLength", value: "long" }]);
  });
});
