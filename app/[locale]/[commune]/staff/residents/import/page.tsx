import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { ListImport } from "@/components/people/list-import";
import { PeopleNav } from "@/components/people/people-nav";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { today } from "@/lib/households/list-day";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { LIST_COLUMNS } from "@/lib/people/import/list-columns";
import { listImportBatches } from "@/lib/people/import/list-import-batches";
import { PEOPLE_ROLES } from "@/lib/people/roles";

export default async function ImportListPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, PEOPLE_ROLES.importList);
  const [batches, t, messages, format] = await Promise.all([listImportBatches(commune.id), getTranslations("people.import"), getMessages(), getFormatter()]);
  const template = (f: "csv" | "xlsx") => `/api/communes/${commune.slug}/residents/template?format=${f}&locale=${locale}`;

  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <PeopleNav slug={commune.slug} active="import" roles={access.roles} />
      <p>{t("intro")}</p>

      <section className={card} aria-labelledby="columns-heading">
        <h2 id="columns-heading" className="mb-2 text-lg font-semibold">
          {t("columnsTitle")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">{t("column")}</th>
                <th scope="col" className="p-2">{t("template.requiredHeader")}</th>
                <th scope="col" className="p-2">{t("template.meaningHeader")}</th>
              </tr>
            </thead>
            <tbody>
              {LIST_COLUMNS.map((c) => (
                <tr key={c.key} className="border-b border-stone-200">
                  <th scope="row" className="p-2 font-semibold">
                    {c.header}
                  </th>
                  <td className="p-2">{c.required ? t("template.required") : t("template.optional")}</td>
                  <td className="p-2">{t(`template.columns.${c.key}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
          {(["rule1", "rule2", "rule3", "rule4"] as const).map((r) => (
            <li key={r}>{t(`rules.${r}`)}</li>
          ))}
        </ul>
        <p className="mt-3 flex flex-wrap gap-4">
          <a href={template("xlsx")} className="inline-flex min-h-11 items-center font-semibold" download>
            {t("templateXlsx")}
          </a>
          <a href={template("csv")} className="inline-flex min-h-11 items-center font-semibold" download>
            {t("templateCsv")}
          </a>
        </p>
      </section>

      <NextIntlClientProvider messages={pickMessages(messages, ["errors", "people.import", "households.import"])}>
        <ListImport slug={commune.slug} today={today()} />
      </NextIntlClientProvider>

      <section className={card} aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          {t("historyTitle")}
        </h2>
        {batches.length === 0 ? (
          <p>{t("historyNone")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="import-history">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="p-2">{t("historyWhen")}</th>
                  <th scope="col" className="p-2">{t("historyFile")}</th>
                  <th scope="col" className="p-2">{t("historyWho")}</th>
                  <th scope="col" className="p-2">{t("historyRows")}</th>
                  <th scope="col" className="p-2">{t("historyCreated")}</th>
                  <th scope="col" className="p-2">{t("historyUpdated")}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id} className="border-b border-stone-200">
                    <td className="p-2">{format.dateTime(b.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                    <td className="p-2 break-all">{b.fileName}</td>
                    <td className="p-2">{b.createdBy}</td>
                    <td className="p-2">{b.rowCount}</td>
                    <td className="p-2">{b.created}</td>
                    <td className="p-2">{b.updated}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
