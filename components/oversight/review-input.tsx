import { getTranslations } from "next-intl/server";

import { Pagination } from "@/components/ui/pagination";
import { listOpinionsForReview, type ReviewFilter } from "@/lib/oversight/list-for-review";

import { ReviewOpinionCard } from "./review-opinion-card";

const FILTERS: ReviewFilter[] = ["all", "unanswered", "hidden", "reported", "appealed"];
const FILTER_LABEL: Record<ReviewFilter, string> = {
  all: "front.filterAll",
  unanswered: "front.filterUnanswered",
  hidden: "front.filterHidden",
  reported: "front.filterReported",
  appealed: "front.filterAppealed",
};

export function parseReviewQuery(raw: Record<string, string | string[] | undefined>) {
  const filter = FILTERS.includes(raw.filter as ReviewFilter) ? (raw.filter as ReviewFilter) : "all";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(String(raw.page ?? "1"), 10) || 1));
  return { filter, page };
}

/** Every opinion of a consultation, hidden ones included, filtered and paged, for staff or the Front. */
export async function ReviewInput({
  communeId,
  consultationId,
  filter,
  page,
  viewer,
  basePath,
}: {
  communeId: string;
  consultationId: string;
  filter: ReviewFilter;
  page: number;
  viewer: "staff" | "front";
  basePath: string;
}) {
  const t = await getTranslations();
  const list = await listOpinionsForReview(consultationId, filter, page);
  const href = (f: ReviewFilter, p = 1) => `${basePath}?filter=${f}${p > 1 ? `&page=${p}` : ""}`;
  return (
    <section aria-labelledby="input-title" className="space-y-3">
      <h2 id="input-title" className="text-xl font-bold">
        {t("front.inputTitle")} ({list.total})
      </h2>
      <nav aria-label={t("front.inputTitle")} className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <a
            key={f}
            href={href(f)}
            aria-current={f === filter ? "page" : undefined}
            className="inline-flex min-h-11 items-center rounded-full border border-stone-300 px-3 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
          >
            {t(FILTER_LABEL[f])}
          </a>
        ))}
      </nav>
      {list.items.length === 0 ? <p>{t("moderation.nothing")}</p> : null}
      {list.items.map((o) => (
        <ReviewOpinionCard key={o.id} opinion={o} communeId={communeId} consultationId={consultationId} viewer={viewer} />
      ))}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => href(filter, p)} />
    </section>
  );
}
