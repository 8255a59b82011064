// The demo consultations of xã Thiện Tín: what a commune would really publish, in its own words.
import type { Channel, LegalCategory, MatterKind, QuestionKind, Subject, ThresholdRule, VotingUnit } from "@/lib/generated/prisma/enums";

import type { Box } from "./geo";

export type DemoQuestion = {
  text: string;
  kind: QuestionKind;
  votingUnit: VotingUnit;
  thresholdRule: ThresholdRule;
  /** The passing share; the law's floor applies whatever is stored (lib/participation/counting-rules.ts). */
  thresholdPercent?: number;
  quorumPercent?: number;
  options: { label: string; isAffirmative?: boolean }[];
};

export type DemoConsultation = {
  key: string;
  title: string;
  summary: string;
  matterKind: MatterKind;
  legalCategory: LegalCategory;
  subject: Subject;
  status: "DRAFT" | "PUBLISHED" | "CLOSED";
  /** Days from today: comment period start and end. */
  comment: [number, number];
  posting?: [number, number];
  villages?: string[];
  channels: Channel[];
  legalBasis: string;
  responsibleOfficer: string;
  sections: { heading: string; body: string }[];
  geometry: (ctx: { box: Box; villageBox: (name: string) => Box }) => GeoJSON.FeatureCollection;
  questions?: DemoQuestion[];
  requiresBroadcast?: boolean;
  onlineVoteNotice?: boolean;
  opinions?: { village: string; body: string; stance: "SUPPORT" | "OPPOSE" | "OTHER"; channel?: Channel; pin?: [number, number] }[];
  /**
   * Village meetings held on the first question, as shares of each village's households (present,
   * agreeing, disagreeing); `failEvery` makes every Nth village agree with `failAgree` instead.
   */
  meetings?: { present: number; agree: number; disagree: number; failEvery: number; failAgree: number };
};

const f = (geometry: GeoJSON.Geometry, label: string, color: string): GeoJSON.Feature => ({
  type: "Feature",
  geometry,
  properties: { label, color },
});

const lerp = (b: Box, x: number, y: number): [number, number] => [
  Number((b.west + (b.east - b.west) * x).toFixed(6)),
  Number((b.south + (b.north - b.south) * y).toFixed(6)),
];

const YES_NO = [{ label: "Đồng ý", isAffirmative: true }, { label: "Không đồng ý" }, { label: "Ý kiến khác" }];

