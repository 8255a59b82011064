import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { RegisterForm } from "@/components/auth/register-form";
import { pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug, listVillages } from "@/lib/communes/get-commune";
import { Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";

export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "register" });
  return { title: t("title") };
}

export default async function RegisterPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const [villages, messages, t] = await Promise.all([listVillages(commune.id), getMessages(), getTranslations("register")]);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p>{t("intro")}</p>
      <NextIntlClientProvider messages={pickMessages(messages, ["common", "errors", "register"])}>
        <RegisterForm
          communeId={commune.id}
          communeName={commune.name}
          communeSlug={commune.slug}
          villages={villages.map((v) => ({ id: v.id, name: v.name }))}
        />
      </NextIntlClientProvider>
      <p>
        <Link href={`/${commune.slug}/register/status`}>{t("statusLink")}</Link>
      </p>
    </div>
  );
}
