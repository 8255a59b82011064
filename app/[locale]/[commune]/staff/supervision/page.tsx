import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { Link } from "@/lib/i18n/navigation";
import { listBoards, openRequests } from "@/lib/supervision/read";
import { ANSWER_ROLES } from "@/lib/supervision/roles";
import { ANSWER_WITHIN_DAYS } from "@/lib/supervision/rules";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision");
  return { title: t("staffTitle") };
}

/** Staff's page: the boards' requests waiting for an answer, with their 15-day clocks (Law 10/2022 Art. 45.2.c). */
export default async function StaffSupervisionPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, ANSWER_ROLES);
  const [requests, boards, t] = await Promise.all([openRequests(commune.id), listBoards(commune.id), getTranslations("supervision")]);
  const instant = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "medium" });
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("staffTitle")}</h1>
      <p>{t("requestsIntro", { days: ANSWER_WITHIN_DAYS })}</p>
      <section aria-labelledby="open-title" className="space-y-2">
        <h2 id="open-title" className="text-xl font-semibold">{t("openRequests")}</h2>
        {requests.length === 0 ? <p>{t("noRequests")}</p> : null}
        <ul className="space-y-2">
          {requests.map((r) => (
            <li key={r.id} className={card}>
              <Link href={`/${commune.slug}/supervision/${r.boardId}`} className="inline-flex min-h-11 items-center font-semibold">{r.workTitle}</Link>
              <p>{t(`requestKind.${r.kind}`)} — {t(`addressee.${r.addressee}`)}</p>
              <p className="whitespace-pre-line">{r.body}</p>
              <p className="text-sm">
                {r.clock.state === "overdue" ? <strong className="text-flag-700">{t("overdue", { days: r.clock.daysLate, date: instant.format(r.clock.deadline) })}</strong> : r.clock.state === "open" ? t("dueBy", { date: instant.format(r.clock.deadline), days: r.clock.daysLeft }) : null}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="boards-title" className="space-y-2">
        <h2 id="boards-title" className="text-xl font-semibold">{t("boardsTitle")}</h2>
        {boards.length === 0 ? <p>{t("none")}</p> : null}
        <ul className="space-y-2">
          {boards.map((b) => (
            <li key={b.id}>
              <Link href={`/${commune.slug}/supervision/${b.id}`} className="inline-flex min-h-11 items-center">{b.work.title}</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
