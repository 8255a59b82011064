import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { CasePhotos, CaseTimeline } from "@/components/cases/case-timeline";
import { CaseUpdateForm } from "@/components/cases/case-update-form";
import { LateBadge } from "@/components/cases/late-badge";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { assignHandlerAction, mergeCasesAction, reclassifyCaseAction } from "@/lib/cases/actions";
import { listCategories, listReplyTemplates } from "@/lib/cases/categories";
import { listCaseOfficials } from "@/lib/cases/file-case";
import { getStaffCase } from "@/lib/cases/list-cases";
import { CASE_STAFF_ROLES } from "@/lib/cases/roles";
import { CASE_KINDS } from "@/lib/cases/schemas";
import { NEXT_STATES } from "@/lib/cases/workflow";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** One case for staff: its sender (unless a denunciation handled by someone else), every update, the workflow. */
export default async function StaffCase({ params }: { params: Promise<{ locale: string; commune: string; number: string }> }) {
  const { locale, commune: slug, number } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, CASE_STAFF_ROLES);
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1 || n > 2_000_000_000) notFound();
  const c = await getStaffCase(commune.id, n, access.userId);
  if (!c) notFound();
  const [categories, templates, officials, t, format] = await Promise.all([
    listCategories(commune.id),
    listReplyTemplates(commune.id),
    listCaseOfficials(commune.id),
    getTranslations(),
    getFormatter(),
  ]);
  const next = NEXT_STATES[c.state];
  const stateTemplates = templates.filter((tp) => tp.active);
  const handler = officials.find((o) => o.userId === c.handlerId);
  return (
    <IntlIsland namespaces={["errors", "cases"]}>
      <div className="space-y-5">
        <p className="text-sm"><Link href={`/${commune.slug}/staff/cases`}>{t("cases.staffTitle")}</Link></p>
        <h1 className={pageTitle}>#{c.number} {c.title}</h1>
        <p className="flex flex-wrap gap-x-3">
          <strong data-testid="case-state">{t(`enums.CaseState.${c.state}`)}</strong>
          <span>{t(`enums.CaseKind.${c.kind}`)}</span>
          <span>{t(`enums.CaseSource.${c.source}`)}</span>
          <span>{c.isPublic ? t("cases.public") : t("cases.privateCase")}</span>
          <LateBadge late={c.late} />
          {c.isPublic ? <Link href={`/${commune.slug}/cases/${c.number}`}>{t("cases.publicPage")}</Link> : null}
        </p>
        {c.mergedInto ? <p className={card}>{t("cases.mergedInto")} <Link href={`/${commune.slug}/staff/cases/${c.mergedInto.number}`}>#{c.mergedInto.number}</Link></p> : null}
        <section className={card}>
          <p className="whitespace-pre-line">{c.body}</p>
          {c.address ? <p className="mt-2 text-sm">{t("cases.address")}: {c.address}</p> : null}
          <CasePhotos photos={c.photos.filter((p) => p.updateId === null)} slug={commune.slug} />
        </section>
        <dl className="grid gap-2 sm:grid-cols-2">
          <div>
            <dt className="font-medium">{t("cases.sender")}</dt>
            <dd data-testid="case-sender">{c.senderHidden ? t("cases.senderSecret") : [c.senderName, c.senderPhone, c.senderAddress].filter(Boolean).join(" · ")}</dd>
          </div>
          <div><dt className="font-medium">{t("cases.handler")}</dt><dd>{handler?.user.name ?? t("cases.noHandler")}</dd></div>
          <div><dt className="font-medium">{t("cases.receivedAt")}</dt><dd>{format.dateTime(c.receivedAt, { dateStyle: "medium", timeStyle: "short" })}</dd></div>
          <div><dt className="font-medium">{t(`cases.firstClock.${c.kind}`)}</dt><dd>{format.dateTime(c.replyDueAt, { dateStyle: "medium" })} — {t(`cases.law.${c.kind}`)}{c.repliedAt ? ` (${t("cases.repliedOn", { date: format.dateTime(c.repliedAt, { dateStyle: "medium" }) })})` : ""}</dd></div>
          {c.resolveDueAt ? <div><dt className="font-medium">{t("cases.resolveDueAt")}</dt><dd>{format.dateTime(c.resolveDueAt, { dateStyle: "medium" })} — {t(`cases.resolveLaw.${c.kind}`)}</dd></div> : null}
          {c.expectedResolvedAt ? <div><dt className="font-medium">{t("cases.expectedResolvedAt")}</dt><dd>{format.dateTime(c.expectedResolvedAt, { dateStyle: "medium" })}</dd></div> : null}
          {c.fixAnswer ? <div><dt className="font-medium">{t("cases.fixQuestion")}</dt><dd>{t(`enums.CaseFixAnswer.${c.fixAnswer}`)}</dd></div> : null}
          {c.merged.length > 0 ? <div><dt className="font-medium">{t("cases.mergedHere")}</dt><dd>{c.merged.map((m) => `#${m.number}`).join(", ")}</dd></div> : null}
        </dl>
        {!c.mergedInto ? (
          <section className={card} aria-labelledby="move">
            <h2 id="move" className="mb-2 text-lg font-semibold">{t("cases.moveTitle")}</h2>
            <CaseUpdateForm
              communeId={commune.id}
              caseId={c.id}
              slug={commune.slug}
              states={next.map((s) => ({ value: s, label: t(`enums.CaseState.${s}`) }))}
              templates={stateTemplates.map((tp) => ({ value: tp.id, label: `${t(`enums.CaseState.${tp.state}`)}: ${tp.title}` }))}
            />
          </section>
        ) : null}
        <section className={card} aria-labelledby="assign">
          <h2 id="assign" className="mb-2 text-lg font-semibold">{t("cases.assignTitle")}</h2>
          <ActionForm
            action={assignHandlerAction}
            fixed={{ communeId: commune.id, caseId: c.id }}
            fields={[{ name: "handlerId", label: t("cases.handler"), kind: "select", defaultValue: c.handlerId ?? undefined, options: officials.map((o) => ({ value: o.userId, label: o.user.name })) }]}
            submitLabel={t("cases.assign")}
            successMessage={t("cases.saved")}
            resetOnSuccess={false}
          />
        </section>
        <section className={card} aria-labelledby="classify">
          <h2 id="classify" className="mb-2 text-lg font-semibold">{t("cases.classifyTitle")}</h2>
          <p className="mb-2 text-sm">{t("cases.classifyHint")}</p>
          <ActionForm
            action={reclassifyCaseAction}
            fixed={{ communeId: commune.id, caseId: c.id }}
            fields={[
              { name: "kind", label: t("cases.kind"), kind: "select", defaultValue: c.kind, options: CASE_KINDS.map((k) => ({ value: k, label: t(`enums.CaseKind.${k}`) })) },
              { name: "categoryId", label: t("cases.category"), kind: "select", defaultValue: c.categoryId ?? "", options: [{ value: "", label: t("cases.noCategory") }, ...categories.map((cat) => ({ value: cat.id, label: cat.name }))] },
              { name: "isPublic", label: t("cases.isPublic"), kind: "checkbox", defaultChecked: c.isPublic },
              { name: "isComplex", label: t("cases.isComplex"), kind: "checkbox", defaultChecked: c.isComplex },
            ]}
            submitLabel={t("cases.classify")}
            successMessage={t("cases.saved")}
            resetOnSuccess={false}
          />
        </section>
        {!c.mergedInto ? (
          <section className={card} aria-labelledby="merge">
            <h2 id="merge" className="mb-2 text-lg font-semibold">{t("cases.mergeTitle")}</h2>
            <ActionForm
              action={mergeCasesAction}
              fixed={{ communeId: commune.id, caseId: c.id }}
              fields={[{ name: "intoNumber", label: t("cases.intoNumber"), kind: "number" }]}
              submitLabel={t("cases.merge")}
              successMessage={t("cases.saved")}
              confirmText={t("cases.mergeConfirm")}
            />
          </section>
        ) : null}
        <section aria-labelledby="updates" className="space-y-2">
          <h2 id="updates" className="text-lg font-semibold">{t("cases.updates")}</h2>
          <CaseTimeline updates={c.updates} photos={c.photos} slug={commune.slug} />
        </section>
      </div>
    </IntlIsland>
  );
}
