// The legal floor beside each commune setting (issue 14 §1): the figures come from the one place each
// rule lives (lib/consultations/legal-rules.ts for periods, thresholds and broadcasts, lib/reception/rules.ts
// for reception days); this module only names the source each refusal cites. A setting may raise a
// figure, never lower it below the law, and a ceiling set by a sector law may be tightened, never passed.
import { CATEGORY_RULES, LEGAL_CATEGORIES, MIN_POSTING_DAYS } from "@/lib/consultations/legal-rules";
import type { LegalCategory } from "@/lib/generated/prisma/enums";
import { MIN_RECEPTION_DAYS_PER_WEEK, RECEPTION_DAYS_ARTICLE } from "@/lib/reception/rules";
import type { CategoryOverride } from "@/lib/settings";

/** The source of each period rule of legal-rules.ts (its `rule` key), as a refusal cites it. */
export const PERIOD_CITATIONS: Record<string, string> = {
  accessToInformation: "Luật Tiếp cận thông tin 2016, khoản 2 Điều 21",
  grassrootsDemocracyDefault: "khoản 2 Điều 28 Luật Thực hiện dân chủ ở cơ sở 2022 và mức tối thiểu của Dân Bàn",
  villageConvention: "Nghị định 61/2023/NĐ-CP, Điều 9",
  landLaw: "Luật Đất đai 2024, Điều 70",
  planningLaw: "Luật Quy hoạch đô thị và nông thôn 2024, Điều 37",
};
/** Law 10/2022 Art. 21.1: 2/3 of all households for contributions and funds, more than half otherwise. */
export const THRESHOLD_CITATION = "khoản 1 Điều 21 Luật Thực hiện dân chủ ở cơ sở 2022";
/** Law 10/2022 Art. 13.3: some disclosures are broadcast on the loudspeaker. */
export const BROADCAST_CITATION = "khoản 3 Điều 13 Luật Thực hiện dân chủ ở cơ sở 2022";
export { MIN_RECEPTION_DAYS_PER_WEEK, RECEPTION_DAYS_ARTICLE };

export type CategoryFloors = {
  category: LegalCategory;
  kind: (typeof CATEGORY_RULES)[LegalCategory]["kind"];
  minCommentDays: number;
  maxCommentDays: number | null;
  commentCitation: string;
  minPostingDays: number;
  postingCitation: string;
  /** Only decisions pass or fail against households. */
  thresholdPercent: number | null;
  requiresBroadcast: boolean;
};

export function floorsOf(category: LegalCategory): CategoryFloors {
  const base = CATEGORY_RULES[category];
  return {
    category,
    kind: base.kind,
    minCommentDays: base.minCommentDays,
    maxCommentDays: base.maxCommentDays ?? null,
    commentCitation: PERIOD_CITATIONS[base.rule] ?? base.rule,
    minPostingDays: Math.max(base.minPostingDays, MIN_POSTING_DAYS),
    postingCitation: PERIOD_CITATIONS[base.rule === "villageConvention" ? "villageConvention" : "accessToInformation"]!,
    thresholdPercent: base.kind === "DECISION" ? base.thresholdPercent : null,
    requiresBroadcast: base.requiresBroadcast,
  };
}

export const ALL_FLOORS = LEGAL_CATEGORIES.map(floorsOf);

export type FloorProblem = { field: string; code: "settingBelowFloor" | "settingAboveCeiling" | "settingBroadcastRequired" | "settingMaxBelowMin"; params: { value: number | string; floor: number | string; law: string } };

/** Every per-category figure that the law does not allow: below its floor, above a sector law's ceiling. */
export function floorProblems(legal: Partial<Record<string, CategoryOverride>>): FloorProblem[] {
  const problems: FloorProblem[] = [];
  for (const [category, o] of Object.entries(legal)) {
    if (!o || !(category in CATEGORY_RULES)) continue;
    const f = floorsOf(category as LegalCategory);
    const at = (figure: string) => `legal.${category}.${figure}`;
    if (o.minCommentDays !== undefined) {
      if (o.minCommentDays < f.minCommentDays) problems.push({ field: at("minCommentDays"), code: "settingBelowFloor", params: { value: o.minCommentDays, floor: f.minCommentDays, law: f.commentCitation } });
      else if (f.maxCommentDays !== null && o.minCommentDays > f.maxCommentDays) problems.push({ field: at("minCommentDays"), code: "settingAboveCeiling", params: { value: o.minCommentDays, floor: f.maxCommentDays, law: f.commentCitation } });
    }
    if (o.maxCommentDays !== undefined) {
      const min = o.minCommentDays ?? f.minCommentDays;
      if (f.maxCommentDays !== null && o.maxCommentDays > f.maxCommentDays) problems.push({ field: at("maxCommentDays"), code: "settingAboveCeiling", params: { value: o.maxCommentDays, floor: f.maxCommentDays, law: f.commentCitation } });
      else if (o.maxCommentDays < min) problems.push({ field: at("maxCommentDays"), code: "settingMaxBelowMin", params: { value: o.maxCommentDays, floor: min, law: f.commentCitation } });
    }
    if (o.minPostingDays !== undefined && o.minPostingDays < f.minPostingDays) problems.push({ field: at("minPostingDays"), code: "settingBelowFloor", params: { value: o.minPostingDays, floor: f.minPostingDays, law: f.postingCitation } });
    if (o.thresholdPercent !== undefined && f.thresholdPercent !== null && o.thresholdPercent < f.thresholdPercent) problems.push({ field: at("thresholdPercent"), code: "settingBelowFloor", params: { value: o.thresholdPercent, floor: f.thresholdPercent, law: THRESHOLD_CITATION } });
    if (o.requiresBroadcast === false && f.requiresBroadcast) problems.push({ field: at("requiresBroadcast"), code: "settingBroadcastRequired", params: { value: "false", floor: "true", law: BROADCAST_CITATION } });
  }
  return problems;
}
