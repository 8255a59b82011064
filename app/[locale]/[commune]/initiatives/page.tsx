import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { toVnDate } from "@/lib/consultations/periods";
import { contributionViewer } from "@/lib/contributions/viewer";
import { db } from "@/lib/db";
import { enterInitiativeSignatureAction, proposeInitiativeAction, recordInitiativePutAction, signInitiativeAction } from "@/lib/initiatives/actions";
import { listInitiatives } from "@/lib/initiatives/initiatives";
import { INITIATIVE_PERCENT, SIGNATURE_VALID_MONTHS } from "@/lib/initiatives/rules";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("initiatives");
  return { title: t("title") };
}

/**
 * Citizens' initiatives (Law 10/2022 Art. 16.3): each with its valid signatures against 10% of the
 * village's households. Residents propose and sign for their household; staff and the village head enter
 * paper signatures; once reached, the village head must put it to the village and records when.
 */
export default async function InitiativesPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const viewer = await contributionViewer(commune.id);
  const [rows, t, format, myHousehold] = await Promise.all([
    listInitiatives(commune.id),
    getTranslations("initiatives"),
    getFormatter(),
    viewer.residentId ? db.resident.findFirst({ where: { id: viewer.residentId, communeId: commune.id }, select: { householdId: true, villageId: true } }) : null,
  ]);
  const day = (d: Date) => format.dateTime(d, { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" });
  const today = toVnDate(new Date());
  const mayEnter = (villageId: string) => viewer.isStaff || (viewer.headOf !== null && viewer.headOf === villageId);
  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <div className="space-y-2">
          <h1 className={pageTitle}>{t("title")}</h1>
          <p>{t("intro", { percent: INITIATIVE_PERCENT, months: SIGNATURE_VALID_MONTHS })}</p>
        </div>
        {rows.length === 0 ? <p>{t("none")}</p> : null}
        <ul className="space-y-4">
          {rows.map((r) => (
            <li key={r.id} id={`initiative-${r.id}`} className={`${card} space-y-2`} data-testid="initiative">
              <h2 className="text-lg font-semibold">{r.title}</h2>
              <p className="text-sm text-stone-700">{t("meta", { village: r.village, date: format.dateTime(r.createdAt, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }) })}</p>
              <p className="whitespace-pre-line">{r.body}</p>
              <p className="font-medium" data-testid="initiative-count">
                {t("count", { valid: r.count.valid, needed: r.count.needed, households: r.count.households, percent: r.count.percent })}
              </p>
              <progress className="h-3 w-full" max={r.count.needed} value={Math.min(r.count.valid, r.count.needed)} aria-label={t("progressLabel")} />
              {r.putOn ? (
                <p>{t("put", { date: day(r.putOn), meeting: r.putMeeting ?? "" })}</p>
              ) : r.count.reached ? (
                <p className="font-medium" role="note">
                  {t("mustPut")}
                </p>
              ) : null}
              {myHousehold && !r.putOn && myHousehold.villageId === r.villageId ? (
                myHousehold.householdId && r.signedHouseholds.has(myHousehold.householdId) ? (
                  <p>{t("signed")}</p>
                ) : (
                  <ActionForm action={signInitiativeAction} fixed={{ communeId: commune.id, initiativeId: r.id }} fields={[]} submitLabel={t("sign")} successMessage={t("signedNow")} />
                )
              ) : null}
              {mayEnter(r.villageId) && !r.putOn ? (
                <details>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center underline">{t("paper")}</summary>
                  <ActionForm
                    action={enterInitiativeSignatureAction}
                    fixed={{ communeId: commune.id, initiativeId: r.id }}
                    fields={[
                      { name: "householdCode", label: t("householdCode"), kind: "text", maxLength: 40 },
                      { name: "signedOn", label: t("signedOn"), kind: "date", defaultValue: today },
                    ]}
                    submitLabel={t("paperSubmit")}
                    successMessage={t("signedNow")}
                  />
                </details>
              ) : null}
              {mayEnter(r.villageId) && !r.putOn ? (
                <details>
                  <summary className="inline-flex min-h-11 cursor-pointer items-center underline">{t("recordPut")}</summary>
                  <ActionForm
                    action={recordInitiativePutAction}
                    fixed={{ communeId: commune.id, initiativeId: r.id }}
                    fields={[
                      { name: "putOn", label: t("putOn"), kind: "date", defaultValue: today },
                      { name: "meeting", label: t("meeting"), kind: "text", maxLength: 300 },
                    ]}
                    submitLabel={t("recordPutSubmit")}
                    successMessage={t("putRecorded")}
                  />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
        {viewer.residentId ? (
          <section aria-labelledby="propose-title" className={`${card} space-y-2`}>
            <h2 id="propose-title" className="text-xl font-semibold">
              {t("propose")}
            </h2>
            <ActionForm
              action={proposeInitiativeAction}
              fixed={{ communeId: commune.id }}
              fields={[
                { name: "matter", label: t("titleField"), kind: "text", maxLength: 200 },
                { name: "description", label: t("body"), kind: "textarea", maxLength: 3000 },
              ]}
              submitLabel={t("proposeSubmit")}
              successMessage={t("proposed")}
            />
          </section>
        ) : (
          <p>{t("signIn")}</p>
        )}
      </div>
    </IntlIsland>
  );
}
