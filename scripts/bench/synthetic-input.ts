// A large, realistic, reproducible input for the report benchmarks: opinions in Vietnamese on a dozen
// concerns a commune hears about, of about thirty words each, with village names, filler, the odd
// text typed without diacritics and the odd one-word reply; and agree/disagree reactions from
// participants who fall into a few camps.
import { seededRandom } from "@/lib/reports/seeded-random";

const VILLAGES = ["Phú Khương", "Phú Thọ", "Long Bình", "Tân Phú 1", "Tân Phú 2", "Tân Hòa", "Đồng Miếu", "Trũng Kè 1", "Bàn Thới", "Ngọc Sơn", "Thiên Xuân", "Nguyên Hòa", "Đồng Giữa", "Nhơn Lộc 1", "Khánh Giang", "Trường Lệ"];

const TOPICS: string[][] = [
  ["cống thoát nước", "ngập úng", "mùa mưa", "nạo vét mương", "nước tràn vào nhà", "khơi thông dòng chảy"],
  ["đường giao thông", "mở rộng mặt đường", "xe tải", "ổ gà", "vỉa hè", "tải trọng"],
  ["giải phóng mặt bằng", "bồi thường", "đơn giá đất", "tái định cư", "kiểm đếm tài sản", "chi trả tiền"],
  ["đèn chiếu sáng", "đường tối", "an ninh trật tự", "lắp thêm bóng đèn", "ban đêm", "điện năng lượng mặt trời"],
  ["trường mẫu giáo", "phòng học", "học sinh", "sân chơi", "giáo viên", "bếp ăn bán trú"],
  ["rác thải", "điểm tập kết rác", "thu gom", "mùi hôi", "phân loại rác", "xe chở rác"],
  ["nước sạch", "giếng khoan", "đường ống cấp nước", "nhiễm phèn", "trạm bơm", "hóa đơn tiền nước"],
  ["kênh mương nội đồng", "tưới tiêu", "ruộng lúa", "đập dâng", "vụ đông xuân", "bê tông hóa kênh"],
  ["nhà văn hóa thôn", "sân thể thao", "sinh hoạt cộng đồng", "loa truyền thanh", "tu sửa mái", "bàn ghế"],
  ["trạm y tế", "khám chữa bệnh", "bảo hiểm y tế", "bác sĩ", "thuốc men", "người cao tuổi"],
  ["chợ xã", "ki ốt", "lấn chiếm lòng đường", "buôn bán", "vệ sinh an toàn thực phẩm", "giờ họp chợ"],
  ["cầu dân sinh", "sạt lở bờ sông", "kè chống sạt lở", "lan can", "xe máy qua cầu", "mùa lũ"],
];

const OPENERS = ["Đề nghị UBND xã", "Tôi kiến nghị", "Bà con thôn mong", "Gia đình tôi đề nghị", "Xin phản ánh", "Ý kiến của tôi là", "Kính đề nghị"];
const FILLERS = ["xem xét sớm", "vì ảnh hưởng nhiều hộ dân", "trong năm nay", "cho bà con yên tâm", "đã nhiều lần phản ánh", "mong được trả lời", "rất cần thiết", "cần làm ngay", "theo đúng quy định", "để đảm bảo an toàn"];
const SHORT = ["Đồng ý.", "Nhất trí!", "Không đồng ý", "Ủng hộ", "ok"];

const strip = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d");

export function syntheticOpinions(count: number, seed = 2026): { id: string; text: string; topic: number }[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const id = `op-${String(i).padStart(6, "0")}`;
    if (random() < 0.04) return { id, text: pick(SHORT), topic: -1 };
    const topic = Math.floor(random() * TOPICS.length);
    const words: string[] = [pick(OPENERS)];
    const phrases = 3 + Math.floor(random() * 3);
    for (let p = 0; p < phrases; p++) words.push(pick(TOPICS[topic]!));
    // A concern rarely stays alone: a phrase from another topic, a place, a reason.
    if (random() < 0.35) words.push(pick(pick(TOPICS)));
    words.push(`ở thôn ${pick(VILLAGES)}`, pick(FILLERS), pick(FILLERS));
    let text = `${words.join(", ")}.`;
    if (random() < 0.03) text = strip(text);
    return { id, text, topic };
  });
}

export type SyntheticReaction = { participantId: string; opinionId: string; kind: "AGREE" | "DISAGREE" };

/**
 * Participants in `groups` camps; each camp leans towards agreeing with its own block of opinions and
 * disagreeing with one other block; a few opinions everyone agrees with.
 */
export function syntheticReactions(participants: number, opinions: number, options: { groups?: number; perParticipant?: number; seed?: number } = {}) {
  const { groups = 3, perParticipant = 60, seed = 7 } = options;
  const random = seededRandom(seed);
  const reactions: SyntheticReaction[] = [];
  const consensus = Math.max(1, Math.floor(opinions * 0.02));
  for (let p = 0; p < participants; p++) {
    const group = p % groups;
    const seen = new Set<number>();
    for (let r = 0; r < perParticipant && seen.size < opinions; r++) {
      const o = Math.floor(random() * opinions);
      if (seen.has(o)) continue;
      seen.add(o);
      let agree: number;
      if (o < consensus) agree = 0.92;
      else if ((o - consensus) % groups === group) agree = 0.85;
      else if ((o - consensus) % groups === (group + 1) % groups) agree = 0.15;
      else agree = 0.5;
      reactions.push({ participantId: `p-${p}`, opinionId: `o-${o}`, kind: random() < agree ? "AGREE" : "DISAGREE" });
    }
  }
  return reactions;
}
