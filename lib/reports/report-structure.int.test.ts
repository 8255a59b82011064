// The summary report from a known data set: the law's structure I–IV, the table per village (households,
// taking part with the households present at the village meeting, agreeing, disagreeing, other), and the
// files as a reader gets them — "DỰ THẢO" on every page of a draft, no internal id anywhere — read back
// from the generated DOCX and PDF.
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { createConsultation } from "@/lib/consultations/create-consultation";
import { db } from "@/lib/db";
import { newConsultationValues } from "@/scripts/test/consultation-values";
import { accessAs, seedDemo, STAFF_EMAIL } from "@/scripts/test/fixtures";

import { reportFile } from "./report-file";
import { generateReport } from "./report-workflow";
import type { ReportSnapshot } from "./snapshot";

let staff: CommuneAccess;
let consultationId: string;
let reportId: string;
let snapshot: ReportSnapshot;
const villages: { id: string; name: string; households: string[] }[] = [];
const opinionIds: string[] = [];

/** Each page's text items with their height on the page (PDF points from the bottom). */
async function pdfPages(bytes: Buffer): Promise<{ str: string; y: number }[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { str: string; y: number }[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const items = (await (await pdf.getPage(n)).getTextContent()).items.flatMap((i) => ("str" in i && i.str.trim() ? [{ str: i.str, y: i.transform[5] as number }] : []));
    pages.push(items);
  }
  return pages;
}

async function docxParts(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)!.async("string")).replace(/<[^>]+>/g, "");
  const headers = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
  return { body: await text("word/document.xml"), headers: await Promise.all(headers.map(text)), all: (await Promise.all(Object.keys(zip.files).filter((f) => f.endsWith(".xml")).map(text))).join("\n") };
}

beforeAll(async () => {
  await seedDemo();
  staff = await accessAs(STAFF_EMAIL, "thien-tin", ["STAFF"]);
  // Two villages of the demo commune, with their households as the list stands.
  for (const v of await db.village.findMany({ where: { communeId: staff.communeId }, orderBy: { name: "asc" }, take: 2, select: { id: true, name: true } })) {
    const households = await db.household.findMany({ where: { villageId: v.id, isActive: true }, orderBy: { code: "asc" }, select: { id: true } });
    villages.push({ ...v, households: households.map((h) => h.id) });
  }
  const [a, b] = villages as [(typeof villages)[number], (typeof villages)[number]];
  expect(a.households.length).toBeGreaterThanOrEqual(8);
  expect(b.households.length).toBeGreaterThanOrEqual(4);
  const created = await createConsultation(staff, newConsultationValues(staff.communeId, { title: "Báo cáo mẫu: nâng cấp đường liên thôn", isCommuneWide: false, villageIds: [a.id, b.id] }));
  consultationId = created.id;
  await db.consultation.update({ where: { id: consultationId }, data: { status: "CLOSED", publishedAt: new Date(Date.now() - 40 * 86_400_000), closedAt: new Date() } });

  // Village A: a meeting with 6 households present, one of them speaking at it (counted within the 6);
  // 3 households on the web: support, oppose, and one that first opposed and then supported (its latest counts).
  const meeting = await db.meetingRecord.create({
    data: { communeId: staff.communeId, consultationId, villageId: a.id, heldAt: new Date(Date.now() - 10 * 86_400_000), form: "SHOW_OF_HANDS", householdsPresent: 6, householdsTotal: a.households.length, enteredById: staff.userId },
  });
  let number = 0;
  const opinion = async (householdId: string, villageId: string, stance: "SUPPORT" | "OPPOSE" | "OTHER" | null, channel: "WEB" | "MEETING", minutesAgo: number) => {
    const o = await db.opinion.create({
      data: {
        communeId: staff.communeId,
        consultationId,
        number: ++number,
        householdId,
        villageId,
        displayName: "Người dân",
        body: `Ý kiến mẫu số ${number} về đường liên thôn.`,
        stance,
        channel,
        meetingId: channel === "MEETING" ? meeting.id : null,
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
      },
      select: { id: true },
    });
    opinionIds.push(o.id);
  };
  await opinion(a.households[0]!, a.id, "SUPPORT", "MEETING", 50);
  await opinion(a.households[1]!, a.id, "SUPPORT", "WEB", 40);
  await opinion(a.households[2]!, a.id, "OPPOSE", "WEB", 30);
  await opinion(a.households[3]!, a.id, "OPPOSE", "WEB", 20);
  await opinion(a.households[3]!, a.id, "SUPPORT", "WEB", 10);
  // Village B: no meeting; two households, one of another opinion and one without a stance.
  await opinion(b.households[0]!, b.id, "OTHER", "WEB", 15);
  await opinion(b.households[1]!, b.id, null, "WEB", 5);

  const generated = await generateReport(staff, { communeId: staff.communeId, consultationId });
  reportId = generated.reportId;
  snapshot = (await db.reportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId, version: generated.version } }, select: { snapshot: true } })).snapshot as unknown as ReportSnapshot;
});

