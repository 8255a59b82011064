import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { RedeemInviteForm } from "@/components/people/redeem-invite-form";
import { card, pageTitle } from "@/components/ui/styles";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { Link, redirect } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getRegistrationStatus } from "@/lib/people/registration-status";

// The person's own registration: rendered per request, never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "people.status" });
  return { title: t("title") };
}

const TONE = {
  PENDING: "border-amber-300 bg-amber-50",
  VERIFIED: "border-green-300 bg-green-50",
  REJECTED: "border-red-300 bg-red-50",
} as const;

export default async function RegistrationStatusPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const user = await getSessionUser();
  if (!user) redirect({ href: `/sign-in?callbackUrl=${encodeURIComponent(`/${slug}/register/status`)}`, locale });
  const [registration, t, tEnums, format, messages] = await Promise.all([
    getRegistrationStatus(user!.id, commune.id),
    getTranslations("people.status"),
    getTranslations("enums"),
    getFormatter(),
    getMessages(),
  ]);

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      {!registration ? (
        <p className={card}>
          {t("none", { commune: commune.name })} <Link href={`/${commune.slug}/register`}>{t("registerLink")}</Link>
        </p>
      ) : (
        <>
          <section className={`rounded-xl border p-4 ${TONE[registration.status]}`} aria-labelledby="status-heading" data-testid="registration-status">
            <h2 id="status-heading" className="text-xl font-semibold">
              {tEnums(`MembershipStatus.${registration.status}`)}
            </h2>
            <p className="mt-2">{t(`explain.${registration.status}`)}</p>
            {registration.status === "REJECTED" && registration.rejectionReason ? (
              <p className="mt-2">
                <span className="font-semibold">{t("reason")}</span> {registration.rejectionReason}
              </p>
            ) : null}
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="font-medium">{t("registeredAs")}</dt>
              <dd>
                {registration.claimedName} ({registration.claimedBirthYear})
              </dd>
              <dt className="font-medium">{t("registeredOn")}</dt>
              <dd>{format.dateTime(registration.createdAt, { dateStyle: "medium" })}</dd>
              {registration.resident ? (
                <>
                  <dt className="font-medium">{t("onList")}</dt>
                  <dd>
                    {registration.resident.fullName}, {registration.resident.village.name} ({t("household", { code: registration.resident.household.code })})
                  </dd>
                </>
              ) : null}
              {registration.verificationMethod ? (
                <>
                  <dt className="font-medium">{t("method")}</dt>
                  <dd>{tEnums(`VerificationMethod.${registration.verificationMethod}`)}</dd>
                </>
              ) : null}
            </dl>
          </section>
          {registration.status === "PENDING" ? (
            <section className={card} aria-labelledby="invite-heading">
              <h2 id="invite-heading" className="mb-2 text-lg font-semibold">
                {t("haveCode")}
              </h2>
              <NextIntlClientProvider messages={pickMessages(messages, ["errors", "people.status"])}>
                <RedeemInviteForm communeId={commune.id} />
              </NextIntlClientProvider>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
