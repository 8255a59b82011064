import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";

import { signatureFor } from "./model";
import { renderPdf } from "./render-pdf";
import { sampleReport } from "./testing/sample-document";

type Line = { text: string; x: number; y: number; fontSize: number };

/**
 * The text of each page as lines, top to bottom: items sharing a baseline, left to right, split where
 * a wide gap separates columns (the header's two sides are two lines on the same baseline).
 */
async function readPdf(bytes: Buffer): Promise<{ pages: Line[][]; width: number }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Line[][] = [];
  let width = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    width = page.getViewport({ scale: 1 }).width;
    const content = await page.getTextContent();
    const rows = new Map<number, { x: number; end: number; str: string; size: number }[]>();
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      const y = Math.round(item.transform[5]);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4], end: item.transform[4] + item.width, str: item.str, size: Math.abs(item.transform[0]) }]);
    }
    const lines: Line[] = [];
    for (const [y, items] of [...rows].sort(([a], [b]) => b - a)) {
      let current: typeof items = [];
      const flush = () => {
        if (current.length) lines.push({ text: current.map((i) => i.str).join("").replace(/\s+/g, " ").trim(), x: current[0]!.x, y, fontSize: current[0]!.size });
        current = [];
      };
      for (const item of items.sort((a, b) => a.x - b.x)) {
        if (current.length && item.x - current.at(-1)!.end > 20) flush();
        current.push(item);
      }
      flush();
    }
    pages.push(lines);
  }
  return { pages, width };
}

describe("renderPdf: a Decree 30 report, read back from the file", () => {
  let bytes: Buffer;
  let pages: Line[][];
  let width: number;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "danban-pdf-"));
    const file = path.join(dir, "bao-cao.pdf");
    writeFileSync(file, await renderPdf(sampleReport()));
    bytes = readFileSync(file);
    ({ pages, width } = await readPdf(bytes));
  }, 60_000);

  const allText = () => pages.flat().map((l) => l.text);
  const lineWith = (text: string) => pages.flat().find((l) => l.text.includes(text));

  it("embeds its fonts as subsets of Tinos, and no standard (base-14) font", () => {
    const pdf = bytes.toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    const baseFonts = [...pdf.matchAll(/\/BaseFont\s*\/([^\s/<>\]]+)/g)].map((m) => m[1]!);
    expect(baseFonts.length).toBeGreaterThanOrEqual(3);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+Tinos/);
    expect(pdf).not.toMatch(/\/BaseFont\s*\/(Times|Helvetica|Courier|Symbol|ZapfDingbats)/);
    // Each font descriptor carries an embedded font program.
    const descriptors = pdf.match(/\/Type\s*\/FontDescriptor/g)!.length;
    const programs = pdf.match(/\/FontFile[23]?\s/g)!.length;
    expect(programs).toBe(descriptors);
  });

  it("is A4 and runs onto a second page for this report", () => {
    expect(width).toBeCloseTo(595.28, 0);
    expect(pages.length).toBe(2);
  });

  it("prints the header with Vietnamese intact: issuer, national name, motto, number, date", () => {
    const text = allText();
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(lineWith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBeTruthy();
    expect(lineWith("ỦY BAN NHÂN DÂN")).toBeTruthy();
    expect(lineWith("XÃ THIỆN TÍN")).toBeTruthy();
    expect(lineWith("Số: 05/BC-UBND")).toBeTruthy();
    expect(lineWith("Thiện Tín, ngày 05 tháng 02 năm 2026")).toBeTruthy();
    // Issuer on the left, nation on the right, on the same rows.
    const issuer = pages[0]!.find((l) => l.text.startsWith("ỦY BAN NHÂN DÂN"))!;
    const nation = lineWith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")!;
    expect(issuer.x).toBeLessThan(nation.x);
    expect(Math.abs(issuer.y - nation.y)).toBeLessThan(3);
    // The left margin is 30 mm (85 pt) and the issuer is centred in its column, so it starts further in.
    expect(issuer.x).toBeGreaterThan(85);
  });

  it("prints the type name, the subject, the body with its end mark, and the closing block", () => {
    const text = allText();
    expect(text).toContain("BÁO CÁO");
    expect(lineWith("Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân")).toBeTruthy();
    expect(lineWith("I. CÁCH THỨC TỔ CHỨC LẤY Ý KIẾN")).toBeTruthy();
    expect(lineWith("Trũng Kè 1")).toBeTruthy();
    expect(text.some((l) => l.endsWith("Thiện Tín./."))).toBe(true);
    expect(lineWith("Nơi nhận:")).toBeTruthy();
    expect(lineWith("- Lưu: VT, VP.")).toBeTruthy();
    expect(lineWith("TM. ỦY BAN NHÂN DÂN")).toBeTruthy();
    expect(lineWith("CHỦ TỊCH")).toBeTruthy();
    expect(lineWith("Nguyễn Văn Hùng")).toBeTruthy();
    expect(lineWith("Nơi nhận:")!.x).toBeLessThan(lineWith("TM. ỦY BAN NHÂN DÂN")!.x);
  });

  it("numbers the pages from the second, centred at the top", () => {
    const [first, second] = pages as [Line[], Line[]];
    expect(first.slice(0, 2).map((l) => l.text)).toEqual(["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
    expect(second[0]!.text).toBe("2");
    expect(second[0]!.y).toBeGreaterThan(first[0]!.y);
    expect(Math.abs(second[0]!.x - width / 2)).toBeLessThan(20);
  });

  it("prints DỰ THẢO on the top line of every page of a draft, and nowhere on an issued document", async () => {
    expect(pages.flat().some((l) => l.text.includes("DỰ THẢO"))).toBe(false);
    const draft = await readPdf(await renderPdf({ ...sampleReport({ numberLabel: null, issuedAt: null }), draft: true }));
    expect(draft.pages.length).toBeGreaterThanOrEqual(2);
    for (const page of draft.pages) {
      const top = Math.max(...page.map((l) => l.y));
      expect(page.filter((l) => l.y === top).map((l) => l.text).join(" ")).toContain("DỰ THẢO");
    }
  }, 60_000);

  it("renders a vice-chair's signature and a draft's blank number", async () => {
    const draft = await readPdf(await renderPdf(sampleReport({ numberLabel: null, issuedAt: null, signature: signatureFor("VICE_CHAIR", "Trần Thị Lan") })));
    const text = draft.pages.flat().map((l) => l.text);
    expect(text.some((l) => l.includes("Số: /BC-UBND"))).toBe(true);
    expect(text.some((l) => l.includes("KT. CHỦ TỊCH"))).toBe(true);
    expect(text.some((l) => l.includes("PHÓ CHỦ TỊCH"))).toBe(true);
    expect(text.some((l) => l.includes("Trần Thị Lan"))).toBe(true);
  }, 60_000);
});
