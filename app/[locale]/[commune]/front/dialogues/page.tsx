import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ClockLine } from "@/components/dialogues/conference-details";
import { FollowUp } from "@/components/dialogues/follow-up";
import { PlanConferenceForm } from "@/components/dialogues/plan-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { FRONT_ROLES } from "@/lib/auth/roles";
import { listConferences, listRequests, listVillages } from "@/lib/dialogues/read-dialogues";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dialogues.front");
  return { title: t("title") };
}

/**
 * The Front's page: it plans conferences with the People's Committee (Law 10/2022 Art. 32) and sees
 * everything: results overdue, commitments overdue, hidden questions (on each conference's page too).
 */
export default async function FrontDialoguesPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, FRONT_ROLES);
  const [conferences, requests, villages, t, format] = await Promise.all([listConferences(commune.id), listRequests(commune.id), listVillages(commune.id), getTranslations("dialogues"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
  const all = [...conferences.upcoming, ...conferences.past];
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <h1 className={pageTitle}>{t("front.title")}</h1>
        <p>{t("front.intro")}</p>
        <FollowUp communeId={commune.id} mayMarkDone={false} conferenceHref={(id) => `/${commune.slug}/dialogues/${id}`} />
        <section aria-labelledby="front-conferences-title" className="space-y-3">
          <h2 id="front-conferences-title" className="text-xl font-semibold">
            {t("staff.conferences")}
          </h2>
          {all.length === 0 ? <p>{t("none")}</p> : null}
          <ul className="space-y-3">
            {all.map((c) => (
              <li key={c.id} className={card}>
                <Link href={`/${commune.slug}/dialogues/${c.id}`} className="font-semibold">
                  {c.title}
                </Link>
                <p>
                  {when(c.startsAt)} · {t("questionsCount", { count: c._count.questions })}
                </p>
                <ClockLine clock={c.clock} />
              </li>
            ))}
          </ul>
        </section>
        <PlanConferenceForm communeId={commune.id} villages={villages} requests={requests.requests.filter((r) => !r.conference)} />
      </div>
    </IntlIsland>
  );
}
