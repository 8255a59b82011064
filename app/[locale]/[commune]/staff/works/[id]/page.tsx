import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { MilestoneForm } from "@/components/works/milestone-form";
import { WorkForm } from "@/components/works/work-form";
import { WorkFacts, WorkLinks, WorkMoney, WorkProgress, WorkTimeline } from "@/components/works/work-view";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listVillages } from "@/lib/communes/get-commune";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";
import { moderateWorkCommentAction, publishWorkAction } from "@/lib/works/actions";
import { toCollection } from "@/lib/works/geometry";
import { NEXT_WORK_STATUSES } from "@/lib/works/progress";
import { getWork } from "@/lib/works/read";
import { WORK_READ_ROLES, WORK_STAFF_ROLES } from "@/lib/works/roles";

export const dynamic = "force-dynamic";

const REASONS = ["ABUSE", "PERSONAL_DATA", "SPAM", "OFF_TOPIC", "UNLAWFUL", "OTHER"] as const;
const vndText = (n: bigint | null) => (n === null ? "" : n.toString());

/** A work in the staff area: officials edit, publish, post milestones and moderate; village heads read. */
export default async function StaffWork({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, WORK_READ_ROLES);
  const work = await getWork(commune.id, id, { includeDrafts: true });
  if (!work) notFound();
  const canEdit = WORK_STAFF_ROLES.some((r) => access.roles.includes(r));
  const [villages, t, format, opinionNumbers] = await Promise.all([
    listVillages(commune.id),
    getTranslations(),
    getFormatter(),
    db.opinion.findMany({ where: { id: { in: work.opinions.map((o) => o.opinionId) } }, select: { number: true }, orderBy: { number: "asc" } }),
  ]);
  const geometry = toCollection(work.geometry);
  const reasonOptions = REASONS.map((r) => ({ value: r, label: t(`enums.ModerationReason.${r}`) }));
  return (
    <IntlIsland namespaces={["errors", "works", "enums", "staff", "publishing"]}>
      <article className="space-y-6">
        <header className="space-y-2">
          <p className="text-sm"><Link href={`/${commune.slug}/staff/works`}>{t("works.staff.title")}</Link></p>
          <h1 className={pageTitle}>{work.title}</h1>
          <WorkProgress status={work.status} progress={work.progress} />
          <p data-testid="work-published">
            {work.publishedAt ? t("works.staff.published", { date: format.dateTime(work.publishedAt, { dateStyle: "medium" }) }) : t("works.staff.draft")}
            {work.publishedAt ? <> · <Link href={`/${commune.slug}/works/${work.id}`} className="underline">{t("works.staff.viewPublic")}</Link></> : null}
          </p>
          {!canEdit ? <p>{t("works.staff.readOnly")}</p> : null}
        </header>
        {canEdit && !work.publishedAt ? (
          <ActionForm action={publishWorkAction} fixed={{ communeId: commune.id, workId: work.id }} fields={[]} submitLabel={t("works.staff.publish")} successMessage={t("works.staff.publishedOk")} confirmText={t("works.staff.publishConfirm")} />
        ) : null}
        <WorkFacts work={work} />
        <WorkMoney work={work} />
        <WorkLinks work={work} slug={commune.slug} />
        {canEdit ? (
          <section aria-labelledby="milestone-form" className={`${card} space-y-3`}>
            <h2 id="milestone-form" className="text-lg font-semibold">{t("works.staff.milestoneTitle")}</h2>
            <MilestoneForm
              communeId={commune.id}
              slug={commune.slug}
              workId={work.id}
              today={toVnDate(new Date())}
              statuses={NEXT_WORK_STATUSES[work.status].map((s) => ({ value: s, label: t(`enums.WorkStatus.${s}`) }))}
            />
          </section>
        ) : null}
        <WorkTimeline
          work={work}
          slug={commune.slug}
          commentExtra={
            canEdit
              ? (c) => (
                  <ActionForm
                    action={moderateWorkCommentAction}
                    fixed={{ communeId: commune.id, commentId: c.id, action: c.moderationState === "VISIBLE" ? "HIDE" : "RESTORE" }}
                    fields={[
                      { name: "reason", label: t("works.staff.reason"), kind: "select", options: reasonOptions },
                      { name: "details", label: t("works.staff.details"), kind: "text", maxLength: 500 },
                    ]}
                    submitLabel={c.moderationState === "VISIBLE" ? t("works.staff.moderate") : t("works.staff.restore")}
                    successMessage={t("works.staff.moderated")}
                  />
                )
              : undefined
          }
        />
        {canEdit ? (
          <section aria-labelledby="work-edit" className="space-y-3">
            <h2 id="work-edit" className="text-lg font-semibold">{t("works.staff.editTitle")}</h2>
            <WorkForm
              communeId={commune.id}
              slug={commune.slug}
              workId={work.id}
              villages={villages.map((v) => ({ id: v.id, name: v.name }))}
              map={{
                settings: mapSettings(),
                boundaries: boundaryLayers(commune, villages),
                bounds: leafletBounds(work.geometry, commune),
                layerNames: { commune: t("common.communeName", { name: commune.name }), villages: t("works.village") },
              }}
              initial={{
                title: work.title,
                description: work.description,
                villageIds: work.villageList.map((v) => v.id),
                consultationId: work.consultationId,
                outcomeNoticeId: work.outcomeNoticeId,
                opinionNumbers: opinionNumbers.map((o) => o.number).join(", "),
                startOn: work.startOn ? work.startOn.toISOString().slice(0, 10) : "",
                endOn: work.endOn ? work.endOn.toISOString().slice(0, 10) : "",
                investor: work.investor ?? "",
                contractor: work.contractor ?? "",
                supervisor: work.supervisor ?? "",
                geometry,
                budget: work.budgetLines.map((l) => ({ source: l.source, amountVnd: vndText(l.amountVnd), labourDays: l.labourDays?.toString() ?? "", spentVnd: vndText(l.spentVnd), spentDays: l.spentDays?.toString() ?? "", note: l.note ?? "" })),
              }}
            />
          </section>
        ) : null}
      </article>
    </IntlIsland>
  );
}
