import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { renderDocx } from "@/lib/documents/render-docx";

import { composeNotice, type NoticeFacts, readPercent, spellNumbers, spokenDateInWords } from "./compose";
import { bodyToBlocks, noticeDocument } from "./to-document";

const facts: NoticeFacts = {
  communeName: "Thiện Tín",
  consultation: {
    title: "Nâng cấp đường liên thôn Phú Khương – Long Bình",
    // 06/01/2026 to 04/02/2026, Vietnam time.
    commentStartsAt: new Date("2026-01-05T17:00:00Z"),
    commentEndsAt: new Date("2026-02-04T16:59:59Z"),
    villages: ["Phú Khương", "Long Bình"],
  },
  reportLabel: "05/BC-UBND",
  reportIssuedAt: new Date("2026-02-10T02:00:00Z"),
  opinions: { total: 1214, byChannel: { WEB: 1000, MEETING: 214 } },
  onlineParticipants: 950,
  questions: [
    { text: "Hộ gia đình có đồng ý hiến đất mở rộng đường không?", votingUnit: "HOUSEHOLD", participants: 1300, eligible: 1820, agree: 1214, rule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 50, numerator: 1214, denominator: 1820, percent: 66.7, passed: true },
    { text: "Đồng ý đóng góp ngày công?", votingUnit: "RESIDENT", participants: 400, eligible: 900, agree: 300, rule: "MAJORITY_OF_VOTES_CAST", thresholdPercent: 50, numerator: 300, denominator: 400, percent: 75, passed: true },
  ],
  answers: { counts: { TAKEN_ON_BOARD: 38, EXPLAINED: 12, OUT_OF_SCOPE: 3 }, takenOnBoard: ["Làm cống lớn hơn ở đoạn Bàu Sen."], explained: ["Hướng tuyến giữ nguyên vì đã có quy hoạch."] },
};

describe("composing the outcome notice", () => {
  it("writes the subject, the basis, participation, thresholds with numerator and denominator, answers and next steps", () => {
    const { title, body } = composeNotice(facts);
    expect(title).toBe("Kết quả lấy ý kiến Nhân dân về Nâng cấp đường liên thôn Phú Khương – Long Bình");
    expect(body).toContain("căn cứ Báo cáo số 05/BC-UBND ngày 10/02/2026");
    expect(body).toContain("- Thời gian: từ ngày 06/01/2026 đến hết ngày 04/02/2026.");
    expect(body).toContain("- Phạm vi: các thôn Phú Khương, Long Bình.");
    expect(body).toContain("Tổng số ý kiến nhận được: 1.214 (1.000 ý kiến trực tuyến; 214 ý kiến tại hội nghị thôn).");
    expect(body).toContain("1.214/1.820 hộ đồng ý (66,7%); cần trên 50% tổng số hộ trong phạm vi. Kết quả: ĐẠT.");
    expect(body).toContain("300/400 người đồng ý (75%); cần trên 50% số người tham gia biểu quyết.");
    expect(body).toContain("tiếp thu 38 ý kiến, giải trình 12 ý kiến; 3 ý kiến ngoài phạm vi");
    expect(body).toContain("IV. CÁC BƯỚC TIẾP THEO");
  });

  it("reads the loudspeaker text with numbers and dates in words", () => {
    const { loudspeakerText } = composeNotice(facts);
    expect(loudspeakerText).toContain("Từ ngày sáu tháng một năm hai nghìn không trăm hai mươi sáu đến hết ngày bốn tháng hai năm hai nghìn không trăm hai mươi sáu");
    expect(loudspeakerText).toContain("có một nghìn hai trăm mười bốn trên tổng số một nghìn tám trăm hai mươi hộ đồng ý, đạt sáu mươi sáu phẩy bảy phần trăm");
    expect(loudspeakerText).toContain("chuyển ba ý kiến ngoài phạm vi");
    expect(loudspeakerText).not.toMatch(/\d|UBND|%/);
    expect(readPercent(75)).toBe("bảy mươi lăm");
    expect(spellNumbers("tỷ lệ 1/500, dài 3,25 km, 12.500 người, 2,05 ha")).toBe("tỷ lệ một phần năm trăm, dài ba phẩy hai mươi lăm km, mười hai nghìn năm trăm người, hai phẩy không năm ha");
    expect(spokenDateInWords(new Date("2026-12-31T17:30:00Z"))).toBe("ngày một tháng một năm hai nghìn không trăm hai mươi bảy");
  });
});

