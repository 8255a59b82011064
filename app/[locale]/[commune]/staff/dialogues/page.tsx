import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ClockLine } from "@/components/dialogues/conference-details";
import { FollowUp } from "@/components/dialogues/follow-up";
import { PlanConferenceForm } from "@/components/dialogues/plan-form";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { enterPaperSignatureAction } from "@/lib/dialogues/actions";
import { listConferences, listRequests, listVillages } from "@/lib/dialogues/read-dialogues";
import { RECORD_ROLES } from "@/lib/dialogues/roles";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dialogues.staff");
  return { title: t("nav") };
}

/** Staff plan conferences, reach each one to record its results, and follow up results and commitments. */
export default async function StaffDialoguesPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, RECORD_ROLES);
  const [conferences, requests, villages, t, format] = await Promise.all([listConferences(commune.id), listRequests(commune.id), listVillages(commune.id), getTranslations("dialogues"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <h1 className={pageTitle}>{t("staff.title")}</h1>
        <section aria-labelledby="conferences-title" className="space-y-3">
          <h2 id="conferences-title" className="text-xl font-semibold">
            {t("staff.conferences")}
          </h2>
          {[...conferences.upcoming, ...conferences.past].length === 0 ? <p>{t("none")}</p> : null}
          <ul className="space-y-3">
            {[...conferences.upcoming, ...conferences.past].map((c) => (
              <li key={c.id} className={card}>
                <h3 className="font-semibold">
                  <Link href={`/${commune.slug}/staff/dialogues/${c.id}`}>{c.title}</Link>
                </h3>
                <p>
                  {when(c.startsAt)} · {c.place} · {t("questionsCount", { count: c._count.questions })}
                </p>
                <ClockLine clock={c.clock} />
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="staff-requests-title" className="space-y-3">
          <h2 id="staff-requests-title" className="text-xl font-semibold">
            {t("requests.title")}
          </h2>
          {requests.requests.length === 0 ? <p>{t("requests.none")}</p> : null}
          <ul className="space-y-2">
            {requests.requests.map((r) => (
              <li key={r.id} id={`request-${r.id}`} className={card}>
                <p className="font-medium">{r.subject}</p>
                <p>{t("requests.count", { signatures: r.signatures, needed: requests.needed, voters: requests.voters })}</p>
                {r.reachedAt ? <p className="font-medium">{t("requests.reached")}</p> : null}
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("staff.paperSignature")}</summary>
                  <ActionForm
                    action={enterPaperSignatureAction}
                    fixed={{ communeId: commune.id, requestId: r.id }}
                    fields={[
                      { name: "householdCode", label: t("staff.fieldHouseholdCode"), kind: "text", maxLength: 40 },
                      { name: "fullName", label: t("staff.fieldFullName"), kind: "text", maxLength: 120 },
                    ]}
                    submitLabel={t("staff.paperSignatureSubmit")}
                    successMessage={t("staff.paperSigned")}
                  />
                </details>
              </li>
            ))}
          </ul>
        </section>
        <PlanConferenceForm communeId={commune.id} villages={villages} requests={requests.requests.filter((r) => !r.conference)} />
        <FollowUp communeId={commune.id} mayMarkDone conferenceHref={(id) => `/${commune.slug}/staff/dialogues/${id}`} />
      </div>
    </IntlIsland>
  );
}
