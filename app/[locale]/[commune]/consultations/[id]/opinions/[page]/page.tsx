import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { OpinionList } from "@/components/consultations/opinion-list";
import { OpinionMeProvider } from "@/components/consultations/opinion-me";
import { Pagination } from "@/components/ui/pagination";
import { pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { getPublicConsultation, isOpenForComment } from "@/lib/consultations/get-consultation";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { countHiddenByReason } from "@/lib/oversight/moderation";
import { listPublicOpinions } from "@/lib/participation/list-opinions";

// Each page of opinions is its own static address: cached like the consultation page, readable
// without JavaScript.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; commune: string; id: string; page: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, page } = await params;
  const t = await getTranslations({ locale, namespace: "consultation" });
  return { title: `${t("opinionsTitle")} · ${page}` };
}

export default async function OpinionsPage({ params }: Params) {
  const { locale, commune: slug, id, page: raw } = await params;
  setRequestLocale(locale);
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) notFound();
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const consultation = await getPublicConsultation(commune.id, id);
  if (!consultation) notFound();
  const [opinions, hiddenReasons, messages, t] = await Promise.all([
    listPublicOpinions(consultation.id, page),
    countHiddenByReason(consultation.id),
    getMessages(),
    getTranslations("consultation"),
  ]);
  if (page > opinions.pageCount) notFound();
  const base = getPathname({ href: `/${slug}/consultations/${id}/opinions`, locale });
  return (
    <div className="space-y-4">
      <p>
        <Link href={`/${slug}/consultations/${id}`}>← {consultation.title}</Link>
      </p>
      <h1 className={pageTitle}>
        {t("opinionsTitle")} <span className="text-base font-normal text-stone-700">({t("opinions", { count: opinions.total })})</span>
      </h1>
      <NextIntlClientProvider messages={pickMessages(messages, ["common", "errors", "opinionActions", "moderation", "enums.ModerationReason"])}>
        <OpinionMeProvider communeId={commune.id} communeSlug={slug} consultationId={id} isOpen={isOpenForComment(consultation)}>
          <OpinionList opinions={opinions.items} hiddenReasons={hiddenReasons} ids={{ communeId: commune.id, consultationId: id }} />
        </OpinionMeProvider>
      </NextIntlClientProvider>
      <Pagination page={page} pageCount={opinions.pageCount} hrefFor={(p) => `${base}/${p}`} />
    </div>
  );
}
