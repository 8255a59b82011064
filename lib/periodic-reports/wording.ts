// The words the periodic documents print, as a commune office writes them. Official documents are in
// Vietnamese whatever the reader's language (Decree 30/2020), so these are not in the message catalogues.
import type { CaseKind, Channel, ContributionUnit, PostingChannel } from "@/lib/generated/prisma/enums";

export const POSTING_WORDS: Record<PostingChannel, string> = {
  WEB_PORTAL: "Đăng trên trang thông tin của xã",
  NOTICE_BOARD: "Niêm yết",
  LOUDSPEAKER: "Đài truyền thanh xã",
  VILLAGE_HEAD: "Qua Trưởng thôn, Tổ trưởng tổ dân phố",
  DOCUMENTS_TO_HOUSEHOLDS: "Gửi tài liệu đến hộ gia đình",
  CONFERENCE: "Hội nghị",
  MESSAGE_TO_HOUSEHOLDS: "Tin nhắn đến đại diện hộ gia đình",
  SOCIAL_NETWORK: "Mạng xã hội",
};

export const CHANNEL_WORDS: Record<Channel, string> = {
  WEB: "Trực tuyến",
  PAPER: "Phiếu lấy ý kiến",
  MEETING: "Hội nghị thôn, tổ dân phố",
  ASSISTED: "Cán bộ ghi giúp",
  COMMENT_BOX: "Hòm thư góp ý",
  HOTLINE: "Đường dây nóng",
  FRONT: "Qua Ủy ban MTTQ Việt Nam xã",
  CONFERENCE: "Hội nghị đối thoại",
};

export const CASE_KIND_WORDS: Record<CaseKind, string> = {
  PETITION: "Kiến nghị",
  FEEDBACK: "Phản ánh",
  COMPLAINT: "Khiếu nại",
  DENUNCIATION: "Tố cáo",
};

export const UNIT_WORDS: Record<ContributionUnit, string> = { MONEY: "đồng/hộ", LABOUR_DAYS: "ngày công/hộ" };
export const UNIT_TOTAL_WORDS: Record<ContributionUnit, string> = { MONEY: "đồng", LABOUR_DAYS: "ngày công" };

/** "31/12/2026" from "2026-12-31". */
export const dmy = (isoDay: string) => isoDay.split("-").reverse().join("/");
