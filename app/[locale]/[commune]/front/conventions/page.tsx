import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ClockList, StepLog } from "@/components/conventions/clocks";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { FRONT_ROLES } from "@/lib/auth/roles";
import { getConventionForStaff, listForStaff } from "@/lib/conventions/read";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conventions.front");
  return { title: t("title") };
}

/** The Front sees every convention's clocks (overdue marked) and every step with who acted. */
export default async function FrontConventionsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, FRONT_ROLES);
  const [rows, t] = await Promise.all([listForStaff(commune.id), getTranslations("conventions")]);
  const details = await Promise.all(rows.map((r) => getConventionForStaff(commune.id, r.id)));
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("front.title")}</h1>
      <p>{t("front.intro")}</p>
      {details.map((c) =>
        c ? (
          <section key={c.id} aria-labelledby={`front-${c.id}`} className={`${card} space-y-3`}>
            <h2 id={`front-${c.id}`} className="text-xl font-semibold">
              {c.title} — {c.village.name}
            </h2>
            <p>
              {t("status")}: {t(`statusValue.${c.status}`)}
              {c.versions.at(-1) ? ` · ${t("staff.stage")}: ${t(`stageValue.${c.versions.at(-1)!.stage}`)}` : ""}
            </p>
            {c.clocks.length ? <ClockList clocks={c.clocks} /> : <p>{t("staff.noClocks")}</p>}
            {c.review?.state === "due" ? <p className="font-semibold text-flag-700">{t("reviewDue", { year: c.review.year, date: c.review.date })}</p> : null}
            <details>
              <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("staff.steps")}</summary>
              <StepLog steps={c.steps} slug={commune.slug} />
            </details>
          </section>
        ) : null,
      )}
    </div>
  );
}
