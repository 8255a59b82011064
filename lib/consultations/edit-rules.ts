// The period rules when a consultation is edited. A draft is judged like a new consultation. After
// publication the law still holds (the same checkPeriods), but only for what the edit touches: a
// period that was lawful when published is not judged again because an officer fixed a typo, and a
// comment period may not be moved to end before today.
import type { LegalCategory } from "@/lib/generated/prisma/enums";
import type { CommuneSettings } from "@/lib/settings";

import { checkPeriods, endOfDayVn, type PeriodProblem } from "./periods";

export type PeriodFields = {
  legalCategory: LegalCategory;
  commentStartsAt: string;
  commentEndsAt: string;
  postingStartsAt: string | null;
  postingEndsAt: string | null;
};

export type EditPeriodProblem = PeriodProblem | { field: "commentEndsAt"; code: "commentEndInPast"; params: Record<string, never> };

/**
 * Problems with the periods of an edit. `published` is the consultation's periods as published, or
 * null for a draft (then every rule applies, as on creation).
 */
export function checkEditedPeriods(
  next: PeriodFields,
  published: PeriodFields | null,
  settings?: CommuneSettings,
  now = new Date(),
): EditPeriodProblem[] {
  const problems: EditPeriodProblem[] = checkPeriods(
    {
      category: next.legalCategory,
      commentStartsAt: next.commentStartsAt,
      commentEndsAt: next.commentEndsAt,
      postingStartsAt: next.postingStartsAt,
      postingEndsAt: next.postingEndsAt,
    },
    settings,
  );
  if (!published) return problems;

  const categoryChanged = next.legalCategory !== published.legalCategory;
  const commentChanged = next.commentStartsAt !== published.commentStartsAt || next.commentEndsAt !== published.commentEndsAt;
  const postingChanged = next.postingStartsAt !== published.postingStartsAt || next.postingEndsAt !== published.postingEndsAt;
  const touched = problems.filter((p) => categoryChanged || (p.field === "postingEndsAt" ? postingChanged : commentChanged));
  if (next.commentEndsAt !== published.commentEndsAt && endOfDayVn(next.commentEndsAt) < now) {
    return [{ field: "commentEndsAt", code: "commentEndInPast", params: {} }, ...touched.filter((p) => p.field !== "commentEndsAt")];
  }
  return touched;
}
