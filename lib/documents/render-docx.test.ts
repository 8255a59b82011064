import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

import { signatureFor } from "./model";
import { renderDocx } from "./render-docx";
import { sampleReport } from "./testing/sample-document";

type Para = { xml: string; text: string };

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The paragraphs of a WordprocessingML part, each with its XML and its text. */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({ xml: p, text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")) }));
}

async function writeAndRead(doc: ReturnType<typeof sampleReport>) {
  const dir = mkdtempSync(path.join(tmpdir(), "danban-docx-"));
  const file = path.join(dir, "bao-cao.docx");
  writeFileSync(file, await renderDocx(doc));
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = async (name: string) => zip.file(name)!.async("string");
  const documentXml = await part("word/document.xml");
  const rels = await part("word/_rels/document.xml.rels");
  const headerOf = async (type: string) => {
    const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(documentXml)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    return part(`word/${target}`);
  };
  return { documentXml, paras: paragraphs(documentXml), headerDefault: await headerOf("default"), headerFirst: await headerOf("first") };
}

const find = (paras: Para[], text: string) => {
  const p = paras.find((x) => x.text === text);
  if (!p) throw new Error(`No paragraph "${text}" in:\n${paras.map((x) => x.text).join("\n")}`);
  return p;
};
const isBold = (p: Para) => /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(p.xml);
const isItalic = (p: Para) => /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(p.xml);
const sizePt = (p: Para) => Number(/<w:sz w:val="(\d+)"\/>/.exec(p.xml)![1]) / 2;
const alignment = (p: Para) => /<w:jc w:val="(\w+)"\/>/.exec(p.xml)?.[1];

describe("renderDocx: a Decree 30 report, read back from the file", () => {
  let file: Awaited<ReturnType<typeof writeAndRead>>;
  beforeAll(async () => {
    file = await writeAndRead(sampleReport());
  });

  it("is A4 portrait with the decree's margins and Times New Roman", () => {
    const { documentXml } = file;
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margin = (side: string) => Number(new RegExp(`<w:pgMar[^>]* w:${side}="(\\d+)"`).exec(documentXml)![1]) / 56.692913;
    expect(margin("top")).toBeGreaterThanOrEqual(19.99);
    expect(margin("top")).toBeLessThanOrEqual(25.01);
    expect(margin("bottom")).toBeGreaterThanOrEqual(19.99);
    expect(margin("bottom")).toBeLessThanOrEqual(25.01);
    expect(margin("left")).toBeGreaterThanOrEqual(29.99);
    expect(margin("left")).toBeLessThanOrEqual(35.01);
    expect(margin("right")).toBeGreaterThanOrEqual(14.99);
    expect(margin("right")).toBeLessThanOrEqual(20.01);
    const fonts = [...documentXml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(20);
    expect(new Set(fonts)).toEqual(new Set(["Times New Roman"]));
  });

  it("numbers pages from the second, centred in the top margin", () => {
    expect(file.documentXml).toContain("<w:titlePg/>");
    expect(file.headerDefault).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(alignment(paragraphs(file.headerDefault)[0]!)).toBe("center");
    expect(file.headerFirst).not.toContain("PAGE");
  });

  it("has the two-column header in a borderless table: issuer and number left, nation, motto and date right", () => {
    const { documentXml, paras } = file;
    const headerTable = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(documentXml)![0];
    expect(headerTable).toMatch(/<w:tblBorders>(\s*<w:\w+ w:val="none"[^>]*\/>)+\s*<\/w:tblBorders>/);
    for (const text of ["ỦY BAN NHÂN DÂN", "XÃ THIỆN TÍN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 05/BC-UBND", "Thiện Tín, ngày 05 tháng 02 năm 2026"]) {
      expect(headerTable).toContain(text);
    }
    expect(isBold(find(paras, "XÃ THIỆN TÍN"))).toBe(true);
    const national = find(paras, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(isBold(national) && sizePt(national) >= 12 && sizePt(national) <= 13).toBe(true);
    const motto = find(paras, "Độc lập - Tự do - Hạnh phúc");
    expect(isBold(motto) && sizePt(motto) >= 13 && sizePt(motto) <= 14).toBe(true);
    const date = find(paras, "Thiện Tín, ngày 05 tháng 02 năm 2026");
    expect(isItalic(date)).toBe(true);
    // The rules under the issuer and the motto: empty paragraphs with a bottom border.
    expect(headerTable.match(/<w:pBdr>\s*<w:bottom w:val="single"/g)).toHaveLength(2);
  });

  it("prints the type name, the subject, a justified body and the end mark", () => {
    const { paras } = file;
    const type = find(paras, "BÁO CÁO");
    expect(isBold(type) && alignment(type) === "center").toBe(true);
    const subject = paras.find((p) => p.text.startsWith("Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân"))!;
    expect(isBold(subject)).toBe(true);
    const body = paras.find((p) => p.text.startsWith("Thực hiện Luật Thực hiện dân chủ ở cơ sở"))!;
    expect(alignment(body)).toBe("both");
    expect(body.xml).toMatch(/<w:ind w:firstLine="(56[7-9]|5[7-9]\d|6\d\d|7[0-2]\d)"\/>/); // 1–1.27 cm
    expect(sizePt(body)).toBeGreaterThanOrEqual(13);
    expect(paras.some((p) => p.text === "- Thời gian: từ ngày 06/01/2026 đến hết ngày 04/02/2026 (30 ngày).")).toBe(true);
    expect(paras.some((p) => p.text.endsWith("của Ủy ban nhân dân xã Thiện Tín./."))).toBe(true);
    expect(file.documentXml).toContain("Không đồng ý");
  });

  it("closes with Nơi nhận on the left and the signature block on the right", () => {
    const { paras } = file;
    const heading = find(paras, "Nơi nhận:");
    expect(isBold(heading) && isItalic(heading) && sizePt(heading) === 12).toBe(true);
    const first = find(paras, "- Thường trực Đảng ủy xã;");
    expect(sizePt(first)).toBe(11);
    expect(find(paras, "- Lưu: VT, VP.")).toBeTruthy();
    for (const line of ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"]) expect(isBold(find(paras, line))).toBe(true);
    const order = ["Nơi nhận:", "- Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"].map((t) => paras.findIndex((p) => p.text === t));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("signs for the chair as vice-chair, and leaves room for number and date on a draft", async () => {
    const draft = await writeAndRead(sampleReport({ numberLabel: null, issuedAt: null, type: "TB", signature: signatureFor("VICE_CHAIR", "Trần Thị Lan") }));
    expect(draft.paras.some((p) => p.text === "Số:      /TB-UBND")).toBe(true);
    expect(draft.paras.some((p) => /^Thiện Tín, ngày {6}tháng {6}năm \d{4}$/.test(p.text))).toBe(true);
    expect(find(draft.paras, "THÔNG BÁO")).toBeTruthy();
    const lines = draft.paras.map((p) => p.text);
    expect(lines).toContain("KT. CHỦ TỊCH");
    expect(lines).toContain("PHÓ CHỦ TỊCH");
    expect(lines).not.toContain("TM. ỦY BAN NHÂN DÂN");
  });
});
