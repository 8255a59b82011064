import { describe, expect, it } from "vitest";

import { displayNameSchema, officeInName } from "./display-name";
import { registrationSchema } from "./schemas";

describe("display names that pass for an office", () => {
  it.each([
    "Chủ tịch xã",
    "chu tich xa",
    "CHỦ TỊCH UBND XÃ",
    "Phó Chủ tịch",
    "UBND xã Thiện Tín",
    "U.B.N.D",
    "u b n d",
    "Ủy ban nhân dân xã",
    "Uỷ ban xã",
    "Ban Mặt trận thôn",
    "ban mat tran",
    "MTTQ Thiện Tín",
    "M-T-T-Q",
    "Mặt Trận Tổ Quốc",
    "Công an xã",
    "cong an",
    "C0NG AN",
    "Trưởng thôn Long Bình",
    "truong thon",
    "Cán bộ xã",
    "can bo",
    "Chủ\u200btịch",
    "Ｕ Ｂ Ｎ Ｄ",
    "Bí thư Đảng ủy",
    "HĐND xã",
    "Admin",
  ])("refuses %j", (name) => {
    expect(officeInName(name)).not.toBeNull();
    const result = displayNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("displayNameIsOffice");
  });

  it.each(["Nguyễn Văn An", "Bác Ba Long Bình", "Công Ân", "Nguyễn Công Ẩn", "Người dân thôn Phú Thọ", "Trần Thị Hoa", "Đặng Uyên", "Chú Tư"])("accepts %j", (name) => {
    expect(officeInName(name)).toBeNull();
    expect(displayNameSchema.safeParse(name).success).toBe(true);
  });

  it("keeps the length rules", () => {
    expect(displayNameSchema.safeParse("A").error?.issues[0]?.message).toBe("tooShort");
    expect(displayNameSchema.safeParse("A".repeat(51)).error?.issues[0]?.message).toBe("tooLong");
  });

  it("is the rule registration applies", () => {
    const result = registrationSchema.safeParse({ communeId: "c", name: "Nguyễn Văn A", displayName: "Chủ tịch xã", phone: "0901000001", code: "123456", birthYear: 1980, villageId: "v", password: "matkhau123", consent: true });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["displayName", "displayNameIsOffice"]]);
  });
});
