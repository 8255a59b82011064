// The quarterly list of what was disclosed (Law 10/2022/QH15 Art. 13.2: each quarter the commune
// People's Committee lists the information it disclosed, with the form and the time of disclosure,
// and posts the list at its office and at the village and residential-group halls). Built from the
// disclosure register (lib/disclosure), as an official document in the Decree 30 layout.
import { vnDate } from "@/lib/calendar/working-days";
import type { RegisterEntry } from "@/lib/disclosure/register-entry";
import type { Block, OfficialDocument, Signature } from "@/lib/documents/model";

import type { ReportPeriod } from "./periods";
import { periodDays, periodLabel } from "./periods";
import { dmy, POSTING_WORDS } from "./wording";

export const DISCLOSURE_LIST_ARTICLE = "khoản 2 Điều 13 Luật Thực hiện dân chủ ở cơ sở";

export const DISCLOSURE_LIST_RECIPIENTS = [
  "Trụ sở UBND xã (niêm yết)",
  "Nhà văn hóa các thôn, tổ dân phố (niêm yết)",
  "Thường trực HĐND xã",
  "Ủy ban MTTQ Việt Nam xã",
  "Lưu: VT, VP",
];

/** "Niêm yết (Trụ sở UBND xã): 02/10/2026 – 01/11/2026"; loudspeaker postings give their days. */
export function postingLine(p: RegisterEntry["postings"][number]): string {
  const where = p.channel === "WEB_PORTAL" ? "" : p.location ? ` (${p.location})` : "";
  if (p.channel === "LOUDSPEAKER" && p.broadcastDates.length) return `${POSTING_WORDS[p.channel]}${where}: các ngày ${p.broadcastDates.map(dmy).join(", ")}`;
  const from = dmy(vnDate(p.startsAt));
  const to = p.endsAt ? ` – ${dmy(vnDate(p.endsAt))}` : "";
  return `${POSTING_WORDS[p.channel]}${where}: ${p.endsAt ? "" : "từ "}${from}${to}`;
}

export function disclosureListDocument(input: { communeName: string; quarter: ReportPeriod; entries: RegisterEntry[]; signature: Signature }): OfficialDocument {
  const { firstDay, lastDay } = periodDays(input.quarter);
  const label = periodLabel(input.quarter);
  const body: Block[] = [
    {
      kind: "paragraph",
      content: [
        `Thực hiện ${DISCLOSURE_LIST_ARTICLE}, Ủy ban nhân dân xã ${input.communeName} thông báo danh mục các thông tin đã công khai ${label} (từ ngày ${dmy(firstDay)} đến ngày ${dmy(lastDay)}), hình thức và thời điểm công khai như sau:`,
      ],
    },
    input.entries.length
      ? {
          kind: "table",
          header: ["STT", "Thông tin đã công khai", "Ngày công khai", "Hình thức, thời gian công khai"],
          widths: [0.6, 3.2, 1.3, 4.4],
          align: ["center", "left", "center", "left"],
          rows: input.entries.map((e, i) => [String(i + 1), e.title, dmy(vnDate(e.publishedAt)), e.postings.map(postingLine).join("; ")]),
        }
      : { kind: "paragraph", content: [`Trong ${label}, Ủy ban nhân dân xã không có thông tin công khai mới.`] },
    {
      kind: "paragraph",
      content: [`Tổng số: ${input.entries.length} thông tin. Danh mục này được niêm yết tại trụ sở Ủy ban nhân dân xã và nhà văn hóa các thôn, tổ dân phố để Nhân dân biết, theo dõi.`],
    },
  ];
  return {
    issuerLines: ["Ủy ban nhân dân", `xã ${input.communeName}`],
    type: "TB",
    numberLabel: null,
    place: input.communeName,
    issuedAt: null,
    subject: `Danh mục thông tin đã công khai ${label}`,
    body,
    recipients: DISCLOSURE_LIST_RECIPIENTS,
    signature: input.signature,
  };
}
