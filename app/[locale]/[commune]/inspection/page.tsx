import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { BoardMembers } from "@/components/inspection/board-members";
import { InspectionItemList } from "@/components/inspection/item-list";
import { ReportLinks } from "@/components/inspection/report-links";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { fileInspectionItemAction, sendInspectionPlanAction } from "@/lib/inspection/actions";
import { boardWithVillages } from "@/lib/inspection/board";
import { listItems } from "@/lib/inspection/items";
import { isInspector, WORKSPACE_READER_ROLES } from "@/lib/inspection/roles";
import { ITEM_KINDS } from "@/lib/inspection/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "inspection" });
  return { title: t("workspaceTitle") };
}

/** The board's workspace: members file and send; the Front and the commune's staff read. */
export default async function InspectionWorkspace({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, WORKSPACE_READER_ROLES);
  const [board, items, t] = await Promise.all([boardWithVillages(commune.id), listItems(commune.id), getTranslations("inspection")]);
  const member = isInspector(access.roles);
  const f = (k: string) => t(`fields.${k}`);
  const fieldsOf = (kind: (typeof ITEM_KINDS)[number]) => [
    { name: "title", label: f("title"), kind: "text" as const, required: true, maxLength: 200 },
    ...(kind === "PLAN"
      ? [
          { name: "subject", label: f("subject"), kind: "text" as const, required: true, maxLength: 300 },
          { name: "startsOn", label: f("startsOn"), kind: "date" as const, required: true },
          { name: "endsOn", label: f("endsOn"), kind: "date" as const },
        ]
      : []),
    ...(kind === "VERIFICATION" ? [{ name: "caseNumber", label: f("caseNumber"), kind: "number" as const, required: true }] : []),
    { name: "body", label: f(kind === "PLAN" ? "bodyPlan" : kind === "VERIFICATION" ? "bodyVerification" : "body"), kind: "textarea" as const, required: true, rows: 5, maxLength: 10_000 },
    ...(kind === "RECOMMENDATION" ? [{ name: "isPublic", label: f("isPublic"), kind: "checkbox" as const, defaultChecked: true }] : []),
  ];
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-6">
        <h1 className={pageTitle}>{t("workspaceTitle")}</h1>
        <p className="max-w-3xl">{t("workspaceIntro")}</p>
        <BoardMembers board={board} />
        {member && board ? (
          <section className={`${card} space-y-3`} aria-labelledby="inspection-file">
            <h2 id="inspection-file" className="text-xl font-semibold">
              {t("fileTitle")}
            </h2>
            {ITEM_KINDS.map((kind) => (
              <details key={kind} className="rounded-lg border border-stone-200 p-3">
                <summary className="flex min-h-11 cursor-pointer items-center font-semibold">{t(`kind.${kind}`)}</summary>
                {kind === "PLAN" ? <p className="my-2 text-sm">{t("planRule")}</p> : null}
                <ActionForm action={fileInspectionItemAction} fixed={{ communeId: commune.id, kind }} fields={fieldsOf(kind)} submitLabel={t("file")} successMessage={t("filed")} />
              </details>
            ))}
          </section>
        ) : null}
        <section className="space-y-3" aria-labelledby="inspection-all">
          <h2 id="inspection-all" className="text-xl font-semibold">
            {t("all")}
          </h2>
          <InspectionItemList
            items={items}
            actions={(i) =>
              member && i.kind === "PLAN" && i.status === "DRAFT" ? (
                <ActionForm action={sendInspectionPlanAction} fixed={{ communeId: commune.id, itemId: i.id }} fields={[]} submitLabel={t("sendPlan")} successMessage={t("planSent")} />
              ) : null
            }
          />
        </section>
        <ReportLinks slug={commune.slug} />
      </div>
    </IntlIsland>
  );
}
