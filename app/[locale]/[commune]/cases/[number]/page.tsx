import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { CasePhotos, CaseTimeline } from "@/components/cases/case-timeline";
import { LateBadge } from "@/components/cases/late-badge";
import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { getSessionUser } from "@/lib/auth/session";
import { answerFixCheckAction, followCaseAction, unfollowCaseAction } from "@/lib/cases/actions";
import { getCaseForResident } from "@/lib/cases/list-cases";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** A case as residents see it: public cases for all, one's own case (even private) for its sender. */
export default async function CasePage({ params }: { params: Promise<{ locale: string; commune: string; number: string }> }) {
  const { locale, commune: slug, number } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  const n = Number(number);
  if (!commune || !Number.isInteger(n) || n < 1 || n > 2_000_000_000) notFound();
  const user = await getSessionUser();
  const c = await getCaseForResident(commune.id, n, user?.id ?? null);
  if (!c) notFound();
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const isResident = user ? (await db.membership.count({ where: { userId: user.id, communeId: commune.id, role: "RESIDENT", status: "VERIFIED" } })) > 0 : false;
  const askFix = c.isSender && c.state === "RESOLVED" && c.fixAskedAt && !c.fixAnswer;
  return (
    <IntlIsland namespaces={["errors", "cases"]}>
      <article className="space-y-5">
        <header className="space-y-2">
          <p className="text-sm text-stone-700">
            <Link href={`/${commune.slug}/cases`}>{t("cases.publicTitle")}</Link>
          </p>
          <h1 className={pageTitle}>#{c.number} {c.title}</h1>
          <p className="flex flex-wrap gap-x-3 gap-y-1">
            <strong data-testid="case-state">{t(`enums.CaseState.${c.state}`)}</strong>
            <span>{t(`enums.CaseKind.${c.kind}`)}</span>
            {c.category ? <span>{locale === "en" && c.category.nameEn ? c.category.nameEn : c.category.name}</span> : null}
            <LateBadge late={c.late} />
            {!c.isPublic ? <span className="italic">{t("cases.privateCase")}</span> : null}
          </p>
          {c.mergedInto ? (
            <p className={card}>
              {t("cases.mergedInto")} <Link href={`/${commune.slug}/cases/${c.mergedInto.number}`}>#{c.mergedInto.number}</Link>
            </p>
          ) : null}
        </header>
        <section className={card}>
          <p className="whitespace-pre-line">{c.body}</p>
          {c.address ? <p className="mt-2 text-sm">{t("cases.address")}: {c.address}</p> : null}
          <CasePhotos photos={c.photos.filter((p) => p.updateId === null)} slug={commune.slug} />
        </section>
        <dl className="grid gap-2 sm:grid-cols-2">
          <div><dt className="font-medium">{t("cases.receivedAt")}</dt><dd>{format.dateTime(c.receivedAt, { dateStyle: "medium" })}</dd></div>
          <div>
            <dt className="font-medium">{t(`cases.firstClock.${c.kind}`)}</dt>
            <dd>{format.dateTime(c.replyDueAt, { dateStyle: "medium" })} {c.repliedAt ? `(${t("cases.repliedOn", { date: format.dateTime(c.repliedAt, { dateStyle: "medium" }) })})` : null}</dd>
          </div>
          {c.expectedResolvedAt ? <div><dt className="font-medium">{t("cases.expectedResolvedAt")}</dt><dd>{format.dateTime(c.expectedResolvedAt, { dateStyle: "medium" })}</dd></div> : null}
          {c.resolvedAt ? <div><dt className="font-medium">{t("cases.resolvedAt")}</dt><dd>{format.dateTime(c.resolvedAt, { dateStyle: "medium" })}</dd></div> : null}
          {c.transferredTo ? <div><dt className="font-medium">{t("cases.transferredTo")}</dt><dd>{c.transferredTo}</dd></div> : null}
          {c.refusalReason ? <div><dt className="font-medium">{t("cases.refusalReason")}</dt><dd>{c.refusalReason}</dd></div> : null}
          <div><dt className="font-medium">{t("cases.followers")}</dt><dd>{c.followers}</dd></div>
        </dl>
        {askFix ? (
          <section className={`${card} border-brand-700`} aria-labelledby="fix-check">
            <h2 id="fix-check" className="text-lg font-semibold">{t("cases.fixQuestion")}</h2>
            <ActionForm
              action={answerFixCheckAction}
              fixed={{ communeId: commune.id, caseId: c.id }}
              fields={[{ name: "answer", label: t("cases.fixAnswer"), kind: "select", options: (["YES", "NO", "DONT_KNOW"] as const).map((a) => ({ value: a, label: t(`enums.CaseFixAnswer.${a}`) })) }]}
              submitLabel={t("cases.send")}
              successMessage={t("cases.thanks")}
            />
          </section>
        ) : null}
        {c.fixAnswer ? <p>{t("cases.fixAnswered", { answer: t(`enums.CaseFixAnswer.${c.fixAnswer}`) })}</p> : null}
        {isResident && !c.mergedInto ? (
          <ActionForm
            action={c.following ? unfollowCaseAction : followCaseAction}
            fixed={{ communeId: commune.id, caseId: c.id }}
            fields={[]}
            submitLabel={c.following ? t("cases.unfollow") : t("cases.follow")}
            successMessage={c.following ? t("cases.unfollowed") : t("cases.followed")}
          />
        ) : null}
        <section aria-labelledby="updates" className="space-y-2">
          <h2 id="updates" className="text-lg font-semibold">{t("cases.updates")}</h2>
          <CaseTimeline updates={c.updates} photos={c.photos} slug={commune.slug} />
        </section>
      </article>
    </IntlIsland>
  );
}
