import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { BoardMembers } from "@/components/inspection/board-members";
import { InspectionItemList } from "@/components/inspection/item-list";
import { ReportLinks } from "@/components/inspection/report-links";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { db } from "@/lib/db";
import { addInspectionMemberAction, countersignInspectionItemAction, recordInspectionBoardAction, removeInspectionMemberAction } from "@/lib/inspection/actions";
import { boardWithVillages } from "@/lib/inspection/board";
import { listItems } from "@/lib/inspection/items";
import { FRONT_BOARD_ROLES } from "@/lib/inspection/roles";
import { POSITIONS } from "@/lib/inspection/schemas";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "inspection" });
  return { title: t("frontTitle") };
}

/** The Front records the board and its members, and countersigns minutes and recommendations (Law 10/2022 Art. 36, 40.2). */
export default async function FrontInspection({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, FRONT_BOARD_ROLES);
  const [board, items, villages, t] = await Promise.all([
    boardWithVillages(commune.id),
    listItems(commune.id),
    db.village.findMany({ where: { communeId: commune.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    getTranslations("inspection"),
  ]);
  const f = (k: string) => t(`fields.${k}`);
  const toSign = items.filter((i) => (i.kind === "RECOMMENDATION" || i.kind === "MINUTES") && !i.countersignedAt);
  const rest = items.filter((i) => !toSign.includes(i));
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-6">
        <h1 className={pageTitle}>{t("frontTitle")}</h1>
        <p className="max-w-3xl">{t("frontIntro")}</p>
        <section className="space-y-3" aria-labelledby="inspection-to-sign">
          <h2 id="inspection-to-sign" className="text-xl font-semibold">
            {t("toCountersign")}
          </h2>
          <InspectionItemList
            items={toSign}
            actions={(i) => (
              <ActionForm action={countersignInspectionItemAction} fixed={{ communeId: commune.id, itemId: i.id }} fields={[]} submitLabel={t("countersign")} successMessage={t("countersigned")} />
            )}
          />
        </section>
        <BoardMembers
          board={board}
          actions={(m) => (
            <ActionForm action={removeInspectionMemberAction} fixed={{ communeId: commune.id, memberId: m.id }} fields={[]} submitLabel={t("removeMember")} successMessage={t("memberRemoved")} confirmText={t("confirmRemove")} danger />
          )}
        />
        {board ? (
          <section className={`${card} space-y-2`} aria-labelledby="inspection-add-member">
            <h2 id="inspection-add-member" className="text-xl font-semibold">
              {t("addMember")}
            </h2>
            <ActionForm
              action={addInspectionMemberAction}
              fixed={{ communeId: commune.id, boardId: board.id }}
              fields={[
                { name: "name", label: f("name"), kind: "text", required: true, maxLength: 120 },
                { name: "villageId", label: f("village"), kind: "select", options: villages.map((v) => ({ value: v.id, label: v.name })) },
                { name: "position", label: f("position"), kind: "select", defaultValue: "MEMBER", options: POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) })) },
                { name: "identifier", label: f("identifier"), kind: "text", maxLength: 200 },
              ]}
              submitLabel={t("addMember")}
              successMessage={t("memberAdded")}
            />
          </section>
        ) : null}
        <section className={`${card} space-y-2`} aria-labelledby="inspection-record-board">
          <h2 id="inspection-record-board" className="text-xl font-semibold">
            {t("recordBoard")}
          </h2>
          <ActionForm
            action={recordInspectionBoardAction}
            fixed={{ communeId: commune.id }}
            fields={[
              { name: "termStart", label: f("termStart"), kind: "date", required: true },
              { name: "termEnd", label: f("termEnd"), kind: "date", required: true },
              { name: "recognitionRef", label: f("recognitionRef"), kind: "text", required: true, maxLength: 200 },
              { name: "recognisedOn", label: f("recognisedOn"), kind: "date", required: true },
            ]}
            submitLabel={t("recordBoard")}
            successMessage={t("boardRecorded")}
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
