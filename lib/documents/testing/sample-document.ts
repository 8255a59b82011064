// A summary report as the report workflow will produce it: used by the renderer tests and handy to
// look at (npx tsx scripts/… can write it out). Long enough to run onto a second page.
import { type OfficialDocument, signatureFor } from "../model";

const VILLAGES = ["Phú Khương", "Phú Thọ", "Long Bình", "Tân Phú 1", "Tân Phú 2", "Tân Hòa", "Đồng Miếu", "Trũng Kè 1"];

export function sampleReport(overrides: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    issuerLines: ["Ủy ban nhân dân", "xã Thiện Tín"],
    type: "BC",
    numberLabel: "05/BC-UBND",
    place: "Thiện Tín",
    // 5 February 2026, 09:00 in Vietnam.
    issuedAt: new Date(Date.UTC(2026, 1, 5, 2)),
    subject: "Tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về dự án nâng cấp đường giao thông liên thôn Phú Khương - Tân Phú 1",
    body: [
      {
        kind: "paragraph",
        content: [
          "Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Kế hoạch số 12/KH-UBND ngày 06/01/2026 của UBND xã, Ủy ban nhân dân xã Thiện Tín báo cáo kết quả lấy ý kiến Nhân dân như sau:",
        ],
      },
      { kind: "heading", level: 1, text: "I. CÁCH THỨC TỔ CHỨC LẤY Ý KIẾN" },
      {
        kind: "bullets",
        items: [
          ["Thời gian: từ ngày 06/01/2026 đến hết ngày 04/02/2026 (30 ngày)."],
          ["Hình thức: trên trang lấy ý kiến trực tuyến của xã, hội nghị thôn, phiếu lấy ý kiến hộ gia đình."],
          ["Phạm vi: ", { text: "8 thôn", bold: true }, " chịu ảnh hưởng trực tiếp của dự án."],
        ],
      },
      { kind: "heading", level: 1, text: "II. KẾT QUẢ LẤY Ý KIẾN" },
      {
        kind: "paragraph",
        content: ["Tổng số hộ trong phạm vi lấy ý kiến là 1.820 hộ; số hộ tham gia ý kiến là 1.214 hộ, đạt 66,7%. Kết quả theo từng thôn:"],
      },
      {
        kind: "table",
        header: ["Thôn", "Số hộ", "Tham gia", "Đồng ý", "Không đồng ý", "Ý kiến khác"],
        rows: VILLAGES.map((v, i) => [v, String(200 + i * 10), String(150 + i * 5), String(120 + i * 4), String(20 + i), String(10)]),
        widths: [3, 1.5, 1.5, 1.5, 2, 2],
        align: ["left", "right", "right", "right", "right", "right"],
      },
      { kind: "heading", level: 2, text: "1. Các nhóm ý kiến chính" },
      ...Array.from({ length: 6 }, (_, i) => ({
        kind: "paragraph" as const,
        content: [
          { text: `Nhóm ${i + 1}: `, bold: true },
          "Nhiều ý kiến đề nghị làm lại cống thoát nước đoạn qua xóm Bàu Sen, mở rộng mặt đường, lắp đèn chiếu sáng và biển báo giảm tốc độ gần trường học; bồi thường giải phóng mặt bằng thỏa đáng, công khai, đúng quy định.",
        ],
      })),
      { kind: "heading", level: 1, text: "III. TIẾP THU, GIẢI TRÌNH" },
      {
        kind: "paragraph",
        content: ["UBND xã tiếp thu 38 ý kiến, giải trình 12 ý kiến; các ý kiến ngoài phạm vi được chuyển cơ quan có thẩm quyền xem xét."],
      },
      { kind: "heading", level: 1, text: "IV. KIẾN NGHỊ" },
      {
        kind: "paragraph",
        content: ["Trên đây là báo cáo tổng hợp, tiếp thu, giải trình ý kiến Nhân dân của Ủy ban nhân dân xã Thiện Tín."],
      },
    ],
    recipients: ["Thường trực Đảng ủy xã", "Thường trực HĐND xã", "Ủy ban MTTQ Việt Nam xã", "Các thôn trong xã", "Lưu: VT, VP"],
    signature: signatureFor("CHAIR", "Nguyễn Văn Hùng"),
    ...overrides,
  };
}
