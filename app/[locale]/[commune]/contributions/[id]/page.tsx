import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { card, pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { getMyHouseholdRecord, getPublicSummary } from "@/lib/contributions/read";
import { contributionViewer } from "@/lib/contributions/viewer";
import { isAppError } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string; commune: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contributions");
  return { title: t("title") };
}

const th = "border-b border-stone-300 px-2 py-2 text-left font-semibold";
const td = "border-b border-stone-200 px-2 py-2";

/**
 * A contribution's public page: totals per village and per month against what was expected, the
 * spending, the exemptions as counts per category (never who), the Art. 11.5 disclosure, and for a
 * signed-in resident their own household's record.
 */
export default async function ContributionPage({ params }: Params) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const viewer = await contributionViewer(commune.id);
  const s = await getPublicSummary(commune.id, id, { includeUnopened: viewer.mayReadLedger }).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const [mine, t, format] = await Promise.all([
    viewer.residentId ? getMyHouseholdRecord(commune.id, id, viewer.residentId) : null,
    getTranslations("contributions"),
    getFormatter(),
  ]);
  const c = s.contribution;
  const amount = (n: number) => t(c.unit, { amount: n });
  const money = (n: number) => t("MONEY", { amount: n });
  const day = (d: Date) => format.dateTime(d, { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" });
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p>
          <Link href={`/${commune.slug}/contributions`} className="underline">
            {t("back")}
          </Link>
        </p>
        <h1 className={pageTitle}>{c.title}</h1>
        {c.description ? <p className="whitespace-pre-line">{c.description}</p> : null}
        <p>{t("levelLine", { level: amount(c.levelPerHousehold), from: day(c.periodStart), to: day(c.periodEnd) })}</p>
        {s.consultation ? (
          <p>
            {t("decidedBy")}{" "}
            <Link href={`/${commune.slug}/consultations/${s.consultation.id}`} className="underline">
              {s.consultation.title}
            </Link>{" "}
            {t("legalBasis")}
          </p>
        ) : null}
        {!c.openedAt ? <p className="font-medium">{t("notOpen")}</p> : null}
        {viewer.mayReadLedger ? (
          <p>
            <Link href={`/${commune.slug}/contributions/${c.id}/ledger`} className="underline">
              {t("ledger.link")}
            </Link>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="totals-title" className={`${card} space-y-2`}>
        <h2 id="totals-title" className="text-xl font-semibold">
          {t("totals")}
        </h2>
        <p data-testid="contribution-total">{t("collectedOfExpected", { collected: amount(s.collected), expected: amount(s.expected), percent: s.percent })}</p>
        {c.disclosedAt && c.disclosureEndsAt ? (
          <p>
            {t("disclosed", { from: format.dateTime(c.disclosedAt, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }), to: format.dateTime(c.disclosureEndsAt, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }) })}{" "}
            <Link href={`/${commune.slug}/disclosure`} className="underline">
              {t("registerLink")}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="villages-title" className="space-y-2">
        <h2 id="villages-title" className="text-xl font-semibold">
          {t("byVillage")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr>
                <th scope="col" className={th}>{t("village")}</th>
                <th scope="col" className={th}>{t("households")}</th>
                <th scope="col" className={th}>{t("expected")}</th>
                <th scope="col" className={th}>{t("collected")}</th>
              </tr>
            </thead>
            <tbody>
              {s.villages.map((v) => (
                <tr key={v.villageId} data-testid="village-row">
                  <th scope="row" className={`${td} text-left font-medium`}>{v.name}</th>
                  <td className={td}>{v.households}</td>
                  <td className={td}>{amount(v.expected)}</td>
                  <td className={td}>{amount(v.collected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="months-title" className="space-y-2">
        <h2 id="months-title" className="text-xl font-semibold">
          {t("byMonth")}
        </h2>
        {s.months.length === 0 ? <p>{t("nothingYet")}</p> : null}
        <ul className="space-y-1">
          {s.months.map((m) => (
            <li key={m.month}>
              {t("monthLine", { month: m.month.slice(5), year: m.month.slice(0, 4), amount: amount(m.amount) })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="exemptions-title" className="space-y-2">
        <h2 id="exemptions-title" className="text-xl font-semibold">
          {t("exemptions")}
        </h2>
        <p>{t("exemptionsIntro")}</p>
        {s.exemptions.length === 0 ? <p>{t("noCategories")}</p> : null}
        <ul className="space-y-1">
          {s.exemptions.map((e) => (
            <li key={e.id} data-testid="exemption-count">
              {t("exemptionLine", { name: e.name, count: e.households, level: e.reducedLevel === null ? t("fullExemption") : t("reducedTo", { level: amount(e.reducedLevel) }) })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="spending-title" className="space-y-2">
        <h2 id="spending-title" className="text-xl font-semibold">
          {t("spending")}
        </h2>
        {s.work ? (
          <p>
            {t("work")}{" "}
            <Link href={`/${commune.slug}/works/${s.work.id}`} className="underline">
              {s.work.title}
            </Link>{" "}
            {t("workProgress", { progress: s.work.progress })}
          </p>
        ) : null}
        {s.spendings.length === 0 ? <p>{t("noSpending")}</p> : null}
        <ul className="space-y-1">
          {s.spendings.map((sp) => (
            <li key={sp.id}>
              {day(sp.spentOn)}: {sp.description} — {money(sp.amount)}
            </li>
          ))}
        </ul>
        {c.unit === "MONEY" ? <p className="font-medium">{t("spentOfCollected", { spent: money(s.spent), collected: money(s.collected), left: money(s.collected - s.spent) })}</p> : <p>{t("spentMoney", { spent: money(s.spent) })}</p>}
      </section>

      {mine ? (
        <section aria-labelledby="mine-title" className={`${card} space-y-2`} data-testid="my-household">
          <h2 id="mine-title" className="text-xl font-semibold">
            {t("mine.title", { code: mine.householdCode })}
          </h2>
          <p>{t("mine.summary", { expected: amount(mine.expected), paid: amount(mine.paid) })}</p>
          {mine.category ? <p>{t("mine.category", { name: mine.category })}</p> : null}
          <ul className="space-y-1">
            {mine.entries.map((e) => (
              <li key={e.id}>
                {day(e.receivedOn)}: {amount(e.amount)} {e.kind === "RECEIPT" ? t("mine.receipt", { number: e.receiptNumber ?? "", by: e.receivedBy }) : t("mine.reversal", { reason: e.reason ?? "" })}
              </li>
            ))}
          </ul>
        </section>
      ) : viewer.isSignedIn ? null : (
        <p>{t("mine.signIn")}</p>
      )}
    </div>
  );
}
