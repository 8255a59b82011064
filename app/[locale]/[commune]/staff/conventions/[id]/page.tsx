import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ClockList, StepLog } from "@/components/conventions/clocks";
import { DossierUpload } from "@/components/conventions/dossier-upload";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { toVnDate } from "@/lib/consultations/periods";
import {
  addConventionDraftAction,
  decideConventionAction,
  decideConventionSanctionAction,
  linkConventionConsultationAction,
  markConventionPostedAction,
  markConventionSentAction,
  proposeConventionAction,
  recordConventionAdoptionAction,
  recordConventionGroundsAction,
  recordConventionReviewAction,
  setConventionDraftingGroupAction,
  submitConventionDossierAction,
} from "@/lib/conventions/actions";
import { getConventionForStaff, listConventionConsultations } from "@/lib/conventions/read";
import { PROPOSE_ROLES, RECORD_ROLES, SIGN_ROLES } from "@/lib/conventions/roles";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string; commune: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conventions.staff");
  return { title: t("title") };
}

type AdoptionResult = { agree: number; households: number; percent: number | null; passed: boolean };

/** One convention: its versions step by step, the forms for the step due, the clocks and the decisions. */
export default async function StaffConventionPage({ params }: Params) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, PROPOSE_ROLES);
  if (id.length > 40) notFound();
  const [c, consultations, t, format] = await Promise.all([getConventionForStaff(commune.id, id), listConventionConsultations(commune.id), getTranslations("conventions"), getFormatter()]);
  if (!c) notFound();
  const mayRecord = access.roles.some((r) => RECORD_ROLES.includes(r));
  const maySign = access.roles.some((r) => SIGN_ROLES.includes(r));
  const day = (d: Date) => format.dateTime(d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
  const on = { name: "on", label: t("staff.fieldOn"), kind: "date" as const };
  const last = c.versions.at(-1);
  const inForce = c.status === "IN_FORCE" || c.status === "SUSPENDED";
  const closed = !last || ["RECOGNISED", "REFUSED", "NOT_ADOPTED"].includes(last.stage);
  const fixed = (versionId: string) => ({ communeId: commune.id, versionId });

  return (
    <IntlIsland namespaces={["errors", "conventions.staff"]}>
      <article className="space-y-8">
        <div className="space-y-2">
          <p>
            <Link href={`/${commune.slug}/staff/conventions`}>{t("staff.back")}</Link>
          </p>
          <h1 className={pageTitle}>{c.title}</h1>
          <p>
            {t("village")}: {c.village.name} · {t("status")}: {t(`statusValue.${c.status}`)}
            {c.inForceSince ? ` · ${t("inForceSince")}: ${day(c.inForceSince)}` : ""}
          </p>
          <Link href={`/${commune.slug}/conventions`}>{t("staff.viewPublic")}</Link>
        </div>

        <section aria-labelledby="clocks-title" className={`${card} space-y-2`}>
          <h2 id="clocks-title" className="text-xl font-semibold">
            {t("staff.openClocks")}
          </h2>
          {c.clocks.length === 0 ? <p>{t("staff.noClocks")}</p> : <ClockList clocks={c.clocks} />}
          {c.review ? <p className={c.review.state === "due" ? "font-semibold text-flag-700" : undefined}>{c.review.state === "due" ? t("reviewDue", { year: c.review.year, date: c.review.date }) : t("reviewUpcoming", { date: c.review.date })}</p> : null}
        </section>

        {c.versions.map((v) => {
          const result = v.adoptionResult as AdoptionResult | null;
          return (
            <section key={v.id} aria-labelledby={`version-${v.id}`} className={`${card} space-y-3`}>
              <h2 id={`version-${v.id}`} className="text-xl font-semibold">
                {t("staff.version", { number: v.number, stage: t(`stageValue.${v.stage}`) })}
              </h2>
              <p>{t("staff.proposal", { summary: v.summary })}</p>
              <p>{v.proposer === "CITIZENS" ? t("staff.signatures", { signatures: v.signatures ?? 0, households: v.householdsAtProposal ?? 0 }) : t("staff.frontHead", { name: v.frontHeadName ?? "" })}</p>
              {v.draftingGroup.length ? (
                <p>
                  {t("staff.draftingGroup")}: {v.draftingGroup.join("; ")}
                </p>
              ) : null}
              {v.drafts.length ? (
                <div>
                  <h3 className="font-semibold">{t("staff.drafts")}</h3>
                  {v.drafts.map((d) => (
                    <details key={d.id}>
                      <summary className="min-h-11 cursor-pointer py-2">{t("staff.draftNumber", { number: d.number })} — {day(d.createdAt)}</summary>
                      <div className="whitespace-pre-line">{d.text}</div>
                    </details>
                  ))}
                </div>
              ) : null}
              {v.consultationId ? (
                <p>
                  {t("staff.consultation")}: <Link href={`/${commune.slug}/consultations/${v.consultationId}`}>{consultations.find((x) => x.id === v.consultationId)?.title ?? v.consultationId}</Link>
                </p>
              ) : null}
              {result ? <p>{t("staff.adoption", { agree: result.agree, households: result.households, percent: result.percent ?? 0, verdict: result.passed ? t("staff.adopted") : t("staff.notAdopted") })}</p> : null}
              {v.files.length ? (
                <ul className="list-disc pl-6">
                  {v.files.map((f) => (
                    <li key={f.id}>
                      <a href={`/api/communes/${commune.slug}/conventions/files/${f.id}`} className="inline-flex min-h-11 items-center underline">
                        {t(`staff.fileValue.${f.kind}`)}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {v.decisionReasons ? <p>{v.decisionReasons}</p> : null}

              {mayRecord && (v.stage === "PROPOSED" || v.stage === "DRAFTING") ? (
                <ActionForm
                  action={setConventionDraftingGroupAction}
                  fixed={fixed(v.id)}
                  legend={t("staff.draftingGroup")}
                  fields={[{ name: "members", label: t("staff.fieldMembers"), kind: "textarea", maxLength: 2000, defaultValue: v.draftingGroup.join("\n") }, on]}
                  submitLabel={t("staff.groupSubmit")}
                  successMessage={t("staff.done")}
                  resetOnSuccess={false}
                />
              ) : null}
              {mayRecord && v.stage === "DRAFTING" ? (
                <>
                  <ActionForm
                    action={addConventionDraftAction}
                    fixed={fixed(v.id)}
                    legend={t("staff.drafts")}
                    fields={[{ name: "text", label: t("staff.fieldDraft"), kind: "textarea", maxLength: 100000, rows: 10, defaultValue: v.drafts.at(-1)?.text ?? "" }]}
                    submitLabel={t("staff.draftSubmit")}
                    successMessage={t("staff.done")}
                    resetOnSuccess={false}
                  />
                  {v.drafts.length ? (
                    consultations.length ? (
                      <ActionForm
                        action={linkConventionConsultationAction}
                        fixed={fixed(v.id)}
                        legend={t("staff.post")}
                        fields={[{ name: "consultationId", label: t("staff.fieldConsultation"), kind: "select", options: consultations.map((x) => ({ value: x.id, label: x.title })) }]}
                        submitLabel={t("staff.postSubmit")}
                        successMessage={t("staff.done")}
                      />
                    ) : (
                      <p>{t("staff.noConsultation")}</p>
                    )
                  ) : null}
                </>
              ) : null}
              {mayRecord && v.stage === "POSTED" ? (
                <ActionForm action={recordConventionAdoptionAction} fixed={fixed(v.id)} legend={t("staff.adopt")} fields={[]} submitLabel={t("staff.adoptSubmit")} successMessage={t("staff.done")} />
              ) : null}
              {mayRecord && v.stage === "ADOPTED" ? (
                <div className="space-y-3">
                  <h3 className="font-semibold">{t("staff.dossier")}</h3>
                  <DossierUpload slug={commune.slug} versionId={v.id} />
                  <ActionForm action={submitConventionDossierAction} fixed={fixed(v.id)} fields={[on]} submitLabel={t("staff.submit")} successMessage={t("staff.submitted")} />
                </div>
              ) : null}
              {v.stage === "SUBMITTED" ? (
                maySign ? (
                  <ActionForm
                    action={decideConventionAction}
                    fixed={fixed(v.id)}
                    legend={t("staff.decide")}
                    fields={[
                      { name: "recognise", label: t("staff.fieldRecognise"), kind: "checkbox", defaultChecked: true },
                      { name: "reasons", label: t("staff.fieldReasons"), kind: "textarea", maxLength: 4000 },
                    ]}
                    submitLabel={t("staff.decideSubmit")}
                    successMessage={t("staff.decided")}
                  />
                ) : (
                  <p>{t("staff.leaderOnly")}</p>
                )
              ) : null}
              {mayRecord && (v.stage === "RECOGNISED" || v.stage === "REFUSED") && !v.sentAt ? (
                <ActionForm action={markConventionSentAction} fixed={fixed(v.id)} legend={t("staff.send")} fields={[on]} submitLabel={t("staff.send")} successMessage={t("staff.done")} />
              ) : null}
              {mayRecord && v.stage === "RECOGNISED" && !v.postedAt ? (
                <ActionForm action={markConventionPostedAction} fixed={fixed(v.id)} legend={t("staff.publish")} fields={[on]} submitLabel={t("staff.publish")} successMessage={t("staff.done")} />
              ) : null}
            </section>
          );
        })}

        {inForce && closed ? (
          <section aria-labelledby="amend-title" className={`${card} space-y-3`}>
            <h2 id="amend-title" className="text-xl font-semibold">
              {t("staff.proposeAmendment")}
            </h2>
            <ActionForm
              action={proposeConventionAction}
              fixed={{ communeId: commune.id, conventionId: c.id }}
              fields={[
                { name: "proposer", label: t("staff.fieldProposer"), kind: "select", options: (["HEAD_WITH_FRONT", "CITIZENS"] as const).map((p) => ({ value: p, label: t(`staff.proposerValue.${p}`) })) },
                { name: "frontHeadName", label: t("staff.fieldFrontHead"), kind: "text", maxLength: 120 },
                { name: "signatures", label: t("staff.fieldSignatures"), kind: "number" },
                { name: "summary", label: t("staff.fieldSummary"), kind: "textarea", maxLength: 3000 },
                on,
              ]}
              submitLabel={t("staff.proposeSubmit")}
              successMessage={t("staff.proposed")}
            />
          </section>
        ) : null}

        {inForce && mayRecord ? (
          <section aria-labelledby="grounds-title" className={`${card} space-y-3`}>
            <h2 id="grounds-title" className="text-xl font-semibold">
              {t("staff.grounds")}
            </h2>
            <ActionForm
              action={recordConventionGroundsAction}
              fixed={{ communeId: commune.id, conventionId: c.id }}
              fields={[
                { name: "kind", label: t("staff.fieldGroundsKind"), kind: "select", options: (["SUSPENSION", "REPEAL"] as const).map((k) => ({ value: k, label: t(`staff.groundsValue.${k}`) })) },
                { name: "note", label: t("staff.fieldNote"), kind: "textarea", maxLength: 3000 },
                on,
              ]}
              submitLabel={t("staff.groundsSubmit")}
              successMessage={t("staff.done")}
            />
          </section>
        ) : null}
        {inForce && maySign ? (
          <section aria-labelledby="sanction-title" className={`${card} space-y-3`}>
            <h2 id="sanction-title" className="text-xl font-semibold">
              {t("staff.sanction")}
            </h2>
            <ActionForm
              action={decideConventionSanctionAction}
              fixed={{ communeId: commune.id, conventionId: c.id }}
              fields={[{ name: "kind", label: t("staff.fieldGroundsKind"), kind: "select", options: (["SUSPENSION", "REPEAL"] as const).map((k) => ({ value: k, label: t(`staff.groundsValue.${k}`) })) }]}
              submitLabel={t("staff.decideSubmit")}
              successMessage={t("staff.decided")}
            />
          </section>
        ) : null}
        {inForce && mayRecord ? (
          <section aria-labelledby="review-title" className={`${card} space-y-3`}>
            <h2 id="review-title" className="text-xl font-semibold">
              {t("staff.reviewTitle")}
            </h2>
            <ActionForm
              action={recordConventionReviewAction}
              fixed={{ communeId: commune.id, conventionId: c.id }}
              fields={[
                { name: "year", label: t("staff.fieldYear"), kind: "number", defaultValue: String(c.review?.year ?? Number(toVnDate(new Date()).slice(0, 4))) },
                { name: "outcome", label: t("staff.fieldOutcome"), kind: "select", options: (["KEEP", "AMEND", "REPEAL"] as const).map((o) => ({ value: o, label: t(`outcomeValue.${o}`) })) },
                { name: "note", label: t("staff.fieldNote"), kind: "textarea", maxLength: 3000 },
                on,
              ]}
              submitLabel={t("staff.reviewSubmit")}
              successMessage={t("staff.done")}
            />
          </section>
        ) : null}

        <section aria-labelledby="steps-title" className="space-y-3">
          <h2 id="steps-title" className="text-xl font-semibold">
            {t("staff.steps")}
          </h2>
          <StepLog steps={c.steps} slug={commune.slug} />
        </section>
      </article>
    </IntlIsland>
  );
}
