import { getTranslations, setRequestLocale } from "next-intl/server";

import { SettingsForm } from "@/components/setup/settings-form";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listCategories } from "@/lib/cases/categories";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { listOfficials } from "@/lib/people/officials";
import { readSchedule } from "@/lib/reception/schedule";
import { readCommuneSettings } from "@/lib/setup/commune-settings";
import { SETTINGS_ROLES } from "@/lib/setup/roles";
import { errorTexts } from "@/lib/setup/page-texts";
import { ALL_FLOORS, MIN_RECEPTION_DAYS_PER_WEEK, RECEPTION_DAYS_ARTICLE } from "@/lib/setup/settings-floors";

export const dynamic = "force-dynamic";

/** The commune's settings with the law's floor beside each figure (issue 14 §1, §7). */
export default async function SettingsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, SETTINGS_ROLES);
  const [{ settings, problems }, schedule, categories, officials, t, tCategory, errors] = await Promise.all([
    readCommuneSettings(commune.id),
    readSchedule(commune.id),
    listCategories(commune.id, { activeOnly: true }),
    listOfficials(commune.id),
    getTranslations("setup"),
    getTranslations("enums.LegalCategory"),
    errorTexts(),
  ]);
  const days = schedule.weekdays.map((d) => t(`weekdays.${d}` as "weekdays.1")).join(", ");
  const signers = officials.filter((o) => o.role === "LEADER");
  const raw = (k: string) => t.raw(`settings.${k}`) as string;
  const generalKeys = ["lateEntryDays", "geometryReachKm", "reportsToHide", "opinionEditMinutes", "opinionMaxLength", "minReactionsForGroups"] as const;
  const textKeys = [
    ...generalKeys,
    ...generalKeys.map((k) => `${k}Hint` as const),
    "general", "conventionReviewDay", "conventionReviewDayHint", "extraHolidays", "extraHolidaysHint", "legalHeading", "legalIntro", "category", "minCommentDays", "maxCommentDays",
    "minPostingDays", "thresholdPercent", "requiresBroadcast", "floor", "ceiling", "recipientsHeading", "recipientsHint", "save", "saved",
  ];
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("settings.title")}</h1>
      <p>{t("settings.intro")}</p>
      <section aria-labelledby="tile-heading" className={`space-y-1 rounded-xl border p-4 ${env.TILE_URL ? "border-stone-200 bg-white" : "border-amber-600 bg-amber-50"}`} data-testid="tile-server">
        <h2 id="tile-heading" className="text-xl font-semibold">{t("settings.tileHeading")}</h2>
        {env.TILE_URL ? <p>{t("settings.tileSet", { url: env.TILE_URL })}</p> : <p role="note" className="font-medium text-amber-950">{t("settings.tileUnset")}</p>}
      </section>
      {problems.length ? (
        <p role="alert" className="rounded-xl border border-flag-700 bg-red-50 p-4 font-medium text-flag-700">
          {t("settings.storedProblems", { keys: problems.map((p) => p.key || "settings").join(", ") })}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        <section aria-labelledby="reception-heading" className="space-y-1 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="reception-heading" className="text-lg font-semibold">{t("settings.receptionHeading")}</h2>
          <p>{schedule.isSet ? t("settings.receptionNow", { days }) : t("settings.receptionDefault", { days })}</p>
          <p className="text-sm text-stone-700">{t("settings.receptionFloor", { min: MIN_RECEPTION_DAYS_PER_WEEK, law: RECEPTION_DAYS_ARTICLE })}</p>
          <Link href={`/${commune.slug}/staff/reception`}>{t("settings.receptionLink")}</Link>
        </section>
        <section aria-labelledby="categories-heading" className="space-y-1 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="categories-heading" className="text-lg font-semibold">{t("settings.categoriesHeading")}</h2>
          <p>{t("settings.categoriesNow", { count: categories.length })}</p>
          <Link href={`/${commune.slug}/staff/cases/categories`}>{t("settings.categoriesLink")}</Link>
        </section>
        <section aria-labelledby="signers-heading" className="space-y-1 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="signers-heading" className="text-lg font-semibold">{t("settings.signersHeading")}</h2>
          <p className="text-sm text-stone-700">{t("settings.signersIntro")}</p>
          {signers.length ? (
            <ul className="list-disc pl-6">
              {signers.map((s) => <li key={s.membershipId}>{`${s.name} — ${s.title ?? "—"}`}</li>)}
            </ul>
          ) : (
            <p>{t("settings.noSigners")}</p>
          )}
          <Link href={`/${commune.slug}/staff/officials`}>{t("settings.signersLink")}</Link>
        </section>
      </div>
      <SettingsForm
        communeId={commune.id}
        initial={{
          lateEntryDays: settings.lateEntryDays,
          geometryReachKm: settings.geometryReachKm,
          reportsToHide: settings.reportsToHide,
          opinionEditMinutes: settings.opinionEditMinutes,
          opinionMaxLength: settings.opinionMaxLength,
          minReactionsForGroups: settings.minReactionsForGroups,
          conventionReviewDay: settings.conventionReviewDay,
          extraHolidays: settings.extraHolidays,
          recipients: settings.recipients,
        }}
        categories={ALL_FLOORS.map((f) => ({
          category: f.category,
          name: tCategory(f.category),
          floors: { minCommentDays: f.minCommentDays, maxCommentDays: f.maxCommentDays, commentCitation: f.commentCitation, minPostingDays: f.minPostingDays, postingCitation: f.postingCitation, thresholdPercent: f.thresholdPercent, requiresBroadcast: f.requiresBroadcast },
          values: settings.legal[f.category] ?? {},
        }))}
        texts={{ ...(Object.fromEntries(textKeys.map((k) => [k, raw(k)])) as Record<string, string>), docTypes: t.raw("settings.docTypes") } as never}
        errorTexts={errors}
      />
    </div>
  );
}
