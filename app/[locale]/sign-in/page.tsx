import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";

import { SignInForm } from "@/components/auth/sign-in-form";
import { SiteHeader } from "@/components/site-header";
import { pageTitle } from "@/components/ui/styles";
import { getPathname } from "@/lib/i18n/navigation";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("title") };
}

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const tAccounts = await getTranslations("accounts");
  const tConfirm = await getTranslations("emailConfirm");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-8">
        <h1 className={pageTitle}>{t("title")}</h1>
        <Suspense>
          <SignInForm
            registerHref={getPathname({ href: "/register", locale })}
            texts={{
              identifier: t("identifier"),
              password: t("password"),
              submit: t("submit"),
              submitting: t("submitting"),
              noAccount: t("noAccount"),
              registerLink: t("registerLink"),
              invalidCredentials: t("invalidCredentials"),
              emailUnconfirmed: tConfirm("signInUnconfirmed"),
              failed: t("failed"),
              rateLimited: t.raw("rateLimited") as string,
            }}
          />
        </Suspense>
        <p className="text-sm">
          <Link href={getPathname({ href: "/reset-password", locale })}>{tAccounts("forgotLink")}</Link>
        </p>
      </main>
    </>
  );
}
