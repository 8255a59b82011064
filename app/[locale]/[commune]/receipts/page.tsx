import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";

import { ReceiptCheck } from "@/components/ballot/receipt-check";
import { pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { pickMessages } from "@/lib/i18n/pick-messages";

// The same static page for everyone: the code is read and checked in the browser.
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ballot.receipts");
  return { title: t("title") };
}

export default async function ReceiptsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const t = await getTranslations("ballot.receipts");
  const messages = await getMessages();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p>{t("intro")}</p>
      <NextIntlClientProvider messages={pickMessages(messages, ["ballot.receipts", "ballot.counting.channelNotDeciding", "errors", "enums.Channel"])}>
        <Suspense>
          <ReceiptCheck communeId={commune.id} communeSlug={commune.slug} />
        </Suspense>
      </NextIntlClientProvider>
    </div>
  );
}
