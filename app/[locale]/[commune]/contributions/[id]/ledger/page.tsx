import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { toVnDate } from "@/lib/consultations/periods";
import {
  addContributionCategoryAction,
  discloseContributionAction,
  exemptContributionHouseholdAction,
  openContributionAction,
  recordContributionReceiptAction,
  recordContributionSpendingAction,
  reverseContributionEntryAction,
} from "@/lib/contributions/actions";
import { getLedger, getPublicSummary } from "@/lib/contributions/read";
import { LEDGER_READ_ROLES, MANAGE_ROLES, RECORD_ROLES } from "@/lib/contributions/roles";
import { isAppError } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contributions.ledger");
  return { title: t("title") };
}

const th = "border-b border-stone-300 px-2 py-2 text-left font-semibold";
const td = "border-b border-stone-200 px-2 py-2 align-top";

/**
 * The ledger with households named: staff and the Front read every village, a village head their own.
 * Staff open collection (only on a decision that passed, Art. 15.1), set exemption categories, record
 * spending and post the disclosure (Art. 11.5); staff and village heads record receipts, corrections
 * (reversing entries) and exemptions.
 */
export default async function LedgerPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, LEDGER_READ_ROLES);
  const load = async () => Promise.all([getPublicSummary(commune.id, id, { includeUnopened: true }), getLedger(access, id)]);
  const [summary, ledger] = await load().catch((e: unknown) => {
    if (isAppError(e) && e.status === 404) notFound();
    throw e;
  });
  const [t, format] = await Promise.all([getTranslations("contributions"), getFormatter()]);
  const c = summary.contribution;
  const mayManage = access.roles.some((r) => MANAGE_ROLES.includes(r));
  const mayRecord = access.roles.some((r) => RECORD_ROLES.includes(r));
  const amount = (n: number) => t(c.unit, { amount: n });
  const day = (d: Date) => format.dateTime(d, { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" });
  const fixed = { communeId: commune.id, contributionId: c.id };
  const today = toVnDate(new Date());
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <div className="space-y-2">
          <p>
            <Link href={`/${commune.slug}/contributions/${c.id}`} className="underline">
              {t("ledger.publicPage")}
            </Link>
          </p>
          <h1 className={pageTitle}>{t("ledger.heading", { title: c.title })}</h1>
          <p>{t("collectedOfExpected", { collected: amount(summary.collected), expected: amount(summary.expected), percent: summary.percent })}</p>
        </div>

        {mayManage && !c.openedAt ? (
          <section aria-labelledby="open-title" className={`${card} space-y-2`}>
            <h2 id="open-title" className="text-xl font-semibold">
              {t("ledger.openTitle")}
            </h2>
            <p>{t("ledger.openIntro")}</p>
            <ActionForm action={openContributionAction} fixed={fixed} fields={[]} submitLabel={t("ledger.open")} successMessage={t("ledger.opened")} />
          </section>
        ) : null}

        {mayRecord && c.openedAt ? (
          <section aria-labelledby="receipt-title" className={`${card} space-y-2`}>
            <h2 id="receipt-title" className="text-xl font-semibold">
              {t("ledger.receiptTitle")}
            </h2>
            <ActionForm
              action={recordContributionReceiptAction}
              fixed={fixed}
              fields={[
                { name: "householdCode", label: t("ledger.householdCode"), kind: "text", maxLength: 40 },
                { name: "amount", label: t(`ledger.amount.${c.unit}`), kind: "number" },
                { name: "receivedOn", label: t("ledger.receivedOn"), kind: "date", defaultValue: today },
                { name: "receivedBy", label: t("ledger.receivedBy"), kind: "text", maxLength: 120 },
                { name: "receiptNumber", label: t("ledger.receiptNumber"), kind: "text", maxLength: 40 },
              ]}
              submitLabel={t("ledger.record")}
              successMessage={t("ledger.recorded")}
            />
          </section>
        ) : null}

        {mayManage ? (
          <section aria-labelledby="category-title" className={`${card} space-y-2`}>
            <h2 id="category-title" className="text-xl font-semibold">
              {t("ledger.categoryTitle")}
            </h2>
            <ActionForm
              action={addContributionCategoryAction}
              fixed={fixed}
              fields={[
                { name: "name", label: t("ledger.categoryName"), kind: "text", maxLength: 120 },
                { name: "reducedLevel", label: t("ledger.reducedLevel"), kind: "number" },
              ]}
              submitLabel={t("ledger.addCategory")}
              successMessage={t("ledger.categoryAdded")}
            />
          </section>
        ) : null}

        {mayRecord && summary.exemptions.length > 0 ? (
          <section aria-labelledby="exempt-title" className={`${card} space-y-2`}>
            <h2 id="exempt-title" className="text-xl font-semibold">
              {t("ledger.exemptTitle")}
            </h2>
            <ActionForm
              action={exemptContributionHouseholdAction}
              fixed={fixed}
              fields={[
                { name: "householdCode", label: t("ledger.householdCode"), kind: "text", maxLength: 40 },
                { name: "categoryId", label: t("ledger.category"), kind: "select", options: summary.exemptions.map((e) => ({ value: e.id, label: e.name })) },
              ]}
              submitLabel={t("ledger.exempt")}
              successMessage={t("ledger.exempted")}
            />
          </section>
        ) : null}

        {mayManage && c.openedAt ? (
          <section aria-labelledby="spend-title" className={`${card} space-y-2`}>
            <h2 id="spend-title" className="text-xl font-semibold">
              {t("ledger.spendTitle")}
            </h2>
            <ActionForm
              action={recordContributionSpendingAction}
              fixed={fixed}
              fields={[
                { name: "spentOn", label: t("ledger.spentOn"), kind: "date", defaultValue: today },
                { name: "description", label: t("ledger.spendDescription"), kind: "text", maxLength: 500 },
                { name: "amount", label: t("ledger.amount.MONEY"), kind: "number" },
              ]}
              submitLabel={t("ledger.recordSpending")}
              successMessage={t("ledger.recorded")}
            />
          </section>
        ) : null}

        {mayManage && c.openedAt ? (
          <section aria-labelledby="disclose-title" className={`${card} space-y-2`}>
            <h2 id="disclose-title" className="text-xl font-semibold">
              {t("ledger.discloseTitle")}
            </h2>
            <p>{t("ledger.discloseIntro")}</p>
            <ActionForm
              action={discloseContributionAction}
              fixed={fixed}
              fields={[{ name: "location", label: t("ledger.location"), kind: "text", maxLength: 300, defaultValue: t("ledger.defaultLocation") }]}
              submitLabel={t("ledger.disclose")}
              successMessage={t("ledger.disclosedNow")}
              resetOnSuccess={false}
            />
          </section>
        ) : null}

        <section aria-labelledby="entries-title" className="space-y-2">
          <h2 id="entries-title" className="text-xl font-semibold">
            {t("ledger.entries")}
          </h2>
          {ledger.entries.length === 0 ? <p>{t("nothingYet")}</p> : null}
          <ul className="space-y-2">
            {ledger.entries.map((e) => (
              <li key={e.id} className={card} data-testid="ledger-entry">
                <p>
                  <span className="font-medium">{e.householdCode}</span>
                  {e.representative ? ` · ${e.representative}` : ""} · {day(e.receivedOn)} · {amount(e.amount)} ·{" "}
                  {e.kind === "RECEIPT" ? t("mine.receipt", { number: e.receiptNumber ?? "", by: e.receivedBy }) : t("mine.reversal", { reason: e.reason ?? "" })}
                  {e.reversed ? ` · ${t("ledger.reversedMark")}` : ""}
                </p>
                {mayRecord && e.kind === "RECEIPT" && !e.reversed ? (
                  <details>
                    <summary className="inline-flex min-h-11 cursor-pointer items-center underline">{t("ledger.reverse")}</summary>
                    <ActionForm
                      action={reverseContributionEntryAction}
                      fixed={{ ...fixed, entryId: e.id }}
                      fields={[{ name: "reason", label: t("ledger.reason"), kind: "text", maxLength: 500 }]}
                      submitLabel={t("ledger.reverseSubmit")}
                      successMessage={t("ledger.reversedNow")}
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="exempted-title" className="space-y-2">
          <h2 id="exempted-title" className="text-xl font-semibold">
            {t("ledger.exemptedTitle")}
          </h2>
          <p>{t("ledger.exemptedPrivate")}</p>
          {ledger.exemptions.length === 0 ? <p>{t("nothingYet")}</p> : null}
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th scope="col" className={th}>{t("ledger.householdCode")}</th>
                  <th scope="col" className={th}>{t("ledger.representative")}</th>
                  <th scope="col" className={th}>{t("ledger.category")}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.exemptions.map((e) => (
                  <tr key={e.id}>
                    <td className={td}>{e.householdCode}</td>
                    <td className={td}>{e.representative ?? ""}</td>
                    <td className={td}>{e.category}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </IntlIsland>
  );
}
