import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ClockLine } from "@/components/dialogues/conference-details";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { openDialogueRequestAction, signDialogueRequestAction } from "@/lib/dialogues/actions";
import { listConferences, listRequests, signedRequestIds } from "@/lib/dialogues/read-dialogues";
import { REQUEST_THRESHOLD_PERCENT } from "@/lib/dialogues/rules";
import { dialogueViewer } from "@/lib/dialogues/viewer";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dialogues");
  return { title: t("title") };
}

/** The public list of dialogue conferences (upcoming, held with their results) and residents' requests. */
export default async function DialoguesPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const [viewer, conferences, requests, t, format] = await Promise.all([
    dialogueViewer(commune.id),
    listConferences(commune.id),
    listRequests(commune.id),
    getTranslations("dialogues"),
    getFormatter(),
  ]);
  const signed = await signedRequestIds(commune.id, viewer.residentId);
  const when = (d: Date) => format.dateTime(d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const list = (items: typeof conferences.past) =>
    items.length === 0 ? (
      <p>{t("none")}</p>
    ) : (
      <ul className="space-y-3">
        {items.map((c) => (
          <li key={c.id} className={card} data-testid="dialogue-card">
            <h3 className="text-lg font-semibold">
              <Link href={`/${commune.slug}/dialogues/${c.id}`}>{c.title}</Link>
            </h3>
            <p>
              {when(c.startsAt)} · {c.place} · {t("questionsCount", { count: c._count.questions })}
            </p>
            {c.clock.state !== "upcoming" ? <ClockLine clock={c.clock} /> : null}
          </li>
        ))}
      </ul>
    );

  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <div className="space-y-2">
          <h1 className={pageTitle}>{t("title")}</h1>
          <p>{t("intro")}</p>
        </div>
        <section aria-labelledby="upcoming-title" className="space-y-3">
          <h2 id="upcoming-title" className="text-xl font-semibold">
            {t("upcoming")}
          </h2>
          {list(conferences.upcoming)}
        </section>
        <section aria-labelledby="past-title" className="space-y-3">
          <h2 id="past-title" className="text-xl font-semibold">
            {t("past")}
          </h2>
          {list(conferences.past)}
        </section>
        <section aria-labelledby="requests-title" className="space-y-3">
          <h2 id="requests-title" className="text-xl font-semibold">
            {t("requests.title")}
          </h2>
          <p>{t("requests.intro", { percent: REQUEST_THRESHOLD_PERCENT, voters: requests.voters, needed: requests.needed })}</p>
          {requests.requests.length === 0 ? <p>{t("requests.none")}</p> : null}
          <ul className="space-y-3">
            {requests.requests.map((r) => (
              <li key={r.id} id={`request-${r.id}`} className={card} data-testid="dialogue-request">
                <p className="font-medium">{r.subject}</p>
                <p>{t("requests.count", { signatures: r.signatures, needed: requests.needed, voters: requests.voters })}</p>
                {r.reachedAt ? <p className="font-medium">{t("requests.reached")}</p> : null}
                {r.conference ? (
                  <p>
                    <Link href={`/${commune.slug}/dialogues/${r.conference.id}`}>{t("requests.answered", { title: r.conference.title })}</Link>
                  </p>
                ) : null}
                {viewer.residentId ? (
                  signed.has(r.id) ? (
                    <p>{t("requests.signed")}</p>
                  ) : (
                    <ActionForm action={signDialogueRequestAction} fixed={{ communeId: commune.id, requestId: r.id }} fields={[]} submitLabel={t("requests.sign")} successMessage={t("requests.signedNow")} />
                  )
                ) : null}
              </li>
            ))}
          </ul>
          {viewer.residentId ? (
            <div className={card}>
              <ActionForm
                action={openDialogueRequestAction}
                fixed={{ communeId: commune.id }}
                legend={t("requests.open")}
                fields={[{ name: "subject", label: t("requests.subject"), kind: "textarea", maxLength: 1000 }]}
                submitLabel={t("requests.open")}
                successMessage={t("requests.opened")}
              />
            </div>
          ) : (
            <p>{t("requests.signIn")}</p>
          )}
        </section>
      </div>
    </IntlIsland>
  );
}
