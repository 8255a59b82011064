import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { PublishedFindings } from "@/components/supervision/PublishedFindings";
import { card, pageTitle } from "@/components/ui/styles";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { Link } from "@/lib/i18n/navigation";
import { listBoards, myBoardIds } from "@/lib/supervision/read";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision");
  return { title: t("title") };
}

/**
 * The commune's community investment supervision boards (Law 10/2022 Art. 41–45): each work with its
 * board, and the findings the board published. A member sees a link to their board's own page.
 */
export default async function SupervisionPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const user = await getSessionUser();
  const [boards, mine, t] = await Promise.all([listBoards(commune.id), user ? myBoardIds(commune.id, user.id) : Promise.resolve(new Set<string>()), getTranslations("supervision")]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p>{t("intro")}</p>
      {boards.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-3">
        {boards.map((b) => (
          <li key={b.id} className={card}>
            <h2 className="text-lg font-semibold">{b.work.title}</h2>
            <p>
              {b.dissolvedAt ? t("dissolved") : t("active")} · {t("counts", { members: b._count.members, visits: b._count.visits, findings: b._count.findings })}
            </p>
            <PublishedFindings communeId={commune.id} workId={b.workId} level={3} />
            {mine.has(b.id) ? (
              <p>
                <Link href={`/${commune.slug}/supervision/${b.id}`} className="inline-flex min-h-11 items-center">{t("openMyBoard")}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