describe("the summary report from a known data set", () => {
  it("counts per village: households, taking part with the meeting's households present, agreeing, disagreeing, other", () => {
    const [a, b] = villages as [(typeof villages)[number], (typeof villages)[number]];
    const rowA = snapshot.participation.villages.find((v) => v.villageId === a.id)!;
    const rowB = snapshot.participation.villages.find((v) => v.villageId === b.id)!;
    // A: 3 households on the web outside the meeting + 6 present (the one who spoke there is among the 6).
    expect(rowA).toMatchObject({ households: a.households.length, participated: 4, atMeeting: 6, takingPart: 9, agree: 3, disagree: 1, other: 0 });
    expect(rowB).toMatchObject({ households: b.households.length, participated: 2, atMeeting: 0, takingPart: 2, agree: 0, disagree: 0, other: 2 });
    expect(snapshot.participation.totals).toMatchObject({ households: a.households.length + b.households.length, takingPart: 11, atMeeting: 6, agree: 3, disagree: 1, other: 2 });
    expect(snapshot.participation.positionsFrom).toEqual({ kind: "opinions" });
  });

  it("prints I–IV and the table in a draft DOCX, with DỰ THẢO in the header of every page and no internal id", async () => {
    const file = await reportFile(reportId, "docx", staff.userId);
    const { body, headers, all } = await docxParts(file.bytes);
    const order = ["I. CÁCH THỨC TỔ CHỨC LẤY Ý KIẾN", "II. KẾT QUẢ LẤY Ý KIẾN", "III. TIẾP THU, GIẢI TRÌNH Ý KIẾN", "IV. KIẾN NGHỊ, ĐỀ XUẤT"].map((h) => body.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    const [a] = villages;
    expect(body).toContain(`${a!.name}${a!.households.length}9`);
    // The first page's header and the others' (Word draws them on every page).
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(h).toContain("DỰ THẢO");
    for (const id of [...opinionIds, consultationId, reportId, ...villages.map((v) => v.id)]) expect(all).not.toContain(id);
  });

  it("prints DỰ THẢO at the top of every page of the draft PDF, and no internal id", async () => {
    const pages = await pdfPages((await reportFile(reportId, "pdf", staff.userId)).bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      // The mark is on the page's top line, above everything else on it.
      const top = Math.max(...page.map((i) => i.y));
      expect(page.filter((i) => i.y === top).map((i) => i.str).join(" ")).toContain("DỰ THẢO");
    }
    const text = pages.map((p) => p.map((i) => i.str).join(" ")).join(" ");
    expect(text).toContain("IV. KIẾN NGHỊ, ĐỀ XUẤT");
    for (const id of [...opinionIds, consultationId, reportId]) expect(text).not.toContain(id);
  });
});
