import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { LazyGeometryMap } from "@/components/map/lazy";
import { AddVillagesForm } from "@/components/setup/add-villages-form";
import { FirstMemberForm } from "@/components/setup/first-member-form";
import type { Area } from "@/components/setup/villages-editor";
import { pageTitle } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import { boundaryLayers, leafletBounds, mapSettings } from "@/lib/map/map-props";
import { listOfficials } from "@/lib/people/officials";
import { getCommuneForAdmin } from "@/lib/setup/create-commune";
import { requirePlatformPage } from "@/lib/setup/page-access";
import { errorTexts, villageTexts } from "@/lib/setup/page-texts";

export const dynamic = "force-dynamic";

/** One commune as the platform administrator sees it: details, villages, more villages, first officials. */
export default async function AdminCommunePage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  await requirePlatformPage(locale);
  const commune = slug.length <= 60 ? await getCommuneForAdmin(slug) : null;
  if (!commune) notFound();
  const [t, tFirst, tKind, errors, villages, officials] = await Promise.all([
    getTranslations("setup.admin"),
    getTranslations("setup.firstMember"),
    getTranslations("setup.villages"),
    errorTexts(),
    villageTexts(),
    listOfficials(commune.id),
  ]);
  const members = officials.filter((o) => o.role === "ADMIN" || o.role === "STAFF");
  const bounds = leafletBounds(null, commune);
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("communeTitle", { name: commune.name, province: commune.province })}</h1>
      <p className="flex flex-wrap gap-4">
        <Link href={`/${commune.slug}/staff`}>{t("goToCommune")}</Link>
        <Link href={`/${commune.slug}/staff/settings`}>{t("settingsLink")}</Link>
      </p>
      <section aria-labelledby="details-heading" className="space-y-2">
        <h2 id="details-heading" className="text-xl font-semibold">{t("details")}</h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("address")}</dt>
          <dd>{commune.address ?? t("notSet")}</dd>
          <dt className="font-medium">{t("committeeName")}</dt>
          <dd>{commune.committeeName ?? t("notSet")}</dd>
          <dt className="font-medium">{t("frontName")}</dt>
          <dd>{commune.frontName ?? t("notSet")}</dd>
        </dl>
      </section>
      <section aria-labelledby="villages-heading" className="space-y-2">
        <h2 id="villages-heading" className="text-xl font-semibold">{t("villageList", { count: commune.villages.length })}</h2>
        <ul className="list-disc pl-6" data-testid="commune-villages">
          {commune.villages.map((v) => (
            <li key={v.id}>{`${v.kind === "TO_DAN_PHO" ? tKind("toDanPho") : tKind("thon")} ${v.name}`}</li>
          ))}
        </ul>
        <LazyGeometryMap
          settings={mapSettings()}
          boundaries={boundaryLayers(commune, commune.villages)}
          bounds={bounds}
          label={t("mapLabel")}
          layerNames={{ commune: villages.communeLayer, villages: villages.villagesLayer }}
          geometry={null}
        />
      </section>
      <section aria-labelledby="add-heading" className="space-y-2">
        <h2 id="add-heading" className="text-xl font-semibold">{t("addVillages")}</h2>
        <AddVillagesForm
          communeId={commune.id}
          existing={commune.villages.map((v) => ({ id: v.id, name: v.name, boundary: v.boundary as unknown as Area | null }))}
          settings={mapSettings()}
          locale={locale}
          bounds={bounds}
          texts={villages}
          errorTexts={errors}
        />
      </section>
      <section aria-labelledby="first-heading" className="max-w-xl space-y-2 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="first-heading" className="text-xl font-semibold">{t("firstMember")}</h2>
        <p>{t("firstMemberIntro")}</p>
        <h3 className="font-semibold">{t("members")}</h3>
        {members.length ? (
          <ul className="list-disc pl-6" data-testid="commune-members">
            {members.map((m) => <li key={m.membershipId}>{`${m.name} — ${m.role === "ADMIN" ? tFirst("admin") : tFirst("staff")}`}</li>)}
          </ul>
        ) : (
          <p>{t("noMembers")}</p>
        )}
        <FirstMemberForm
          communeId={commune.id}
          texts={{ identifier: tFirst("identifier"), identifierHint: tFirst("identifierHint"), role: tFirst("role"), admin: tFirst("admin"), staff: tFirst("staff"), submit: tFirst("submit"), granted: tFirst.raw("granted") as string }}
          errorTexts={errors}
        />
      </section>
    </div>
  );
}
