import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";

import { formatNumberLine, formatPlaceDate } from "@/lib/documents/format";
import { type Block, inlineText } from "@/lib/documents/model";
import { renderDocx } from "@/lib/documents/render-docx";
import { renderPdf } from "@/lib/documents/render-pdf";

import { buildReportDocument, shortDate, vnNumber } from "./report-document";
import type { ReportContent } from "./report-workflow";
import type { ReportSnapshot } from "./snapshot";

const ids = ["cmop000000001", "cmop000000002", "cmop000000003"];

function snapshot(): ReportSnapshot {
  return {
    schema: 1,
    takenAt: "2026-02-04T10:00:00.000Z",
    commune: { name: "Thiện Tín", province: "Quảng Ngãi" },
    consultation: {
      id: "c1",
      title: "Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026",
      summary: "",
      matterKind: "CONSULTATION",
      legalCategory: "CONSULTATION_SOCIO_ECONOMIC_PLAN",
      legalBasis: "Luật Thực hiện dân chủ ở cơ sở, Điều 25.",
      responsibleOfficer: "Văn phòng UBND xã",
      isCommuneWide: true,
      allowedChannels: ["WEB", "MEETING"],
      postingStartsAt: "2026-01-05T17:00:00.000Z",
      postingEndsAt: "2026-02-04T16:59:59.000Z",
      commentStartsAt: "2026-01-05T17:00:00.000Z",
      commentEndsAt: "2026-02-04T16:59:59.000Z",
      publishedAt: "2026-01-05T17:00:00.000Z",
      closedAt: "2026-02-04T16:59:59.000Z",
    },
    scopeVillages: ["Bàn Thới", "Ngọc Sơn"],
    postings: [{ channel: "NOTICE_BOARD", location: "Nhà văn hóa thôn Bàn Thới", startsAt: "2026-01-05T01:00:00.000Z", endsAt: null, broadcastDays: 0 }],
    meetings: [{ village: "Bàn Thới", heldAt: "2026-01-20T01:00:00.000Z", householdsPresent: 150, householdsTotal: 240 }],
    participation: {
      villages: [
        { villageId: "v1", village: "Bàn Thới", households: 240, withOpinion: 2, voted: 100, participated: 101, atMeeting: 150, takingPart: 240, agree: 80, disagree: 15, other: 5 },
        { villageId: "v2", village: "Ngọc Sơn", households: 1580, withOpinion: 1, voted: 0, participated: 1, atMeeting: 0, takingPart: 1, agree: 0, disagree: 0, other: 0 },
      ],
      totals: { households: 1820, withOpinion: 3, voted: 100, participated: 102, atMeeting: 150, takingPart: 241, agree: 80, disagree: 15, other: 5 },
      positionsFrom: { kind: "question", text: "Ông/bà có đồng ý với dự thảo không?", secret: false },
      byChannel: [
        { channel: "WEB", opinions: 2, votes: 60 },
        { channel: "MEETING", opinions: 1, votes: 40 },
      ],
    },
    ballot: {
      questions: [
        {
          id: "q1",
          text: "Ông/bà có đồng ý với dự thảo không?",
          votingUnit: "HOUSEHOLD",
          eligible: 1820,
          participants: 100,
          options: [
            { label: "Đồng ý", count: 80, isAffirmative: true },
            { label: "Không đồng ý", count: 15, isAffirmative: false },
            { label: "Ý kiến khác", count: 5, isAffirmative: false },
          ],
          outcome: { rule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 50, numerator: 80, denominator: 1820, percent: 4.4, passed: false },
        },
      ],
    },
    themes: {
      version: 1,
      method: { opinions: 3, clustered: 2, k: 1, silhouette: 0, seed: 30 },
      themes: [{ id: "t1", kind: "theme", label: "kênh mương · bê tông", autoLabel: "kênh mương · bê tông", isRenamed: false, phrases: [], topTerms: [], opinionIds: ids.slice(0, 2) }],
    },
    groups: { status: "insufficient", reason: "tooFewReactions", actual: 4, required: 30 },
    topAgreed: [{ id: ids[0]!, number: 1 }],
    pins: [],
    answers: { a1: { kind: "TAKEN_ON_BOARD", body: "Tiếp thu, bổ sung chỉ tiêu." }, a2: { kind: "EXPLAINED", body: "Giải trình: đã có trong dự thảo." } },
    opinions: [
      { id: ids[0]!, number: 1, village: "Bàn Thới", channel: "WEB", stance: "OTHER", body: "Đề nghị tăng chỉ tiêu bê tông hóa kênh mương nội đồng.", hidden: false, agree: 3, disagree: 1, createdAt: "2026-01-10T01:00:00.000Z", answerId: "a1" },
      { id: ids[1]!, number: 2, village: "Bàn Thới", channel: "MEETING", stance: "SUPPORT", body: "Kênh mương bê tông hóa thêm 2 km.", hidden: false, agree: 0, disagree: 0, createdAt: "2026-01-11T01:00:00.000Z", answerId: "a2" },
      { id: ids[2]!, number: 3, village: "Ngọc Sơn", channel: "WEB", stance: "SUPPORT", body: "", hidden: true, agree: 0, disagree: 0, createdAt: "2026-01-12T01:00:00.000Z", answerId: "a2" },
    ],
    counts: { opinions: 3, answered: 3, unanswered: 0, hidden: 1, votes: 100 },
  };
}

