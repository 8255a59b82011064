// Opinions on a road-and-drainage project in xã Thiện Tín, written the way residents write: three
// concerns (flooding at Bàu Sen, the road and its traffic, compensation for land clearance), some
// replies too short to mean anything on their own, one typed without diacritics. Used by the tests.
export const FLOODING = [
  "Cống thoát nước ở xóm Bàu Sen quá nhỏ, mỗi khi mưa lớn là nước ngập vào nhà dân.",
  "Đề nghị làm lại cống thoát nước đoạn qua Bàu Sen vì mùa mưa năm nào cũng bị ngập sâu.",
  "Khu vực Bàu Sen ngập nặng sau mỗi trận mưa, cống thoát nước bị tắc do rác.",
  "Mong xã nạo vét mương và mở rộng cống thoát nước, nhà tôi ở Bàu Sen bị ngập ba lần trong năm.",
  "Nước mưa không thoát kịp, đường vào Bàu Sen ngập đến đầu gối, cần nâng cấp cống thoát nước.",
  "Cống thoát nước hiện nay nằm thấp hơn mặt ruộng nên nước chảy ngược, Bàu Sen ngập kéo dài.",
  "Tôi thấy cần xây thêm cống thoát nước dọc đường để chống ngập cho bà con Bàu Sen.",
  "Mỗi mùa mưa bão xóm Bàu Sen lại ngập, cống thoát nước cũ đã hư hỏng nhiều chỗ.",
  "Dong nuoc o Bau Sen bi ngap, cong thoat nuoc qua nho, de nghi lam lai cong thoat nuoc.",
];

export const ROAD = [
  "Đường giao thông liên thôn quá hẹp, xe tải chạy nhiều làm hư mặt đường và bụi cho các hộ hai bên.",
  "Đề nghị mở rộng đường giao thông đoạn qua trường học và làm vỉa hè cho học sinh đi bộ an toàn.",
  "Mặt đường giao thông xuống cấp, nhiều ổ gà, xe máy đi ban đêm rất nguy hiểm.",
  "Nên cấm xe tải trên 10 tấn đi vào đường giao thông liên thôn để giữ mặt đường bền lâu.",
  "Cần lắp đèn chiếu sáng và biển báo giảm tốc độ trên đường giao thông gần chợ.",
  "Đường giao thông nối Phú Khương với Tân Phú 1 hẹp, hai xe tải tránh nhau rất khó.",
  "Khi mở rộng đường giao thông xin làm mương dọc hai bên và trồng cây xanh.",
  "Mặt đường giao thông bị lún ở đoạn cua, xe tải chở cát đi qua suốt ngày.",
];

export const CLEARANCE = [
  "Giá bồi thường đất khi giải phóng mặt bằng thấp hơn giá thị trường, đề nghị xem xét lại.",
  "Gia đình tôi bị thu hồi đất để giải phóng mặt bằng, mong được bồi thường thỏa đáng và tái định cư gần chỗ cũ.",
  "Việc kiểm đếm tài sản khi giải phóng mặt bằng cần công khai, minh bạch cho các hộ bị ảnh hưởng.",
  "Đề nghị hỗ trợ chuyển đổi nghề cho các hộ mất đất nông nghiệp do giải phóng mặt bằng.",
  "Phương án bồi thường giải phóng mặt bằng chưa tính cây trồng và vật kiến trúc trên đất.",
  "Khu tái định cư phải có đủ điện, nước sạch trước khi các hộ giải phóng mặt bằng chuyển đến.",
  "Tiền bồi thường giải phóng mặt bằng nên chi trả một lần, đúng hạn, không để bà con chờ lâu.",
  "Đơn giá bồi thường đất ở khi giải phóng mặt bằng cần áp dụng bảng giá mới năm 2026.",
];

export const SHORT = ["Đồng ý.", "Tôi ủng hộ!", "Không đồng ý", "ok", "Nhất trí."];

export const fixtureOpinions = () => [
  ...FLOODING.map((text, i) => ({ id: `flood-${String(i).padStart(2, "0")}`, text })),
  ...ROAD.map((text, i) => ({ id: `road-${String(i).padStart(2, "0")}`, text })),
  ...CLEARANCE.map((text, i) => ({ id: `land-${String(i).padStart(2, "0")}`, text })),
  ...SHORT.map((text, i) => ({ id: `short-${String(i).padStart(2, "0")}`, text })),
];
