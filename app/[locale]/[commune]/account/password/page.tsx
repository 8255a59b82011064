import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { IntlIsland } from "@/components/intl-island";
import { card, pageTitle } from "@/components/ui/styles";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { getPathname, Link } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "accounts" });
  return { title: t("changeTitle") };
}

/** Changing one's password from the account page, with the old one. */
export default async function ChangePasswordPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const t = await getTranslations("accounts");
  const user = await getSessionUser();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className={pageTitle}>{t("changeTitle")}</h1>
      {user ? (
        <>
          <p>{t("changeIntro")}</p>
          <IntlIsland namespaces={["accounts", "errors"]}>
            <ChangePasswordForm signInHref={getPathname({ href: "/sign-in", locale })} />
          </IntlIsland>
        </>
      ) : (
        <p className={card}>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}/account/password`)}`}>{t("signInFirst")}</Link>
        </p>
      )}
    </div>
  );
}
