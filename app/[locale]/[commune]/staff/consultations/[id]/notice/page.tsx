import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { NoticeDownloads } from "@/components/notices/notice-downloads";
import { buttonSecondary, card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { approveNoticeAction, draftNoticeAction, publishNoticeAction, updateNoticeAction } from "@/lib/notices/actions";
import { getNoticeForStaff, REPORT_READY } from "@/lib/notices/notices";
import { shownLabel } from "@/lib/register/label";

export const dynamic = "force-dynamic";

/** Staff draft and edit the outcome notice, a leader approves it, staff publish it. */
export default async function StaffNoticePage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_ROLES);
  const consultation = await db.consultation.findFirst({
    where: { id, communeId: commune.id },
    select: { id: true, title: true, report: { select: { status: true } } },
  });
  if (!consultation) notFound();
  const [notice, messages, t, format] = await Promise.all([getNoticeForStaff(commune.id, consultation.id), getMessages(), getTranslations("notice"), getFormatter()]);
  const reportReady = !!consultation.report && (REPORT_READY as readonly string[]).includes(consultation.report.status);
  const isLeader = access.roles.includes("LEADER");
  const communeId = commune.id;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className={pageTitle}>{t("staffTitle")}</h1>
        <p>
          <Link href={`/${slug}/staff/consultations/${consultation.id}`}>{consultation.title}</Link>
        </p>
      </div>
      <NextIntlClientProvider messages={pickMessages(messages, ["common", "errors"])}>
        {!notice ? (
          <section className={`${card} space-y-3`}>
            {reportReady ? (
              <>
                <p>{t("draftIntro")}</p>
                <ActionForm action={draftNoticeAction} fixed={{ communeId, consultationId: consultation.id }} fields={[]} submitLabel={t("draftButton")} successMessage={t("drafted")} />
              </>
            ) : (
              <p role="note">{t("needsReport")}</p>
            )}
          </section>
        ) : (
          <section className={`${card} space-y-4`} aria-labelledby="notice-status">
            <h2 id="notice-status" className="text-lg font-bold" data-testid="notice-status">
              {t("statusLabel", { status: t(`status.${notice.status}`) })}
            </h2>
            {notice.document ? (
              <p data-testid="notice-number">
                {t("number", { label: shownLabel(notice.document.label, "TB") })} · {t("approvedOn", { date: date(notice.document.issuedAt) })}
              </p>
            ) : null}
            {notice.publishedAt ? <p>{t("publishedOn", { date: date(notice.publishedAt) })}</p> : null}
            <NoticeDownloads communeSlug={slug} consultationId={consultation.id} />
            {notice.status === "DRAFT" ? (
              <>
                <ActionForm
                  action={updateNoticeAction}
                  fixed={{ communeId, noticeId: notice.id }}
                  fields={[
                    { name: "title", label: t("titleLabel"), kind: "text", defaultValue: notice.title, maxLength: 300 },
                    { name: "body", label: t("bodyLabel"), kind: "textarea", defaultValue: notice.body, maxLength: 30_000, rows: 18 },
                    { name: "loudspeakerText", label: t("loudspeakerLabel"), kind: "textarea", defaultValue: notice.loudspeakerText, maxLength: 6_000, rows: 8 },
                  ]}
                  submitLabel={t("save")}
                  successMessage={t("saved")}
                  resetOnSuccess={false}
                />
                {isLeader ? (
                  <ActionForm action={approveNoticeAction} fixed={{ communeId, noticeId: notice.id }} fields={[]} submitLabel={t("approve")} successMessage={t("approved")} confirmText={t("approveConfirm")} />
                ) : (
                  <p role="note">{t("awaitingLeader")}</p>
                )}
              </>
            ) : (
              <div className="space-y-2">
                <h3 className="font-semibold">{notice.title}</h3>
                <p className="whitespace-pre-line">{notice.body}</p>
                <h3 className="font-semibold">{t("loudspeakerTitle")}</h3>
                <p className="whitespace-pre-line">{notice.loudspeakerText}</p>
              </div>
            )}
            {notice.status === "APPROVED" ? (
              <ActionForm action={publishNoticeAction} fixed={{ communeId, noticeId: notice.id }} fields={[]} submitLabel={t("publish")} successMessage={t("published")} confirmText={t("publishConfirm")} />
            ) : null}
            {notice.status === "PUBLISHED" ? (
              <Link href={`/${slug}/consultations/${consultation.id}#notice`} className={buttonSecondary}>
                {t("publicTitle")}
              </Link>
            ) : null}
            {notice.status === "PUBLISHED" ? (
              <Link href={`/${slug}/staff/works/new?notice=${notice.id}`} className={buttonSecondary}>{(await getTranslations("works.staff"))("createFromNotice")}</Link>
            ) : null}
          </section>
        )}
      </NextIntlClientProvider>
    </div>
  );
}