describe("a decision in the notice (Law 10/2022 Art. 21.1)", () => {
  const outcome = (numerator: number, denominator: number, passed: boolean) => ({ share: "AT_LEAST_TWO_THIRDS" as const, article: "art21Contribution" as const, raisedPercent: null, numerator, denominator, percent: Math.round((numerator / denominator) * 1000) / 10, passed });
  const decision: NoticeFacts = {
    ...facts,
    questions: [
      {
        ...facts.questions[0]!,
        decision: {
          villages: [
            { village: "Phú Khương", households: 30, agree: 20, disagree: 8, other: 2, outcome: outcome(20, 30, true) },
            { village: "Long Bình", households: 30, agree: 21, disagree: 9, other: 0, outcome: outcome(21, 30, true) },
            { village: "Tân Phú 1", households: 40, agree: 10, disagree: 30, other: 0, outcome: outcome(10, 40, false) },
          ],
          commune: { rule: "TWO_THIRDS_OF_VILLAGES", villagesPassed: 2, villages: 3, passed: true },
        },
      },
    ],
  };

  it("lists each village's figures and verdict, the commune's result, and quotes the rule applied", () => {
    const { body, loudspeakerText } = composeNotice(decision);
    expect(body).toContain("2/3 thôn thông qua. Kết quả: ĐƯỢC THÔNG QUA.");
    expect(body).toContain("- Thôn Phú Khương: 30 hộ; đồng ý 20, không đồng ý 8, ý kiến khác 2 (66,7%); Thông qua.");
    expect(body).toContain("- Thôn Tân Phú 1: 40 hộ; đồng ý 10, không đồng ý 30, ý kiến khác 0 (25%); Không thông qua.");
    expect(body).toContain("Căn cứ khoản 1 Điều 21 Luật Thực hiện dân chủ ở cơ sở năm 2022 (nội dung quy định tại khoản 1, khoản 2 Điều 15): mỗi thôn thông qua khi có ít nhất 2/3 tổng số hộ gia đình của thôn đồng ý; nội dung áp dụng toàn xã được thông qua khi ít nhất 2/3 số thôn thông qua.");
    expect(body).not.toContain("cần trên 50%");
    expect(loudspeakerText).toContain("có hai trên ba thôn thông qua, nội dung được thông qua");
  });
});

describe("the notice as a Decree 30 document", () => {
  it("turns headings, list lines and paragraphs of the edited text into blocks", () => {
    expect(bodyToBlocks("Mở đầu.\n\nI. KẾT QUẢ\n- một\n- hai\nĐoạn sau.")).toEqual([
      { kind: "paragraph", content: ["Mở đầu."] },
      { kind: "heading", level: 1, text: "I. KẾT QUẢ" },
      { kind: "bullets", items: [["một"], ["hai"]] },
      { kind: "paragraph", content: ["Đoạn sau."] },
    ]);
  });

  it("renders a DOCX with the TB number, the type name, the subject, the end mark and the chair's signature block", async () => {
    const { title, body } = composeNotice(facts);
    const doc = noticeDocument({ communeName: "Thiện Tín", title, body, numberLabel: "03/TB-UBND", issuedAt: new Date("2026-02-15T02:00:00Z"), signer: { name: "Nguyễn Văn Hùng", title: "Chủ tịch" } });
    const xml = await (await JSZip.loadAsync(await renderDocx(doc))).file("word/document.xml")!.async("string");
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    for (const line of ["Số: 03/TB-UBND", "THÔNG BÁO", title, "Thiện Tín, ngày 15 tháng 02 năm 2026", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng", "Nơi nhận:"]) {
      expect(paragraphs).toContain(line);
    }
    expect(paragraphs.some((p) => p.endsWith("để Nhân dân được biết./."))).toBe(true);
    const vice = noticeDocument({ communeName: "Thiện Tín", title, body, numberLabel: null, issuedAt: null, signer: { name: "Lê Minh Tuấn", title: "Phó Chủ tịch" } });
    expect(vice.signature.authorityLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
  });
});
