import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { IntlIsland } from "@/components/intl-island";
import { SiteHeader } from "@/components/site-header";
import { pageTitle } from "@/components/ui/styles";
import { getPathname } from "@/lib/i18n/navigation";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "accounts" });
  return { title: t("resetTitle") };
}

/** A forgotten password: a code by text message to the account's phone, then a new password. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("accounts");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-8">
        <h1 className={pageTitle}>{t("resetTitle")}</h1>
        <p>{t("resetIntro")}</p>
        <IntlIsland namespaces={["accounts", "errors"]}>
          <ResetPasswordForm signInHref={getPathname({ href: "/sign-in", locale })} />
        </IntlIsland>
      </main>
    </>
  );
}
