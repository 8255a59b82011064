import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the other query parameters. */
export async function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common");
  return (
    <nav aria-label={t("pageOf", { page, count: pageCount })} className="flex items-center justify-between gap-2 py-2">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className="inline-flex min-h-11 items-center">
          ← {t("previous")}
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-stone-700">{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} rel="next" className="inline-flex min-h-11 items-center">
          {t("next")} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
