import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { Link } from "@/lib/i18n/navigation";
import { listBoards, worksWithoutBoard } from "@/lib/supervision/read";
import { SETUP_ROLES } from "@/lib/supervision/roles";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision");
  return { title: t("frontTitle") };
}

/** The Front's page of supervision boards: the boards it set up, and the works that have none yet (Law 10/2022 Art. 41.1). */
export default async function FrontSupervisionPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, SETUP_ROLES);
  const [boards, works, t] = await Promise.all([listBoards(commune.id), worksWithoutBoard(commune.id), getTranslations("supervision")]);
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("frontTitle")}</h1>
      <p>{t("frontIntro")}</p>
      <section aria-labelledby="works-title" className="space-y-2">
        <h2 id="works-title" className="text-xl font-semibold">{t("worksWithoutBoard")}</h2>
        {works.length === 0 ? <p>{t("noWorks")}</p> : null}
        <ul className="space-y-2">
          {works.map((w) => (
            <li key={w.id} className={card}>
              <p className="font-semibold">{w.title}</p>
              <Link href={`/${commune.slug}/front/supervision/${w.id}`} className="inline-flex min-h-11 items-center">{t("setupFor", { work: w.title })}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="boards-title" className="space-y-2">
        <h2 id="boards-title" className="text-xl font-semibold">{t("boardsTitle")}</h2>
        {boards.length === 0 ? <p>{t("none")}</p> : null}
        <ul className="space-y-2">
          {boards.map((b) => (
            <li key={b.id} className={card}>
              <Link href={`/${commune.slug}/supervision/${b.id}`} className="inline-flex min-h-11 items-center font-semibold">{b.work.title}</Link>
              <p>{b.dissolvedAt ? t("dissolved") : t("active")} · {t("counts", { members: b._count.members, visits: b._count.visits, findings: b._count.findings })}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
