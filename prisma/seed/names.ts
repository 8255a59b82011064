import type { Random } from "./random";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Đinh", "Lương", "Tạ", "Văn"];
const WEIGHTS = [30, 10, 12, 8, 9, 9, 5, 4, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1];
const MIDDLE_MALE = ["Văn", "Minh", "Đức", "Hữu", "Quang", "Thanh", "Công", "Xuân", "Ngọc"];
const MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Mỹ", "Thu", "Hồng"];
const GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Toàn", "Trung", "Tuấn", "Vinh", "Vũ", "Lộc", "Tài", "Phước"];
const GIVEN_FEMALE = ["Anh", "Bích", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Liên", "Linh", "Mai", "Nga", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Trinh", "Vân", "Xuân", "Yến", "Lệ"];

function weighted(random: Random): string {
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  let r = random.next() * total;
  for (const [i, w] of WEIGHTS.entries()) {
    r -= w;
    if (r <= 0) return FAMILY[i]!;
  }
  return FAMILY[0]!;
}

export function personName(random: Random, family?: string): { name: string; family: string; female: boolean } {
  const female = random.next() < 0.5;
  const fam = family ?? weighted(random);
  const middle = random.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = random.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  return { name: `${fam} ${middle} ${given}`, family: fam, female };
}
