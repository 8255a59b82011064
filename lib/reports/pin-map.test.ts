import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";

import { renderDocx } from "@/lib/documents/render-docx";
import { renderPdf } from "@/lib/documents/render-pdf";
import type { OfficialDocument } from "@/lib/documents/model";

import { outlineRings, pinMapSvg } from "./pin-map";

const square = { type: "Polygon", coordinates: [[[108.8, 15.1], [108.82, 15.1], [108.82, 15.12], [108.8, 15.12], [108.8, 15.1]]] };
const marks = (svg: string) => ({
  circles: [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]),
  triangles: (svg.match(/fill="#b3261e"/g) ?? []).length,
  squares: (svg.match(/fill="#1f4e8c"/g) ?? []).length,
});

describe("the map of pinned opinions", () => {
  it("reads Polygon and MultiPolygon outlines and ignores anything else", () => {
    expect(outlineRings(square)).toHaveLength(1);
    expect(outlineRings({ type: "MultiPolygon", coordinates: [square.coordinates, square.coordinates] })).toHaveLength(2);
    expect(outlineRings({ type: "Point", coordinates: [1, 2] })).toEqual([]);
    expect(outlineRings(null)).toEqual([]);
  });

  it("places each pin inside the picture, north up and east right, with one shape per stance", () => {
    const svg = pinMapSvg(
      [{ name: "Bàn Thới", rings: outlineRings(square) }],
      [
        { lat: 15.101, lng: 108.801, stance: "SUPPORT" }, // south-west corner
        { lat: 15.119, lng: 108.819, stance: "SUPPORT" }, // north-east corner
        { lat: 15.11, lng: 108.81, stance: "OPPOSE" },
        { lat: 15.11, lng: 108.815, stance: null },
      ],
      480,
      340,
    )!;
    const m = marks(svg);
    expect(m.circles).toHaveLength(2);
    expect(m.triangles).toBe(1);
    expect(m.squares).toBe(1);
    for (const [x, y] of m.circles) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(480);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(340);
    }
    const [sw, ne] = m.circles as [[number, number], [number, number]];
    expect(ne[0]).toBeGreaterThan(sw[0]); // east is right
    expect(ne[1]).toBeLessThan(sw[1]); // north is up
    // A square commune stays square: the cosine of the latitude shortens degrees of longitude.
    const poly = /<polygon points="([^"]+)" fill="#f2efe6"/.exec(svg)![1]!.split(" ").map((p) => p.split(",").map(Number));
    const w = Math.max(...poly.map((p) => p[0]!)) - Math.min(...poly.map((p) => p[0]!));
    const h = Math.max(...poly.map((p) => p[1]!)) - Math.min(...poly.map((p) => p[1]!));
    expect(w / h).toBeCloseTo(Math.cos((15.11 * Math.PI) / 180), 1);
  });

  it("draws nothing without pins", () => {
    expect(pinMapSvg([{ name: "x", rings: outlineRings(square) }], [])).toBeNull();
  });

  it("goes into the DOCX as a picture and into the PDF as a drawing, with its caption", async () => {
    const svg = pinMapSvg([{ name: "Bàn Thới", rings: outlineRings(square) }], [{ lat: 15.11, lng: 108.81, stance: "SUPPORT" }])!;
    const doc: OfficialDocument = {
      issuerLines: ["Ủy ban nhân dân", "xã Thiện Tín"],
      type: "BC",
      numberLabel: null,
      place: "Thiện Tín",
      issuedAt: null,
      subject: "Thử bản đồ",
      body: [{ kind: "figure", svg, widthPx: 480, heightPx: 340, widthMm: 150, caption: "Sơ đồ vị trí các ý kiến gắn trên bản đồ (hình tròn: tán thành)." }],
      recipients: ["Lưu: VT"],
      signature: { authorityLines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signerName: "Nguyễn Văn A" },
    };
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/") && !f.endsWith("/"));
    expect(media).toHaveLength(1);
    const png = await zip.file(media[0]!)!.async("uint8array");
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(await zip.file("word/document.xml")!.async("string")).toContain("Sơ đồ vị trí các ý kiến gắn trên bản đồ (hình tròn: tán thành).");

    const pdf = await getDocument({ data: new Uint8Array(await renderPdf(doc)), useSystemFonts: false, isEvalSupported: false }).promise;
    const page = await pdf.getPage(1);
    const text = (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
    expect(text.replace(/\s+/g, "")).toContain("Sơđồvịtrícácýkiếngắntrênbảnđồ(hìnhtròn:tánthành).");
    // The drawing is vector paths in the page's content: the pin's fill colour is set.
    const ops = await page.getOperatorList();
    expect(ops.fnArray.length).toBeGreaterThan(50);
  });
});
