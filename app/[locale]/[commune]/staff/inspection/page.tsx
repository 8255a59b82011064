import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { InspectionItemList } from "@/components/inspection/item-list";
import { ReportLinks } from "@/components/inspection/report-links";
import { IntlIsland } from "@/components/intl-island";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { answerInspectionItemAction } from "@/lib/inspection/actions";
import { listItems } from "@/lib/inspection/items";
import { ANSWERING_ROLES } from "@/lib/inspection/roles";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "inspection" });
  return { title: t("staffTitle") };
}

/** Staff and leaders answer the board's requests and countersigned recommendations (Law 10/2022 Art. 40.1). */
export default async function StaffInspection({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, ANSWERING_ROLES);
  const [items, t] = await Promise.all([listItems(commune.id), getTranslations("inspection")]);
  const open = items.filter((i) => (i.kind === "REQUEST" || i.kind === "RECOMMENDATION") && i.status === "SENT").sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
  const rest = items.filter((i) => !open.includes(i));
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-6">
        <h1 className={pageTitle}>{t("staffTitle")}</h1>
        <p className="max-w-3xl">{t("staffIntro")}</p>
        <section className="space-y-3" aria-labelledby="inspection-open">
          <h2 id="inspection-open" className="text-xl font-semibold">
            {t("toAnswer")}
          </h2>
          <InspectionItemList
            items={open}
            actions={(i) => (
              <ActionForm
                action={answerInspectionItemAction}
                fixed={{ communeId: commune.id, itemId: i.id }}
                fields={[{ name: "answer", label: t("fields.answer"), kind: "textarea", required: true, rows: 4, maxLength: 10_000 }]}
                submitLabel={t("sendAnswer")}
                successMessage={t("answered")}
              />
            )}
          />
        </section>
        <section className="space-y-3" aria-labelledby="inspection-rest">
          <h2 id="inspection-rest" className="text-xl font-semibold">
            {t("all")}
          </h2>
          <p>
            <Link href={`/${commune.slug}/inspection`}>{t("openWorkspace")}</Link>
          </p>
          <InspectionItemList items={rest} />
        </section>
        <ReportLinks slug={commune.slug} />
      </div>
    </IntlIsland>
  );
}
