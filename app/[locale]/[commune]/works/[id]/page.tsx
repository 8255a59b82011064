import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { LazyGeometryMap } from "@/components/map/lazy";
import { PublishedFindings } from "@/components/supervision/PublishedFindings";
import { card, pageTitle } from "@/components/ui/styles";
import { ResidentFunds } from "@/components/works/resident-funds";
import { WorkFacts, WorkLinks, WorkMoney, WorkProgress, WorkTimeline } from "@/components/works/work-view";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug, listVillages } from "@/lib/communes/get-commune";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";
import { commentOnMilestoneAction, followWorkAction, unfollowWorkAction } from "@/lib/works/actions";
import { toCollection } from "@/lib/works/geometry";
import { getWork } from "@/lib/works/read";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; commune: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, commune: slug, id } = await params;
  const commune = await getCommuneBySlug(slug);
  const work = commune ? await getWork(commune.id, id) : null;
  const t = await getTranslations({ locale, namespace: "works" });
  return { title: work?.title ?? t("publicTitle") };
}

/** A published work: progress, money, the decision behind it, the timeline; residents follow and comment. */
export default async function WorkPage({ params }: Props) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const user = await getSessionUser();
  const work = await getWork(commune.id, id, { viewerId: user?.id ?? null });
  if (!work) notFound();
  const [t, villages] = await Promise.all([getTranslations(), listVillages(commune.id)]);
  const isResident = user ? (await db.membership.count({ where: { userId: user.id, communeId: commune.id, role: "RESIDENT", status: "VERIFIED" } })) > 0 : false;
  const geometry = toCollection(work.geometry);
  return (
    <IntlIsland namespaces={["errors", "works"]}>
      <article className="space-y-6">
        <header className="space-y-2">
          <p className="text-sm text-stone-700"><Link href={`/${commune.slug}/works`}>{t("works.publicTitle")}</Link></p>
          <h1 className={pageTitle}>{work.title}</h1>
          <WorkProgress status={work.status} progress={work.progress} />
        </header>
        <section className={card}><p className="whitespace-pre-line">{work.description}</p></section>
        {geometry ? (
          <LazyGeometryMap
            settings={mapSettings()}
            boundaries={boundaryLayers(commune, villages)}
            geometry={geometry}
            bounds={leafletBounds(work.geometry, commune)}
            label={work.title}
            layerNames={{ commune: t("common.communeName", { name: commune.name }), villages: t("works.village") }}
          />
        ) : null}
        <WorkFacts work={work} />
        {isResident ? (
          <ActionForm
            action={work.following ? unfollowWorkAction : followWorkAction}
            fixed={{ communeId: commune.id, workId: work.id }}
            fields={[]}
            submitLabel={work.following ? t("works.unfollow") : t("works.follow")}
            successMessage={work.following ? t("works.unfollowed") : t("works.followed")}
          />
        ) : user ? null : (
          <p className="text-sm">{t("works.signInToFollow")}</p>
        )}
        <WorkMoney work={work} />
        {/* Residents' cash and labour against the budget (issue 13 §2, lib/contributions/work-budget.ts). */}
        <ResidentFunds communeId={commune.id} workId={work.id} slug={commune.slug} />
        <WorkLinks work={work} slug={commune.slug} />
        {/* The community investment supervision board's published findings (issue 13 §4, lib/supervision). */}
        <PublishedFindings communeId={commune.id} workId={work.id} />
        <WorkTimeline
          work={work}
          slug={commune.slug}
          milestoneExtra={
            isResident
              ? (m) => (
                  <ActionForm
                    action={commentOnMilestoneAction}
                    fixed={{ communeId: commune.id, milestoneId: m.id }}
                    fields={[{ name: "body", label: t("works.comment"), kind: "textarea", rows: 2, maxLength: 2000 }]}
                    submitLabel={t("works.send")}
                    successMessage={t("works.commentSent")}
                  />
                )
              : undefined
          }
        />
      </article>
    </IntlIsland>
  );
}
