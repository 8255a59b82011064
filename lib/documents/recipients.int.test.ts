// The commune's own "Nơi nhận" lists (settings.recipients, set on the settings screen) reach the People's
// Committee's documents of that type, and only those; other issuers keep their lists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { PERIODIC_REPORT_RECIPIENTS } from "@/lib/periodic-reports/report-document";
import { periodicReportFile } from "@/lib/periodic-reports/periodic-report";
import { loadDisclosureList } from "@/lib/periodic-reports/routes";
import { communeId, seedDemo } from "@/scripts/test/fixtures";

import type { OfficialDocument } from "./model";
import { withCommuneRecipients } from "./recipients";

let commune: string;
let original: unknown;
const OWN_TB = ["Thường trực Đảng ủy xã", "Trưởng các thôn", "Lưu: VT"];

beforeAll(async () => {
  await seedDemo();
  commune = await communeId("thien-tin");
  original = (await db.commune.findUniqueOrThrow({ where: { id: commune }, select: { settings: true } })).settings;
  await db.commune.update({ where: { id: commune }, data: { settings: { ...(original as object), recipients: { TB: OWN_TB } } } });
});

afterAll(async () => {
  await db.commune.update({ where: { id: commune }, data: { settings: original as object } });
});

describe("the commune's own recipients", () => {
  it("are printed on its notices (TB), while its reports (BC), which have no list of their own, keep the default", async () => {
    const list = await loadDisclosureList(commune, "2026-Q3");
    expect(list.doc.type).toBe("TB");
    expect(list.doc.recipients).toEqual(OWN_TB);
    const report = await periodicReportFile(commune, "2026-Q3");
    expect(report.doc.type).toBe("BC");
    expect(report.doc.recipients).toEqual(PERIODIC_REPORT_RECIPIENTS);
  });

  it("leave documents of other issuers alone", () => {
    const doc = { issuerCode: "MTTQ", type: "TB", recipients: ["Chủ đầu tư", "Lưu: MTTQ"] } as unknown as OfficialDocument;
    expect(withCommuneRecipients(doc, { recipients: { TB: OWN_TB } }).recipients).toEqual(["Chủ đầu tư", "Lưu: MTTQ"]);
    expect(withCommuneRecipients({ ...doc, issuerCode: "UBND" }, { recipients: { TB: OWN_TB } }).recipients).toEqual(OWN_TB);
  });
});
