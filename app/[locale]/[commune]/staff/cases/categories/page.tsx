import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm, type ActionField } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { saveCaseCategoryAction, saveReplyTemplateAction } from "@/lib/cases/actions";
import { listCategories, listReplyTemplates } from "@/lib/cases/categories";
import { CASE_STAFF_ROLES } from "@/lib/cases/roles";
import { CASE_STATES } from "@/lib/cases/schemas";

export const dynamic = "force-dynamic";

/** Staff edit the commune's case categories (with expected resolution days) and reply templates. */
export default async function CaseCategories({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, CASE_STAFF_ROLES);
  const [categories, templates, t] = await Promise.all([listCategories(commune.id), listReplyTemplates(commune.id), getTranslations()]);
  const categoryFields = (c?: (typeof categories)[number]): ActionField[] => [
    { name: "code", label: t("cases.code"), kind: "text", maxLength: 40, defaultValue: c?.code },
    { name: "name", label: t("cases.name"), kind: "text", maxLength: 120, defaultValue: c?.name },
    { name: "nameEn", label: t("cases.nameEn"), kind: "text", maxLength: 120, defaultValue: c?.nameEn ?? "" },
    { name: "description", label: t("cases.description"), kind: "textarea", maxLength: 1000, rows: 2, defaultValue: c?.description ?? "" },
    { name: "expectedResolutionDays", label: t("cases.expectedDays"), kind: "number", defaultValue: String(c?.expectedResolutionDays ?? 15) },
    { name: "sortOrder", label: t("cases.sortOrder"), kind: "number", defaultValue: String(c?.sortOrder ?? 0) },
    { name: "active", label: t("cases.active"), kind: "checkbox", defaultChecked: c?.active ?? true },
  ];
  const stateOptions = CASE_STATES.map((s) => ({ value: s, label: t(`enums.CaseState.${s}`) }));
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-6">
        <h1 className={pageTitle}>{t("cases.categoriesTitle")}</h1>
        <ul className="grid gap-4 lg:grid-cols-2">
          {categories.map((c) => (
            <li key={c.id} className={card} data-testid="case-category">
              <h2 className="mb-2 font-semibold">{c.name} ({c.code})</h2>
              <ActionForm action={saveCaseCategoryAction} fixed={{ communeId: commune.id, categoryId: c.id }} fields={categoryFields(c)} submitLabel={t("cases.save")} successMessage={t("cases.saved")} resetOnSuccess={false} />
            </li>
          ))}
        </ul>
        <section className={card} aria-labelledby="new-category">
          <h2 id="new-category" className="mb-2 text-lg font-semibold">{t("cases.newCategory")}</h2>
          <ActionForm action={saveCaseCategoryAction} fixed={{ communeId: commune.id, categoryId: null }} fields={categoryFields()} submitLabel={t("cases.add")} successMessage={t("cases.saved")} />
        </section>
        <section className="space-y-3" aria-labelledby="templates">
          <h2 id="templates" className="text-lg font-semibold">{t("cases.templatesTitle")}</h2>
          <ul className="grid gap-4 lg:grid-cols-2">
            {templates.map((tp) => (
              <li key={tp.id} className={card}>
                <ActionForm
                  action={saveReplyTemplateAction}
                  fixed={{ communeId: commune.id, templateId: tp.id }}
                  fields={[
                    { name: "state", label: t("cases.state"), kind: "select", defaultValue: tp.state, options: stateOptions },
                    { name: "title", label: t("cases.name"), kind: "text", maxLength: 120, defaultValue: tp.title },
                    { name: "body", label: t("cases.updateBody"), kind: "textarea", maxLength: 5000, defaultValue: tp.body },
                    { name: "active", label: t("cases.active"), kind: "checkbox", defaultChecked: tp.active },
                  ]}
                  submitLabel={t("cases.save")}
                  successMessage={t("cases.saved")}
                  resetOnSuccess={false}
                />
              </li>
            ))}
          </ul>
          <div className={card}>
            <ActionForm
              action={saveReplyTemplateAction}
              legend={t("cases.newTemplate")}
              fixed={{ communeId: commune.id, templateId: null }}
              fields={[
                { name: "state", label: t("cases.state"), kind: "select", options: stateOptions },
                { name: "title", label: t("cases.name"), kind: "text", maxLength: 120 },
                { name: "body", label: t("cases.updateBody"), kind: "textarea", maxLength: 5000 },
                { name: "active", label: t("cases.active"), kind: "checkbox", defaultChecked: true },
              ]}
              submitLabel={t("cases.add")}
              successMessage={t("cases.saved")}
            />
          </div>
        </section>
      </div>
    </IntlIsland>
  );
}
