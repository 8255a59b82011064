// The counting rule in the words of a commune's documents (report, outcome notice): what the "Căn cứ"
// of a result quotes. The rule itself lives in counting-rules.ts; these are its Vietnamese sentences.
import type { CountingLaw, Share } from "./counting-rules";
import type { CommuneOutcome } from "./tally";

const LAW = "Luật Thực hiện dân chủ ở cơ sở năm 2022";

const ARTICLE: Record<CountingLaw["article"], string> = {
  art21Contribution: `khoản 1 Điều 21 ${LAW} (nội dung quy định tại khoản 1, khoản 2 Điều 15)`,
  art21SelfManagement: `khoản 1 Điều 21 ${LAW} (nội dung quy định tại các khoản 3, 4, 5, 6 Điều 15)`,
};

/** "ít nhất 2/3 tổng số hộ gia đình của thôn", with the commune's higher figure when it set one. */
export function shareText(share: Share, raisedPercent: number | null): string {
  const base = share === "AT_LEAST_TWO_THIRDS" ? "ít nhất 2/3 tổng số hộ gia đình của thôn" : "trên 50% tổng số hộ gia đình của thôn";
  return raisedPercent === null ? base : `${base}, và trên ${raisedPercent}% theo quy định của xã`;
}

/** The "Căn cứ" of a decision's result: the share per village, its article, and the commune-level rule. */
export function basisText(law: { share: Share; article: CountingLaw["article"]; raisedPercent: number | null }, commune: Pick<CommuneOutcome, "rule">): string {
  const communeRule =
    commune.rule === "TWO_THIRDS_OF_VILLAGES"
      ? "nội dung áp dụng toàn xã được thông qua khi ít nhất 2/3 số thôn thông qua"
      : "mỗi thôn quyết định theo kết quả của thôn mình";
  return `Căn cứ ${ARTICLE[law.article]}: mỗi thôn thông qua khi có ${shareText(law.share, law.raisedPercent)} đồng ý; ${communeRule}.`;
}

export const verdictText = (passed: boolean | null) => (passed === null ? "đang biểu quyết" : passed ? "Thông qua" : "Không thông qua");
