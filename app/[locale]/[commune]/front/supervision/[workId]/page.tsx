import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { IntlIsland } from "@/components/intl-island";
import { SetupBoardForm } from "@/components/supervision/setup-form";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { toVnDate } from "@/lib/consultations/periods";
import { Link } from "@/lib/i18n/navigation";
import { declarationText } from "@/lib/supervision/declaration";
import { setupContext } from "@/lib/supervision/read";
import { SETUP_ROLES } from "@/lib/supervision/roles";
import { MIN_MEMBERS, NOTIFY_DAYS_AHEAD } from "@/lib/supervision/rules";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision");
  return { title: t("setupTitle") };
}

/** The Front sets up the supervision board of one work. */
export default async function SetupBoardPage({ params }: { params: Promise<{ locale: string; commune: string; workId: string }> }) {
  const { locale, commune: slug, workId } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, SETUP_ROLES);
  if (workId.length > 40) notFound();
  const context = await setupContext(commune.id, workId);
  if (!context) notFound();
  const t = await getTranslations("supervision");
  const villages = context.villages.map((v) => v.name).join(", ");
  const candidates = context.candidates.map((c) => ({ userId: c.userId, label: `${c.name} — ${t(`role.${c.role}`)}${c.village ? ` (${c.village})` : ""}` }));
  return (
    <div className="space-y-4">
      <p>
        <Link href={`/${commune.slug}/front/supervision`}>{t("frontTitle")}</Link>
      </p>
      <h1 className={pageTitle}>{t("setupHeading", { work: context.work.title })}</h1>
      <p>{t("setupIntro", { min: MIN_MEMBERS, days: NOTIFY_DAYS_AHEAD, villages: villages || "—" })}</p>
      {context.work.supervisionBoards.length ? (
        <p>
          <Link href={`/${commune.slug}/supervision/${context.work.supervisionBoards[0]!.id}`}>{t("alreadyHasBoard")}</Link>
        </p>
      ) : (
        <IntlIsland namespaces={["errors", "supervision"]}>
          <SetupBoardForm communeId={commune.id} workId={context.work.id} slug={commune.slug} today={toVnDate(new Date())} candidates={candidates} declaration={declarationText(context.work)} />
        </IntlIsland>
      )}
    </div>
  );
}
