import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { SiteHeader } from "@/components/site-header";
import { pageTitle } from "@/components/ui/styles";
import { confirmEmailAction } from "@/lib/email-confirmation/actions";
import { getPathname } from "@/lib/i18n/navigation";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "emailConfirm" });
  return { title: t("title"), referrer: "no-referrer" };
}

/**
 * The link in the confirmation mail. Opening it changes nothing: the person presses the button (a mail
 * scanner that follows links must not confirm an address on its owner's behalf).
 */
export default async function ConfirmEmailPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[] }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations("emailConfirm");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-8">
        <h1 className={pageTitle}>{t("title")}</h1>
        {typeof token === "string" && token ? (
          <>
            <p>{t("intro")}</p>
            <IntlIsland namespaces={["errors"]}>
              <ActionForm action={confirmEmailAction} fixed={{ token }} fields={[]} submitLabel={t("confirm")} successMessage={t("confirmed")} />
            </IntlIsland>
          </>
        ) : (
          <p role="alert">{t("missingToken")}</p>
        )}
        <p>
          <Link href={getPathname({ href: "/sign-in", locale })}>{t("signInLink")}</Link>
        </p>
      </main>
    </>
  );
}
