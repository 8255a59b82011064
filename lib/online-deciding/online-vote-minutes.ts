// The minutes of an online vote's result in one village (Decree 59/2023/NĐ-CP, Art. 5 and its form 03):
// the conditions that allowed the online vote, the team that ran it, the households of the village and
// each option's count against ALL of them, and the result under the law's rule (more than 50% of all
// households, Law 10/2022 Art. 21.1). As with the ballot-count minutes (lib/meeting-minutes), the exact
// layout of the form could not be read, so the content follows what it must hold. Laid out as a Decree
// 30/2020 document (type BB) by lib/documents; sent to the People's Committee and the Front within 5
// working days.
import { heldAtWords, share, villageCountBlocks } from "@/lib/meeting-minutes/ballot-count-minutes";
import { vnNumber } from "@/lib/documents/format";
import type { Block, OfficialDocument } from "@/lib/documents/model";

import type { TeamMember } from "./online-deciding-rules";

export type OnlineMinutesInput = {
  communeName: string;
  villageName: string;
  consultationTitle: string;
  closedAt: Date;
  agreedOn: Date | null;
  villageHeadName: string | null;
  frontCommitteeName: string | null;
  notifiedOn: Date | null;
  pollYes: number;
  team: TeamMember[];
  households: number;
  questions: { position: number; text: string; options: { label: string; count: number }[]; passed: boolean | null }[];
};

const date = (d: Date | null) => (d ? new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(d) : "—");

export function onlineVoteMinutes(input: OnlineMinutesInput): OfficialDocument {
  const leader = input.team.find((m) => m.isLeader);
  const body: Block[] = [
    {
      kind: "paragraph",
      content: [`Kết thúc biểu quyết trực tuyến ${heldAtWords(input.closedAt)}, Tổ biểu quyết trực tuyến thôn ${input.villageName}, xã ${input.communeName} lập biên bản kết quả biểu quyết của đại diện hộ gia đình về: ${input.consultationTitle}.`],
    },
    { kind: "heading", level: 1, text: "I. CĂN CỨ TỔ CHỨC BIỂU QUYẾT TRỰC TUYẾN (Nghị định 59/2023/NĐ-CP, Điều 5)" },
    {
      kind: "bullets",
      items: [
        [`Trưởng thôn (${input.villageHeadName ?? "—"}) và Ban công tác Mặt trận (${input.frontCommitteeName ?? "—"}) thống nhất không tổ chức họp, không phát phiếu, ngày ${date(input.agreedOn)}.`],
        [`Số đại diện hộ gia đình đồng ý hình thức trực tuyến: ${vnNumber(input.pollYes)}/${vnNumber(input.households)} hộ, bằng ${share(input.pollYes, input.households)} tổng số hộ của thôn.`],
        [`Đã báo cáo Ủy ban nhân dân xã và Ủy ban MTTQ Việt Nam xã ngày ${date(input.notifiedOn)}.`],
        [`Tổ biểu quyết trực tuyến gồm ${input.team.length} người: ${input.team.map((m) => `${m.fullName} (${m.role})`).join("; ")}.`],
      ],
    },
    { kind: "heading", level: 1, text: "II. KẾT QUẢ BIỂU QUYẾT" },
    { kind: "paragraph", content: [`Tổng số hộ gia đình của thôn: ${vnNumber(input.households)} hộ.`] },
    ...villageCountBlocks(input.questions, input.households, (q) => {
      const verdict = q.passed === null ? "chưa có kết quả" : q.passed ? "được thông qua" : "không được thông qua";
      return [{ kind: "paragraph", content: [`Kết quả: ${verdict} (cần trên 50% tổng số hộ gia đình của thôn đồng ý, theo khoản 1 Điều 21 Luật Thực hiện dân chủ ở cơ sở).`] }];
    }),
  ];
  body.push({ kind: "paragraph", content: ["Biên bản gửi Ủy ban nhân dân xã và Ủy ban MTTQ Việt Nam xã trong thời hạn 05 ngày làm việc kể từ ngày kết thúc biểu quyết."] });
  return {
    issuerLines: [`xã ${input.communeName}`, `thôn ${input.villageName}`],
    type: "BB",
    numberLabel: null,
    issuerCode: "TBQTT",
    place: input.communeName,
    issuedAt: input.closedAt,
    subject: `Kết quả biểu quyết trực tuyến về ${input.consultationTitle}`,
    body,
    recipients: [`UBND xã ${input.communeName}`, "Ủy ban MTTQ Việt Nam xã", `Ban Công tác Mặt trận thôn ${input.villageName}`, "Lưu: thôn"],
    signature: { authorityLines: ["TM. TỔ BIỂU QUYẾT TRỰC TUYẾN", "TỔ TRƯỞNG"], signerName: leader?.fullName ?? "" },
  };
}
