import { getFormatter, getTranslations } from "next-intl/server";

import { card } from "@/components/ui/styles";
import type { getRatingResults, ResultRow } from "@/lib/ratings/get-results";
import { MIN_ANSWERS_SHOWN, RATING_ITEMS } from "@/lib/ratings/rules";

type Results = Awaited<ReturnType<typeof getRatingResults>>;

/** The rating results as tables: per subject, per category, per quarter. Server-rendered, no client JS. */
export async function RatingResults({ results, detailed }: { results: Results; detailed: boolean }) {
  const [t, format] = await Promise.all([getTranslations("ratings"), getFormatter()]);
  const average = (n: number | null) => (n === null ? "—" : format.number(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const categoryName = (key: string) => (t.has(`category.${key}`) ? t(`category.${key}` as never) : t("category.other", { category: key.split(":")[1] ?? key }));

  // A plain function, not a component: it only lays out one table from what this render already holds.
  const table = ({ caption, rows, name, extra }: { caption: string; rows: ResultRow[]; name: (r: ResultRow) => string; extra?: (r: ResultRow) => number }) => {
    if (rows.length === 0) return null;
    const span = RATING_ITEMS.length;
    return (
      <section className={card}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-lg font-bold">{caption}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">{t("subject")}</th>
                <th scope="col" className="p-2">{t("answers")}</th>
                {extra ? <th scope="col" className="p-2">{t("invited")}</th> : null}
                {RATING_ITEMS.map((item) => (
                  <th key={item} scope="col" className="p-2">{t(`items.${item}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-b border-stone-200" data-testid="rating-row">
                  <th scope="row" className="p-2 font-medium">{name(r)}</th>
                  <td className="p-2" data-testid="rating-answers">{r.answers}</td>
                  {extra ? <td className="p-2">{extra(r)}</td> : null}
                  {r.averages ? (
                    RATING_ITEMS.map((item) => (
                      <td key={item} className="p-2" data-testid={`rating-${item}`}>{average(r.averages![item])}</td>
                    ))
                  ) : (
                    <td colSpan={span} className="p-2 italic" data-testid="rating-too-few">{t("tooFew", { min: MIN_ANSWERS_SHOWN })}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  };

  if (results.bySubject.length === 0) return <p className={card}>{t("none")}</p>;
  return (
    <div className="space-y-6">
      {table({
        caption: t("perSubject"),
        rows: results.bySubject,
        name: (r) => {
          const s = results.bySubject.find((x) => x.key === r.key)!;
          return s.title ?? t("case", { id: s.subjectId });
        },
        extra: detailed ? (r) => results.bySubject.find((x) => x.key === r.key)!.invited : undefined,
      })}
      {table({ caption: t("perCategory"), rows: results.byCategory, name: (r) => categoryName(r.key) })}
      {table({ caption: t("perQuarter"), rows: results.byQuarter, name: (r) => r.key })}
      {detailed && results.comments.size > 0 ? (
        <section className={`${card} space-y-3`}>
          <h2 className="text-lg font-bold">{t("comments")}</h2>
          {results.bySubject
            .filter((s) => results.comments.has(s.key))
            .map((s) => (
              <div key={s.key}>
                <h3 className="font-semibold">{s.title ?? t("case", { id: s.subjectId })}</h3>
                <ul className="list-disc pl-6" data-testid="rating-comments">
                  {results.comments.get(s.key)!.map((c, i) => (
                    <li key={i} className="whitespace-pre-line">{c}</li>
                  ))}
                </ul>
              </div>
            ))}
        </section>
      ) : null}
    </div>
  );
}
