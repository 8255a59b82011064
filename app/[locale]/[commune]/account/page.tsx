import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { EmailConfirmation } from "@/components/accounts/email-confirmation";
import { IntlIsland } from "@/components/intl-island";
import { ConsentSection } from "@/components/privacy/consent-section";
import { TextMessageChoice } from "@/components/telling/text-message-choice";
import { ActionForm } from "@/components/forms/action-form";
import { MyHousehold } from "@/components/households/my-household";
import { buttonSecondary, card, pageTitle } from "@/components/ui/styles";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { Link } from "@/lib/i18n/navigation";
import { renderNotification } from "@/lib/notifications/notify";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { appealModerationAction } from "@/lib/oversight/actions";
import { correctMyDetailsAction, requestDataChangeAction } from "@/lib/people/data-rights-actions";
import { getMyAccount } from "@/lib/people/get-my-account";
import { CONSENT_WITHDRAWN_REASON } from "@/lib/privacy/consent-reasons";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("title") };
}

/** A person's own page: details, inbox, opinions (with why one was hidden, and the appeal), votes, data rights. */
export default async function AccountPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const t = await getTranslations();
  const user = await getSessionUser();
  if (!user) {
    return (
      <p className={card}>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}/account`)}`}>{t("account.signInFirst")}</Link>
      </p>
    );
  }
  const [me, format] = await Promise.all([getMyAccount(user.id, commune.id), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const resident = me.memberships.find((m) => m.role === "RESIDENT");
  const communeId = commune.id;

  return (
    <IntlIsland namespaces={["common", "errors"]}>
    <div className="space-y-8">
      <h1 className={pageTitle}>{t("account.title")}</h1>

      <section aria-labelledby="profile-title" className={`${card} space-y-3`}>
        <h2 id="profile-title" className="text-xl font-bold">{t("account.profile")}</h2>
        <dl className="grid gap-2 sm:grid-cols-2">
          <div><dt className="text-sm text-stone-600">{t("account.fullName")}</dt><dd>{me.user.name}</dd></div>
          <div><dt className="text-sm text-stone-600">{t("account.phone")}</dt><dd>{me.user.phone ?? "—"}</dd></div>
          {me.memberships.map((m) => (
            <div key={m.role}>
              <dt className="text-sm text-stone-600">{t(`enums.Role.${m.role}`)}</dt>
              <dd data-testid="membership-status">
                {t(`enums.MembershipStatus.${m.status}`)}
                {m.rejectionReason && m.rejectionReason !== "anonymised" && m.rejectionReason !== CONSENT_WITHDRAWN_REASON ? ` — ${m.rejectionReason}` : ""}
              </dd>
            </div>
          ))}
        </dl>
        <p><Link href={`/${slug}/account/password`}>{t("accounts.changeLink")}</Link></p>
        {resident?.resident ? (
          <p className="text-sm">
            {t("account.listedAs", {
              name: resident.resident.fullName,
              year: resident.resident.birthYear ?? "?",
              village: resident.resident.village.name,
              household: resident.resident.household.code,
            })}
          </p>
        ) : null}
        {me.blocks.map((b, i) => (
          <p key={i} role="note" className="rounded bg-red-50 p-2 font-medium text-flag-700">{t("account.blocked", { reason: b.reason })}</p>
        ))}
        <ActionForm
          action={correctMyDetailsAction}
          fixed={{ communeId }}
          fields={[
            { name: "displayName", label: t("account.displayName"), kind: "text", defaultValue: me.user.displayName, maxLength: 50 },
            { name: "email", label: t("account.email"), kind: "email", defaultValue: me.user.email ?? "", maxLength: 200 },
            { name: "emailNotifications", label: t("account.emailNotifications"), kind: "checkbox", defaultChecked: !me.user.emailOptOut },
          ]}
          submitLabel={t("account.save")}
          successMessage={t("account.saved")}
          resetOnSuccess={false}
        />
        {me.user.email ? <EmailConfirmation confirmed={me.user.emailVerifiedAt !== null} /> : null}
      </section>

      {resident ? <MyHousehold userId={user.id} communeId={communeId} /> : null}

      <TextMessageChoice userId={user.id} communeId={communeId} />

      <section aria-labelledby="inbox-title" className={`${card} space-y-3`}>
        <h2 id="inbox-title" className="text-xl font-bold">{t("account.inbox")}</h2>
        {me.notifications.length === 0 ? <p>{t("account.noNotifications")}</p> : null}
        <ul className="space-y-2">
          {me.notifications.map((n) => {
            const { title, body } = renderNotification(n.kind, (n.params ?? {}) as Record<string, string | number>, locale);
            return (
              <li key={n.id} className="rounded-lg border border-stone-200 p-3" data-testid="notification">
                <p className="text-sm text-stone-600">
                  {date(n.createdAt)} {n.readAt ? null : <strong className="ml-2 text-brand-800">{t("account.unread")}</strong>}
                </p>
                <p className="font-semibold">{n.link ? <a href={n.link}>{title}</a> : title}</p>
                <p>{body}</p>
              </li>
            );
          })}
        </ul>
        {me.notifications.some((n) => !n.readAt) ? (
          <ActionForm action={markNotificationsReadAction} fixed={{ communeId }} fields={[]} submitLabel={t("account.markRead")} successMessage={t("account.markedRead")} />
        ) : null}
      </section>

      <section aria-labelledby="opinions-title" className={`${card} space-y-3`}>
        <h2 id="opinions-title" className="text-xl font-bold">{t("account.myOpinions")}</h2>
        {me.opinions.length === 0 ? <p>{t("account.noOpinions")}</p> : null}
        <ul className="space-y-3">
          {me.opinions.map((o) => (
            <li key={o.id} id={`opinion-${o.id}`} className="space-y-2 rounded-lg border border-stone-200 p-3" data-testid="my-opinion">
              <p className="text-sm text-stone-600">
                <Link href={`/${slug}/consultations/${o.consultation.id}#opinion-${o.number}`}>#{o.number} · {o.consultation.title}</Link> · {date(o.createdAt)}
              </p>
              <p className="whitespace-pre-line">{o.body}</p>
              {o.moderationState !== "VISIBLE" ? (
                <p className="font-medium text-flag-700">
                  {t("account.hiddenBecause", {
                    reason: `${o.moderation[0]?.reason ? t(`enums.ModerationReason.${o.moderation[0].reason}`) : t(`enums.ModerationState.${o.moderationState}`)}${o.moderation[0]?.details ? ` — ${o.moderation[0].details}` : ""}`,
                  })}
                </p>
              ) : null}
              {o.appeal ? <p>{t("account.appealStatus", { status: t(`enums.AppealStatus.${o.appeal.status}`) })}{o.appeal.decisionNote ? ` — ${o.appeal.decisionNote}` : ""}</p> : null}
              {o.moderationState !== "VISIBLE" && !o.appeal && resident?.status === "VERIFIED" ? (
                <ActionForm
                  action={appealModerationAction}
                  fixed={{ communeId, opinionId: o.id }}
                  fields={[{ name: "body", label: t("account.appealLabel"), kind: "textarea", maxLength: 2000 }]}
                  submitLabel={t("account.sendAppeal")}
                  successMessage={t("account.appealSent")}
                />
              ) : null}
              {o.answer ? (
                <div className="border-l-4 border-brand-700 pl-3" data-testid="my-opinion-answer">
                  <p className="text-sm font-semibold">
                    {t("account.officialAnswer")} · {t("notice.answerKind", { kind: t(`enums.AnswerKind.${o.answer.kind}`) })}
                  </p>
                  <p className="whitespace-pre-line">{o.answer.body}</p>
                </div>
              ) : o.consultation.notice?.status === "PUBLISHED" ? (
                <p>{t("notice.awaitingAnswer")}</p>
              ) : null}
              {o.consultation.notice?.status === "PUBLISHED" ? (
                <p>
                  <Link href={`/${slug}/consultations/${o.consultation.id}#notice`}>{t("notice.seeNotice")}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="votes-title" className={`${card} space-y-3`}>
        <h2 id="votes-title" className="text-xl font-bold">{t("account.myVotes")}</h2>
        {me.votes.length === 0 ? <p>{t("account.noVotes")}</p> : null}
        <p>
          <Link href={`/${slug}/household-votes`}>{t("contestedVotes.householdTitle")}</Link>
        </p>
        <ul className="space-y-2">
          {me.votes.map((v) => (
            <li key={v.receiptCode} className="rounded-lg border border-stone-200 p-3">
              <p className="text-sm text-stone-600">{v.question.consultation.title} · {date(v.createdAt)} · {t(`enums.Channel.${v.channel}`)}</p>
              <p>{v.question.text}</p>
              <p>
                {t("account.receipt")}: <code className="font-mono font-semibold">{v.receiptCode}</code>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="data-title" className={`${card} space-y-4`}>
        <h2 id="data-title" className="text-xl font-bold">{t("account.myData")}</h2>
        <p>{t("account.myDataIntro")}</p>
        <p>
          <a href={`/api/me/data-export?commune=${slug}`} className={buttonSecondary} download>
            ⬇ {t("account.download")}
          </a>
        </p>
        <ConsentSection userId={user.id} communeId={communeId} communeName={commune.name} />
        <ActionForm
          action={requestDataChangeAction}
          fixed={{ communeId, kind: "CORRECTION" }}
          legend={t("account.requestCorrection")}
          fields={[{ name: "details", label: t("account.correctionDetails"), kind: "textarea", maxLength: 2000 }]}
          submitLabel={t("account.sendRequest")}
          successMessage={t("account.requestSent")}
        />
        <div className="rounded-lg border border-red-200 bg-red-50 p-3">
          <p className="mb-2">{t("account.deletionExplain")}</p>
          <ActionForm
            action={requestDataChangeAction}
            fixed={{ communeId, kind: "DELETION" }}
            legend={t("account.requestDeletion")}
            fields={[{ name: "details", label: t("account.deletionReason"), kind: "textarea", maxLength: 2000 }]}
            submitLabel={t("account.requestDeletion")}
            successMessage={t("account.requestSent")}
            danger
            confirmText={t("account.deletionConfirm")}
          />
        </div>
        {me.requests.length > 0 ? (
          <div>
            <h3 className="font-semibold">{t("account.myRequests")}</h3>
            <ul className="list-disc pl-6">
              {me.requests.map((r, i) => (
                <li key={i}>
                  {t(`enums.DataRequestKind.${r.kind}`)} · {t(`enums.DataRequestStatus.${r.status}`)} · {t("account.due", { date: date(r.dueAt) })}
                  {r.resolution ? ` — ${r.resolution}` : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </div>
    </IntlIsland>
  );
}
