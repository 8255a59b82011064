import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";

import { SignInForm } from "@/components/auth/sign-in-form";
import { SiteHeader } from "@/components/site-header";
import { pageTitle } from "@/components/ui/styles";
import { pickMessages } from "@/lib/i18n/pick-messages";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("title") };
}

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const messages = await getMessages();
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-8">
        <h1 className={pageTitle}>{t("title")}</h1>
        <NextIntlClientProvider messages={pickMessages(messages, ["common", "signIn"])}>
          <Suspense>
            <SignInForm />
          </Suspense>
        </NextIntlClientProvider>
      </main>
    </>
  );
}
