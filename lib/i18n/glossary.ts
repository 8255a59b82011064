// The words a commune official would write (issue 14 §5). Each entry names a term that must not appear,
// the term to write instead, and why. lib/i18n/glossary.test.ts scans the Vietnamese catalogue
// (messages/vi) and the texts of the official documents (DOCUMENT_SOURCES) and fails on any hit.
//
// `where` says what an entry scans: "catalogue", "documents" or both; `namespaces` narrows a catalogue
// entry to some namespaces (a file messages/vi/<ns>.json or <ns>.<part>.json), `keys` to some keys; `allow` lists lines a
// document entry lets through, with the reason in the comment beside it.

export type GlossaryEntry = {
  forbidden: RegExp;
  preferred: string;
  reason: string;
  where: ReadonlyArray<"catalogue" | "documents">;
  namespaces?: readonly string[];
  keys?: readonly string[];
  allow?: readonly RegExp[];
};

const BOTH = ["catalogue", "documents"] as const;

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    forbidden: /s[ổố] hộ khẩu/i,
    preferred: "mã hộ trong Cơ sở dữ liệu về cư trú, hoặc mã do xã đặt",
    reason: "Sổ hộ khẩu has had no legal value since 1 January 2023 (khoản 3 Điều 38 Luật Cư trú 2020, Law 68/2020/QH14).",
    where: BOTH,
  },
  {
    forbidden: /Điều \d+\.\d+|Điều \d+ khoản \d+|khoản \d+ điểm [a-zđ]|\d{4}, Điều \d+|QH1\d, Điều \d+/,
    preferred: "khoản 6 Điều 15 Luật Thực hiện dân chủ ở cơ sở (điểm, khoản, Điều, then the law's name)",
    reason: "Vietnamese legal texts cite from the smallest unit up: điểm a khoản 2 Điều 35 Luật …, never 'Điều 35.2.a' or 'Luật …, Điều 35'.",
    where: BOTH,
  },
  {
    forbidden: /Luật Quy hoạch(?! đô thị và nông thôn)/,
    preferred: "Luật Quy hoạch đô thị và nông thôn (Law 47/2024/QH15), điểm b khoản 7 Điều 37",
    reason: "Residents' comments on urban and rural planning (20 to 30 days) are set by Điều 37 of the Law on Urban and Rural Planning 2024, not the Planning Law 2017.",
    where: BOTH,
  },
  {
    forbidden: /quy hoạch xây dựng|(?<!đô thị và )quy hoạch nông thôn/i,
    preferred: "Quy hoạch đô thị và nông thôn",
    reason: "Law 47/2024/QH15 (in force 1 July 2025) replaced construction planning and rural planning with urban and rural planning.",
    where: BOTH,
  },
  {
    forbidden: /cho thôi làm/i,
    preferred: "Bầu, miễn nhiệm, bãi nhiệm Trưởng thôn, Tổ trưởng tổ dân phố",
    reason: "The law's words for the matter (khoản 4 Điều 15 Luật Thực hiện dân chủ ở cơ sở).",
    where: BOTH,
  },
  {
    forbidden: /Tử số|Mẫu số(?! \d)/,
    preferred: "Số hộ đồng ý / Tổng số hộ gia đình trong phạm vi",
    reason: "A fraction's parts are schoolbook words; the result says what is counted. ('Mẫu số 03' as a form number stays.)",
    where: BOTH,
  },
  {
    forbidden: /báo cáo vi phạm/i,
    preferred: "Phản ánh vi phạm",
    reason: "A Báo cáo is an official document of the People's Committee; a resident flagging an opinion makes a phản ánh.",
    where: BOTH,
  },
  {
    forbidden: /tán thành/i,
    preferred: "Đồng ý (votes), Đồng tình (reactions to an opinion)",
    reason: "One word for agreeing in a vote and one for a reaction, everywhere.",
    where: BOTH,
  },
  {
    forbidden: /đồng ý/i,
    preferred: "Đồng tình / Không đồng tình",
    reason: "Reactions to an opinion and a question are 'đồng tình'; 'đồng ý' is the vote's word.",
    where: ["catalogue"],
    namespaces: ["opinionActions", "dialogues", "reportExports"],
  },
  {
    forbidden: /đồng tình/i,
    preferred: "Đồng ý / Không đồng ý",
    reason: "A vote is agreed to ('đồng ý'); 'đồng tình' is a reaction to an opinion.",
    where: ["catalogue"],
    namespaces: ["ballot", "ballotStaff", "enums.votes", "errors.votes", "errors.tally"],
  },
  {
    forbidden: /^(Hình thức|Kết quả xử lý|Kind of answer|Outcome)$/,
    preferred: "Hướng xử lý",
    reason: "The kind of answer to an opinion (tiếp thu, giải trình, ngoài phạm vi) is its course of action, not a form or an outcome.",
    where: ["catalogue"],
    keys: ["answers.json kind", "reportExports.json columns.answerKind"],
  },
  {
    forbidden: /Dân Bàn|Dan Ban/,
    preferred: "trang lấy ý kiến trực tuyến của xã",
    reason: "An official document names the commune's channels, not the software's name.",
    where: ["documents"],
    allow: [/\b(creator|producer|generator)\b/],
  },
  {
    forbidden: /Cổng thông tin điện tử/i,
    preferred: "trang lấy ý kiến trực tuyến của xã",
    reason: "Many communes have no web portal of their own; a document names one only where the commune recorded it.",
    where: ["documents"],
    // A posting the staff recorded on the commune's own portal (a channel of Điều 12 of the Law).
    allow: [/WEB_PORTAL: "Cổng thông tin điện tử"/],
  },
  {
    forbidden: /npm run db:|db:seed/,
    preferred: "Chưa có xã nào được thiết lập",
    reason: "A public page speaks to residents, not to developers.",
    where: ["catalogue"],
  },
];

/** The files whose strings become official documents, broadcast texts or their counting sentences. */
export const DOCUMENT_SOURCES: readonly string[] = [
  "lib/reports",
  "lib/notices",
  "lib/documents",
  "lib/conventions/documents.ts",
  "lib/online-deciding/online-vote-minutes.ts",
  "lib/meeting-minutes",
  "lib/reception/conclusion-notice.ts",
  "lib/inspection/report.ts",
  "lib/disclosure/loudspeaker-text.ts",
  "lib/dialogues/loudspeaker.ts",
  "lib/participation/counting-text.ts",
];