const content: ReportContent = { introduction: "Thực hiện Luật Thực hiện dân chủ ở cơ sở, UBND xã báo cáo như sau:", conclusions: "Đề nghị HĐND xã xem xét.", themes: snapshot().themes };

const textOf = (blocks: Block[]) =>
  blocks
    .map((b) => (b.kind === "heading" ? b.text : b.kind === "paragraph" ? b.content.map(inlineText).join("") : b.kind === "bullets" ? b.items.map((i) => i.map(inlineText).join("")).join("\n") : b.kind === "figure" ? b.caption : [b.header.join(" | "), ...b.rows.map((r) => r.join(" | "))].join("\n")))
    .join("\n");

describe("the report document", () => {
  // 5 February 2026, 10:00 in Vietnam.
  const approvedAt = new Date(Date.UTC(2026, 1, 5, 3));

  it("has the Decree 30 header elements, the number and the date line once approved", () => {
    const doc = buildReportDocument({ snapshot: snapshot(), content, numberLabel: "05/BC-UBND", issuedAt: approvedAt, signer: { title: "CHAIR", name: "Nguyễn Văn Hùng" }, subject: "Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về dự thảo Kế hoạch" });
    expect(doc.issuerLines).toEqual(["Ủy ban nhân dân", "xã Thiện Tín"]);
    expect(doc.type).toBe("BC");
    expect(formatNumberLine(doc.numberLabel, doc.type)).toBe("Số: 05/BC-UBND");
    expect(formatPlaceDate(doc.place, doc.issuedAt)).toBe("Thiện Tín, ngày 05 tháng 02 năm 2026");
    expect(doc.subject).toMatch(/^Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về /);
    expect(doc.signature).toEqual({ authorityLines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signerName: "Nguyễn Văn Hùng" });
    expect(doc.recipients.at(-1)).toBe("Lưu: VT, VP");
    const text = textOf(doc.body);
    expect(doc.draft).toBe(false);
    expect(text).not.toContain("DỰ THẢO");
    // The law's structure, I to IV, in order (domain.md "Generated documents").
    const headings = doc.body.filter((b) => b.kind === "heading" && b.level === 1).map((b) => (b.kind === "heading" ? b.text : ""));
    expect(headings).toEqual(["I. CÁCH THỨC TỔ CHỨC LẤY Ý KIẾN", "II. KẾT QUẢ LẤY Ý KIẾN", "III. TIẾP THU, GIẢI TRÌNH Ý KIẾN", "IV. KIẾN NGHỊ, ĐỀ XUẤT"]);
    expect(text).toContain("3. Kết quả biểu quyết");
    expect(text).toContain("4. Tổng hợp ý kiến theo nhóm nội dung");
    expect(text).toContain("5. Nhóm quan điểm và ý kiến được đồng tình");
    expect(text).toContain("Niêm yết tại bảng tin | Nhà văn hóa thôn Bàn Thới | 05/01/2026");
    // Per village against all households (households at the meeting take part), with the total row, and by channel.
    expect(text).toContain("Thôn | Tổng số hộ | Số hộ tham gia | Tỷ lệ tham gia (%) | Đồng ý | Không đồng ý | Ý kiến khác");
    expect(text).toContain("Bàn Thới | 240 | 240 | 100,0 | 80 | 15 | 5");
    expect(text).toContain("Ngọc Sơn | 1.580 | 1 | 0,1 | 0 | 0 | 0");
    expect(text).toContain("Cộng | 1.820 | 241 | 13,2 | 80 | 15 | 5");
    expect(text).toContain("gồm 150 hộ có đại diện dự hội nghị thôn");
    expect(text).toContain("Hội nghị thôn | 1 | 40");
    // The threshold with its numerator, denominator and rule.
    expect(text).toContain("Số đồng ý: 80/1.820 (4,4%)");
    expect(text).toContain("KHÔNG ĐẠT tỷ lệ thông qua");
    expect(text).toContain("Nhóm 1: kênh mương · bê tông (2 ý kiến");
    expect(text).toContain("Chưa đủ lượt đồng tình, không đồng tình để phân nhóm quan điểm (có 4, cần ít nhất 30)");
    // Every opinion cited by its number, never by an internal id, with its answer; a shared answer printed once.
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).toContain("Ý kiến số 1 (thôn Bàn Thới, Trực tuyến");
    expect(text).toContain("Trả lời (Tiếp thu): Tiếp thu, bổ sung chỉ tiêu.");
    expect(text).toContain("TL1 – Giải trình (2 ý kiến): Giải trình: đã có trong dự thảo.");
    expect(text).toContain("nội dung đã bị ẩn theo quy chế kiểm duyệt.");
    expect(text).toContain("Đề nghị HĐND xã xem xét.");
  });

  it("prints an opinion's markup and script as plain text in the DOCX and the PDF", async () => {
    const payload = `<img src=x onerror=alert(1)><script>alert(2)</script>=HYPERLINK("http://x")`;
    const s = snapshot();
    s.opinions[0] = { ...s.opinions[0]!, body: payload };
    const doc = buildReportDocument({ snapshot: s, content, numberLabel: null, issuedAt: approvedAt, signer: { title: "CHAIR", name: "A" }, subject: "…" });
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).not.toMatch(/<(img|script)\b/);
    expect(xml).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    const pdf = await getDocument({ data: new Uint8Array(await renderPdf(doc)), useSystemFonts: false, isEvalSupported: false }).promise;
    let text = "";
    for (let n = 1; n <= pdf.numPages; n++) text += (await (await pdf.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
    expect(text.replace(/\s+/g, "")).toContain(payload.replace(/\s+/g, ""));
    // A PDF carries no script: nothing of the payload became an action.
    expect(Buffer.from(await renderPdf(doc)).toString("latin1")).not.toMatch(/\/(JavaScript|JS|OpenAction)\b/);
  });

  it("counts opinions by every channel of Art. 26.1 in the table of the DOCX and the PDF", async () => {
    const s = snapshot();
    s.participation.byChannel = [
      { channel: "COMMENT_BOX", opinions: 3, votes: 0 },
      { channel: "CONFERENCE", opinions: 1, votes: 0 },
      { channel: "FRONT", opinions: 2, votes: 0 },
      { channel: "HOTLINE", opinions: 4, votes: 0 },
      { channel: "PAPER", opinions: 20, votes: 12 },
      { channel: "WEB", opinions: 2, votes: 60 },
    ];
    const doc = buildReportDocument({ snapshot: s, content, numberLabel: null, issuedAt: approvedAt, signer: { title: "CHAIR", name: "A" }, subject: "…" });
    const text = textOf(doc.body);
    for (const row of ["Hòm thư góp ý | 3 | 0", "Hội nghị đối thoại | 1 | 0", "Qua Ủy ban MTTQ | 2 | 0", "Đường dây nóng | 4 | 0", "Phiếu lấy ý kiến | 20 | 12"]) expect(text).toContain(row);
    const xml = await (await JSZip.loadAsync(await renderDocx(doc))).file("word/document.xml")!.async("string");
    expect(xml).toContain("Đường dây nóng");
    expect(xml).toContain("Hòm thư góp ý");
    const pdf = await getDocument({ data: new Uint8Array(await renderPdf(doc)), useSystemFonts: false, isEvalSupported: false }).promise;
    let pdfText = "";
    for (let n = 1; n <= pdf.numPages; n++) pdfText += (await (await pdf.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
    expect(pdfText.replace(/\s+/g, "")).toContain("Đườngdâynóng4");
  });

  it("draws the pinned opinions on the villages' outlines, and no map without pins", () => {
    const withPins: ReportSnapshot = {
      ...snapshot(),
      pins: [{ id: ids[0]!, number: 1, lat: 15.11, lng: 108.81, stance: "SUPPORT" }],
      outlines: [{ name: "Bàn Thới", rings: [[[108.8, 15.1], [108.82, 15.1], [108.82, 15.12], [108.8, 15.1]]] }],
    };
    const build = (s: ReportSnapshot) => buildReportDocument({ snapshot: s, content, numberLabel: null, issuedAt: approvedAt, signer: { title: "CHAIR", name: "A" }, subject: "…" });
    const figure = build(withPins).body.find((b) => b.kind === "figure");
    expect(figure).toMatchObject({ kind: "figure", widthMm: 150, caption: expect.stringContaining("Sơ đồ vị trí các ý kiến") });
    expect(figure && figure.kind === "figure" ? figure.svg : "").toContain("<circle");
    expect(build(snapshot()).body.some((b) => b.kind === "figure")).toBe(false);
  });

  it("marks a draft DỰ THẢO, without number or date; a vice-chair signs KT.", () => {
    const doc = buildReportDocument({ snapshot: snapshot(), content, numberLabel: null, issuedAt: approvedAt, signer: { title: "VICE_CHAIR", name: "Lê Minh Tuấn" }, subject: "…" });
    expect(doc.numberLabel).toBeNull();
    expect(doc.issuedAt).toBeNull();
    expect(formatNumberLine(doc.numberLabel, doc.type)).toBe("Số:      /BC-UBND");
    expect(doc.draft).toBe(true);
    // The mark is the layout's, on every page (lib/documents): not a paragraph of the body.
    expect(textOf(doc.body)).not.toContain("DỰ THẢO");
    expect(doc.signature.authorityLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
  });

  it("reads a version taken before the table per village had its positions with the table of then", () => {
    const old = snapshot();
    old.participation = {
      villages: old.participation.villages.map(({ villageId, village, households, withOpinion, voted, participated }) => ({ villageId, village, households, withOpinion, voted, participated })),
      totals: { households: 1820, withOpinion: 3, voted: 100, participated: 102 },
      byChannel: old.participation.byChannel,
    };
    const text = textOf(buildReportDocument({ snapshot: old, content, numberLabel: null, issuedAt: null, signer: { title: "CHAIR", name: "A" }, subject: "…" }).body);
    expect(text).toContain("Bàn Thới | 240 | 2 | 100 | 101 | 42,1");
    expect(text).toContain("II. KẾT QUẢ LẤY Ý KIẾN");
  });

  it("writes dates and numbers the Vietnamese way", () => {
    expect(shortDate("2026-01-05T17:00:00.000Z")).toBe("06/01/2026");
    expect(vnNumber(50000)).toBe("50.000");
    expect(vnNumber(66.66, 1)).toBe("66,7");
  });
});

describe("a long report", () => {
  it("prints each answer once with the numbers of its opinions, as ranges", async () => {
    const { FULL_LISTING_MAX, numberRanges } = await import("./report-document");
    expect(numberRanges([5, 1, 2, 3, 7, 8, 10])).toBe("1–3, 5, 7–8, 10");
    const base = snapshot();
    const many = Array.from({ length: FULL_LISTING_MAX + 1 }, (_, i) => ({ ...base.opinions[0]!, id: `op${i}`, number: i + 1, answerId: i < 1000 ? "a1" : i === 1500 ? null : "a2" }));
    const doc = buildReportDocument({ snapshot: { ...base, opinions: many, counts: { ...base.counts, opinions: many.length, unanswered: 1 } }, content, numberLabel: null, issuedAt: null, signer: { title: "CHAIR", name: "A" }, subject: "…" });
    const text = textOf(doc.body);
    expect(text).toContain("TL1 – Tiếp thu (1.000 ý kiến): Tiếp thu, bổ sung chỉ tiêu.");
    expect(text).toContain("Các ý kiến số: 1–1000.");
    expect(text).toContain("Các ý kiến số: 1001–1500, 1502–2001.");
    expect(text).toContain("Các ý kiến chưa trả lời: số 1501.");
    expect(text).not.toContain("(mã op1;");
  });
});