export const THIEN_TIN_CONSULTATIONS: DemoConsultation[] = [
  {
    key: "road",
    title: "Nâng cấp, mở rộng tuyến đường liên thôn Phú Khương – Long Bình – Tân Hòa",
    summary:
      "UBND xã dự kiến nâng cấp 3,2 km đường liên thôn từ 3,5 m lên 5,5 m mặt đường bê tông, có rãnh thoát nước hai bên. Xin ý kiến Nhân dân về hướng tuyến, phần đất hiến và thời gian thi công.",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
    subject: "PROJECT",
    status: "PUBLISHED",
    comment: [-6, 24],
    posting: [-6, 24],
    villages: ["Phú Khương", "Long Bình", "Tân Hòa"],
    channels: ["WEB", "MEETING", "ASSISTED", "COMMENT_BOX"],
    legalBasis:
      "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 25; Luật Đầu tư công 2024; Nghị quyết của HĐND xã về kế hoạch đầu tư công trung hạn 2026–2030.",
    responsibleOfficer: "Công chức Địa chính – Xây dựng xã",
    requiresBroadcast: true,
    sections: [
      {
        heading: "Sự cần thiết đầu tư",
        body: "Tuyến đường hiện rộng 3,5 m, xuống cấp, **thường ngập khi mưa lớn** đoạn qua xứ đồng Bàu Sen. Xe chở nông sản và xe đưa đón học sinh đi lại khó khăn.\n\nViệc nâng cấp giúp lưu thông an toàn, thuận lợi tiêu thụ nông sản cho khoảng 1.100 hộ dân ba thôn.",
      },
      {
        heading: "Quy mô và hướng tuyến",
        body: "- Chiều dài: 3,2 km, theo tim đường hiện hữu.\n- Mặt đường bê tông xi măng rộng 5,5 m, lề mỗi bên 0,75 m.\n- Rãnh thoát nước dọc hai bên; 4 cống ngang qua đường.\n- Điều chỉnh cua gấp tại ngã ba chợ Long Bình để bảo đảm tầm nhìn.",
      },
      {
        heading: "Đất đai và giải phóng mặt bằng",
        body: "Phần mở rộng cần khoảng **4.800 m²**, chủ yếu đất vườn và đất lúa ven đường. UBND xã vận động Nhân dân hiến đất; trường hợp không hiến được bồi thường, hỗ trợ theo quy định của UBND tỉnh. Các công trình phụ (hàng rào, cổng) bị ảnh hưởng được hỗ trợ xây dựng lại.",
      },
      {
        heading: "Kinh phí và thời gian",
        body: "Tổng mức đầu tư dự kiến 9,6 tỷ đồng: ngân sách tỉnh 70%, ngân sách xã 20%, Nhân dân đóng góp tự nguyện 10% (bằng tiền hoặc ngày công). Dự kiến thi công từ tháng 3 đến tháng 8 năm 2027, tránh vụ thu hoạch.",
      },
    ],
    geometry: ({ villageBox }) => {
      const a = villageBox("Phú Khương");
      const b = villageBox("Long Bình");
      const c = villageBox("Tân Hòa");
      return {
        type: "FeatureCollection",
        features: [
          f({ type: "LineString", coordinates: [lerp(a, 0.2, 0.6), lerp(a, 0.7, 0.5), lerp(b, 0.2, 0.55), lerp(b, 0.6, 0.4), lerp(c, 0.3, 0.5), lerp(c, 0.8, 0.6)] }, "Tuyến đường nâng cấp (3,2 km)", "#b91c1c"),
          f({ type: "Point", coordinates: lerp(b, 0.6, 0.4) }, "Ngã ba chợ Long Bình: điều chỉnh cua gấp", "#b45309"),
          f({ type: "Point", coordinates: lerp(a, 0.7, 0.5) }, "Đoạn thường ngập (xứ đồng Bàu Sen)", "#1d4ed8"),
        ],
      };
    },
    opinions: [
      { village: "Phú Khương", body: "Tôi đồng ý mở rộng đường. Đề nghị làm cống lớn hơn ở đoạn Bàu Sen vì năm nào nước cũng tràn qua mặt đường.", stance: "SUPPORT", pin: [0.7, 0.5] },
      { village: "Long Bình", body: "Nhà tôi ở ngã ba chợ, nếu cắt cua thì mất gần hết sân. Đề nghị xã xem lại phương án hoặc hỗ trợ thỏa đáng.", stance: "OPPOSE", pin: [0.6, 0.4] },
      { village: "Tân Hòa", body: "Nên thi công vào mùa khô và làm từng đoạn để bà con vẫn đi lại được, nhất là xe đưa đón học sinh.", stance: "OTHER" },
      { village: "Long Bình", body: "Hội nghị thôn Long Bình thống nhất ủng hộ chủ trương, đề nghị lắp thêm đèn đường đoạn qua trường học.", stance: "SUPPORT", channel: "MEETING" },
    ],
  },
  {
    key: "zoning",
    title: "Quy hoạch chi tiết khu dân cư mới Đồng Miếu (tỷ lệ 1/500)",
    summary:
      "Đồ án quy hoạch khu dân cư 6,8 ha tại xứ đồng Đồng Miếu: 186 lô đất ở, nhà văn hóa, sân thể thao và cây xanh. Xin ý kiến người dân trong khu vực và các thôn lân cận.",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_PLANNING",
    subject: "ZONING",
    status: "PUBLISHED",
    comment: [-3, 21],
    posting: [-3, 27],
    villages: ["Đồng Miếu", "Trũng Kè 1", "Tân Phú 2"],
    channels: ["WEB", "MEETING", "CONFERENCE"],
    legalBasis: "Luật Quy hoạch đô thị và nông thôn 2024, Điều 37; Luật Thực hiện dân chủ ở cơ sở, Điều 25.",
    responsibleOfficer: "Phó Chủ tịch UBND xã phụ trách kinh tế",
    sections: [
      { heading: "Vị trí, phạm vi", body: "Khu đất nằm phía tây thôn Đồng Miếu, giáp kênh N6 ở phía nam và đường ĐH.53 ở phía đông. Diện tích 6,8 ha, chủ yếu đất lúa năng suất thấp." },
      { heading: "Cơ cấu sử dụng đất", body: "| Loại đất | Diện tích | Tỷ lệ |\n|---|---|---|\n| Đất ở (186 lô) | 3,9 ha | 57% |\n| Giao thông | 1,6 ha | 24% |\n| Cây xanh, thể thao | 0,8 ha | 12% |\n| Nhà văn hóa, công trình công cộng | 0,5 ha | 7% |" },
      { heading: "Hạ tầng kỹ thuật", body: "Đường nội bộ rộng 13 m; cấp nước từ nhà máy nước Nghĩa Hành; thoát nước mưa ra kênh N6, nước thải xử lý tập trung trước khi xả." },
    ],
    geometry: ({ villageBox }) => {
      const d = villageBox("Đồng Miếu");
      return {
        type: "FeatureCollection",
        features: [
          f({ type: "Polygon", coordinates: [[lerp(d, 0.15, 0.2), lerp(d, 0.7, 0.18), lerp(d, 0.75, 0.7), lerp(d, 0.2, 0.75), lerp(d, 0.15, 0.2)]] }, "Ranh giới khu dân cư (6,8 ha)", "#7c3aed"),
          f({ type: "Polygon", coordinates: [[lerp(d, 0.4, 0.4), lerp(d, 0.55, 0.4), lerp(d, 0.55, 0.55), lerp(d, 0.4, 0.55), lerp(d, 0.4, 0.4)]] }, "Cây xanh, sân thể thao", "#15803d"),
          f({ type: "Point", coordinates: lerp(d, 0.3, 0.6) }, "Nhà văn hóa dự kiến", "#b45309"),
        ],
      };
    },
    opinions: [
      { village: "Đồng Miếu", body: "Đề nghị ưu tiên giao đất tái định cư cho các hộ bị thu hồi đất lúa trước khi đấu giá.", stance: "OTHER", pin: [0.3, 0.3] },
      { village: "Trũng Kè 1", body: "Cần nâng cốt nền cao hơn vì khu này ngập năm 2023.", stance: "SUPPORT" },
    ],
  },
  {
    key: "convention",
    title: "Dự thảo Hương ước thôn Tân Phú 1 (sửa đổi, bổ sung năm 2026)",
    summary:
      "Ban điều hành thôn Tân Phú 1 đưa dự thảo Hương ước sửa đổi ra lấy ý kiến và biểu quyết của các hộ gia đình: nếp sống văn minh trong việc cưới, việc tang, giữ vệ sinh môi trường, đóng góp quỹ khuyến học.",
    matterKind: "DECISION",
    legalCategory: "DECISION_VILLAGE_CONVENTION",
    subject: "CONVENTION",
    status: "PUBLISHED",
    comment: [-10, 25],
    // Decree 61/2023 Art. 9–10: the draft was posted 30 days before the vote opened.
    posting: [-40, 25],
    villages: ["Tân Phú 1"],
    channels: ["MEETING", "PAPER", "WEB"],
    onlineVoteNotice: true,
    legalBasis: "Luật Thực hiện dân chủ ở cơ sở, Điều 15, 21; Nghị định 61/2023/NĐ-CP về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư, Điều 9, 10.",
    responsibleOfficer: "Trưởng thôn Tân Phú 1",
    sections: [
      { heading: "Chương I. Những quy định chung", body: "Hương ước quy định những việc Nhân dân thôn Tân Phú 1 cùng thực hiện để xây dựng thôn văn minh, đoàn kết, phù hợp pháp luật và thuần phong mỹ tục." },
      { heading: "Chương II. Việc cưới, việc tang, lễ hội", body: "- Tổ chức cưới gọn nhẹ, không kéo dài quá 1 ngày.\n- Việc tang không để quá 48 giờ, không dùng kèn loa sau 22 giờ.\n- Không rải vàng mã trên đường." },
      { heading: "Chương III. Vệ sinh môi trường", body: "Mỗi hộ phân loại rác tại nguồn, nộp phí thu gom theo quy định; không xả rác, xác động vật xuống kênh mương." },
      { heading: "Chương IV. Quỹ khuyến học", body: "Mỗi hộ tự nguyện đóng góp 50.000 đồng/năm cho quỹ khuyến học của thôn; Ban điều hành thôn công khai thu chi mỗi quý." },
    ],
    geometry: ({ villageBox }) => ({
      type: "FeatureCollection",
      features: [f({ type: "Point", coordinates: lerp(villageBox("Tân Phú 1"), 0.5, 0.5) }, "Nhà văn hóa thôn Tân Phú 1 (niêm yết dự thảo)", "#0f766e")],
    }),
    questions: [
      {
        text: "Hộ gia đình có đồng ý thông qua dự thảo Hương ước thôn Tân Phú 1 (sửa đổi, bổ sung năm 2026) không?",
        kind: "YES_NO_ABSTAIN",
        votingUnit: "HOUSEHOLD",
        thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE",
        quorumPercent: 50,
        options: YES_NO,
      },
    ],
  },
  {
    key: "land-use",
    title: "Kế hoạch sử dụng đất năm 2027 xã Thiện Tín",
    summary:
      "Dự thảo kế hoạch sử dụng đất năm 2027: chuyển 12,4 ha đất lúa kém hiệu quả sang đất ở, đất giao thông và đất cụm công nghiệp; bố trí quỹ đất tái định cư. Xin ý kiến Nhân dân toàn xã trong 45 ngày.",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_LAND_USE_PLAN",
    subject: "PLAN",
    status: "PUBLISHED",
    comment: [-2, 43],
    posting: [-2, 43],
    channels: ["WEB", "MEETING", "PAPER", "ASSISTED"],
    legalBasis: "Luật Đất đai 2024, Điều 70; Luật Thực hiện dân chủ ở cơ sở, Điều 25.",
    responsibleOfficer: "Công chức Địa chính – Nông nghiệp xã",
    sections: [
      { heading: "Căn cứ lập kế hoạch", body: "Kế hoạch lập trên cơ sở quy hoạch sử dụng đất cấp tỉnh, nhu cầu sử dụng đất của các thôn và danh mục công trình, dự án được HĐND xã thông qua." },
      { heading: "Các chỉ tiêu chính", body: "- Đất lúa chuyển mục đích: 12,4 ha.\n- Đất ở mới: 5,1 ha (Đồng Miếu, Nhơn Lộc 2).\n- Đất giao thông: 2,3 ha.\n- Cụm công nghiệp Thiên Xuân (giai đoạn 1): 5,0 ha." },
      { heading: "Danh mục công trình", body: "1. Khu dân cư Đồng Miếu.\n2. Mở rộng đường liên thôn Phú Khương – Tân Hòa.\n3. Cụm công nghiệp Thiên Xuân.\n4. Khu tái định cư Nhơn Lộc 2." },
    ],
    geometry: ({ villageBox }) => {
      const x = villageBox("Thiên Xuân");
      const n = villageBox("Nhơn Lộc 2");
      return {
        type: "FeatureCollection",
        features: [
          f({ type: "Polygon", coordinates: [[lerp(x, 0.2, 0.2), lerp(x, 0.8, 0.2), lerp(x, 0.8, 0.7), lerp(x, 0.2, 0.7), lerp(x, 0.2, 0.2)]] }, "Cụm công nghiệp Thiên Xuân (5,0 ha)", "#b91c1c"),
          f({ type: "Polygon", coordinates: [[lerp(n, 0.3, 0.3), lerp(n, 0.7, 0.3), lerp(n, 0.7, 0.6), lerp(n, 0.3, 0.6), lerp(n, 0.3, 0.3)]] }, "Khu tái định cư Nhơn Lộc 2", "#15803d"),
        ],
      };
    },
    questions: [
      {
        text: "Ông/bà có đồng ý với việc bố trí cụm công nghiệp Thiên Xuân trong kế hoạch sử dụng đất năm 2027?",
        kind: "YES_NO_ABSTAIN",
        votingUnit: "RESIDENT",
        thresholdRule: "NONE",
        options: YES_NO,
      },
    ],
    opinions: [
      { village: "Thiên Xuân", body: "Cụm công nghiệp gần khu dân cư, đề nghị có dải cây xanh cách ly và chỉ nhận ngành nghề ít ô nhiễm.", stance: "OTHER", pin: [0.5, 0.5] },
    ],
  },
  {
    key: "socio-economic",
    title: "Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026",
    summary: "Lấy ý kiến Nhân dân về các chỉ tiêu kinh tế - xã hội năm 2026 của xã Thiện Tín (đã kết thúc).",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_SOCIO_ECONOMIC_PLAN",
    subject: "PLAN",
    status: "CLOSED",
    comment: [-70, -40],
    channels: ["WEB", "MEETING"],
    legalBasis: "Luật Thực hiện dân chủ ở cơ sở, Điều 25.",
    responsibleOfficer: "Văn phòng HĐND – UBND xã",
    sections: [{ heading: "Các chỉ tiêu chủ yếu", body: "Tốc độ tăng giá trị sản xuất 8%; thu nhập bình quân 52 triệu đồng/người/năm; tỷ lệ hộ nghèo giảm 1,5%." }],
    geometry: () => ({ type: "FeatureCollection", features: [] }),
    opinions: [
      { village: "Bàn Thới", body: "Đề nghị tăng chỉ tiêu bê tông hóa kênh mương nội đồng.", stance: "OTHER" },
      { village: "Ngọc Sơn", body: "Đồng ý với dự thảo.", stance: "SUPPORT" },
    ],
  },
  {
    key: "contribution",
    title: "Đóng góp kinh phí bê tông hóa đường giao thông nông thôn năm 2026",
    summary:
      "Các hộ gia đình toàn xã bàn và quyết định mức đóng góp 500.000 đồng/hộ để bê tông hóa 6,5 km đường ngõ xóm; Nhà nước hỗ trợ xi măng. Đã biểu quyết tại hội nghị các thôn.",
    matterKind: "DECISION",
    legalCategory: "DECISION_COMMUNITY_WORKS",
    subject: "BUDGET",
    status: "CLOSED",
    comment: [-50, -21],
    posting: [-50, -21],
    channels: ["MEETING", "PAPER"],
    legalBasis: "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, khoản 1 Điều 15 và khoản 1 Điều 21.",
    responsibleOfficer: "Văn phòng HĐND – UBND xã",
    sections: [
      { heading: "Mức đóng góp", body: "Mỗi hộ đóng góp 500.000 đồng, chia 2 đợt (tháng 3 và tháng 6/2026); hộ nghèo, hộ cận nghèo được miễn." },
      { heading: "Cách tính kết quả", body: "Mỗi thôn thông qua khi có ít nhất 2/3 tổng số hộ của thôn tán thành; nội dung áp dụng toàn xã được thông qua khi ít nhất 2/3 số thôn thông qua (Điều 21.1)." },
    ],
    geometry: () => ({ type: "FeatureCollection", features: [] }),
    questions: [
      {
        text: "Hộ gia đình có đồng ý đóng góp 500.000 đồng/hộ để bê tông hóa đường giao thông nông thôn năm 2026 không?",
        kind: "YES_NO_ABSTAIN",
        votingUnit: "HOUSEHOLD",
        thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE",
        thresholdPercent: 66.67,
        quorumPercent: 50,
        options: YES_NO,
      },
    ],
    // Most villages pass with about 3/4 of their households; every fourth reaches only 3/5, a majority but under 2/3.
    meetings: { present: 0.85, agree: 0.75, disagree: 0.08, failEvery: 4, failAgree: 0.6 },
  },
  {
    key: "draft",
    title: "Đóng góp xây dựng nhà văn hóa thôn Nhơn Lộc 1",
    summary: "Bản nháp: mức đóng góp tự nguyện của các hộ để xây mới nhà văn hóa thôn.",
    matterKind: "DECISION",
    legalCategory: "DECISION_COMMUNITY_WORKS",
    subject: "BUDGET",
    status: "DRAFT",
    comment: [5, 40],
    villages: ["Nhơn Lộc 1"],
    channels: ["MEETING", "PAPER"],
    legalBasis: "Luật Thực hiện dân chủ ở cơ sở, Điều 15.",
    responsibleOfficer: "Trưởng thôn Nhơn Lộc 1",
    sections: [{ heading: "Nội dung", body: "Dự kiến mỗi hộ đóng góp 300.000 đồng, chia 2 đợt." }],
    geometry: () => ({ type: "FeatureCollection", features: [] }),
  },
];

export const NGHIA_HANH_CONSULTATIONS: DemoConsultation[] = [
  {
    key: "canal",
    title: "Nạo vét, kiên cố hóa kênh N6 đoạn qua xã Nghĩa Hành",
    summary: "Xin ý kiến Nhân dân về phương án nạo vét và bê tông hóa 1,8 km kênh N6 trước mùa mưa.",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_INVESTMENT_PROJECT",
    subject: "PROJECT",
    status: "PUBLISHED",
    comment: [-4, 26],
    channels: ["WEB", "MEETING"],
    legalBasis: "Luật Thực hiện dân chủ ở cơ sở, Điều 25.",
    responsibleOfficer: "Công chức Địa chính – Nông nghiệp xã",
    sections: [{ heading: "Phương án", body: "Nạo vét lòng kênh, đổ bê tông mái kênh 1,8 km; thi công tháng 1–4/2027." }],
    geometry: ({ box }) => ({
      type: "FeatureCollection",
      features: [f({ type: "LineString", coordinates: [lerp(box, 0.1, 0.3), lerp(box, 0.5, 0.35), lerp(box, 0.9, 0.4)] }, "Kênh N6 (1,8 km)", "#1d4ed8")],
    }),
  },
];
