// Residents' cash and labour for a work, per budget line: planned, raised (the contributions' ledgers)
// and spent from them (lib/contributions/work-budget.ts). Shown on the public work page.
import { getFormatter, getTranslations } from "next-intl/server";

import { Link } from "@/lib/i18n/navigation";
import { residentFundsForWork } from "@/lib/contributions/work-budget";

export async function ResidentFunds({ communeId, workId, slug }: { communeId: string; workId: string; slug: string }) {
  const rows = await residentFundsForWork(communeId, workId);
  if (rows.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("residentFunds"), getFormatter()]);
  const amount = (unit: string, n: number) => (unit === "MONEY" ? format.number(n, { style: "currency", currency: "VND", maximumFractionDigits: 0 }) : t("days", { days: n }));
  return (
    <section aria-labelledby="resident-funds" className="space-y-2">
      <h2 id="resident-funds" className="text-lg font-semibold">{t("title")}</h2>
      <p>{t("intro")}</p>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm" data-testid="work-resident-funds">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2 pr-3">{t("line")}</th>
              <th scope="col" className="py-2 pr-3">{t("planned")}</th>
              <th scope="col" className="py-2 pr-3">{t("raised")}</th>
              <th scope="col" className="py-2 pr-3">{t("spent")}</th>
              <th scope="col" className="py-2 pr-3">{t("left")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.source} className="border-b border-stone-200" data-testid={`resident-funds-${r.source}`}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  {t(`source.${r.source}`)}
                  {r.lines.map((l) => (l.note ? <span key={l.id} className="block text-stone-700">{l.note}</span> : null))}
                  {r.contributions.map((c) => (
                    <Link key={c.id} href={`/${slug}/contributions/${c.id}`} className="block underline">
                      {c.title}
                    </Link>
                  ))}
                </th>
                <td className="py-2 pr-3">{r.lines.length ? amount(r.unit, r.planned) : t("noLine")}</td>
                <td className="py-2 pr-3">{amount(r.unit, r.raised)}</td>
                <td className="py-2 pr-3">{amount(r.unit, r.spent)}</td>
                <td className="py-2 pr-3">{amount(r.unit, r.raised - r.spent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
