import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { staffFileCaseAction } from "@/lib/cases/actions";
import { listCategories } from "@/lib/cases/categories";
import { CASE_STAFF_ROLES } from "@/lib/cases/roles";
import { CASE_KINDS, STAFF_SOURCES } from "@/lib/cases/schemas";
import { listVillages } from "@/lib/communes/get-commune";

export const dynamic = "force-dynamic";

/** Staff file a case for a caller, a visitor or a letter; classified at intake. */
export default async function StaffNewCase({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, CASE_STAFF_ROLES);
  const [categories, villages, t] = await Promise.all([listCategories(commune.id, { activeOnly: true }), listVillages(commune.id), getTranslations()]);
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="max-w-2xl space-y-4">
        <h1 className={pageTitle}>{t("cases.staffFileNew")}</h1>
        <p>{t("cases.staffFileIntro")}</p>
        <ActionForm
          action={staffFileCaseAction}
          fixed={{ communeId: commune.id, photoIds: [] }}
          fields={[
            { name: "source", label: t("cases.source"), kind: "select", options: STAFF_SOURCES.map((s) => ({ value: s, label: t(`enums.CaseSource.${s}`) })) },
            { name: "kind", label: t("cases.kind"), kind: "select", options: CASE_KINDS.map((k) => ({ value: k, label: t(`enums.CaseKind.${k}`) })) },
            { name: "categoryId", label: t("cases.category"), kind: "select", options: [{ value: "", label: t("cases.noCategory") }, ...categories.map((c) => ({ value: c.id, label: c.name }))] },
            { name: "title", label: t("cases.titleLabel"), kind: "text", maxLength: 200 },
            { name: "body", label: t("cases.bodyLabel"), kind: "textarea", maxLength: 5000, rows: 5 },
            { name: "senderName", label: t("cases.senderName"), kind: "text", maxLength: 120 },
            { name: "senderPhone", label: t("cases.senderPhone"), kind: "text", maxLength: 30 },
            { name: "senderAddress", label: t("cases.senderAddress"), kind: "text", maxLength: 300 },
            { name: "villageId", label: t("cases.village"), kind: "select", options: [{ value: "", label: t("cases.noVillage") }, ...villages.map((v) => ({ value: v.id, label: v.name }))] },
            { name: "address", label: t("cases.address"), kind: "text", maxLength: 300 },
            { name: "receivedAt", label: t("cases.receivedAtField"), kind: "datetime-local" },
            { name: "isPublic", label: t("cases.isPublic"), kind: "checkbox" },
            { name: "isComplex", label: t("cases.isComplex"), kind: "checkbox" },
            { name: "notifyBySms", label: t("cases.notifyBySmsStaff"), kind: "checkbox" },
          ]}
          submitLabel={t("cases.submit")}
          successMessage={t("cases.filed")}
        />
      </div>
    </IntlIsland>
  );
}
