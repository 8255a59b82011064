import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { LoudspeakerPanel } from "@/components/disclosure/loudspeaker-panel";
import { RegisterEntryView } from "@/components/disclosure/register-entry-view";
import { Listen } from "@/components/read-aloud/listen";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { getNoticeTexts, getRegisterEntry } from "@/lib/disclosure/list-register";
import { loudspeakerTextFor } from "@/lib/disclosure/loudspeaker-for";
import { measureStoredText } from "@/lib/disclosure/loudspeaker-text";
import { Link } from "@/lib/i18n/navigation";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ locale: string; commune: string; id: string }> };

async function load(slug: string, id: string) {
  const commune = await getCommuneBySlug(slug);
  if (!commune || id.length > 40) return null;
  const entry = await getRegisterEntry(commune, id);
  return entry ? { commune, entry } : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { commune: slug, id } = await params;
  const found = await load(slug, id);
  return found ? { title: found.entry.title } : {};
}

/** One publication of the register: every channel with its photos, the checks, the loudspeaker text. */
export default async function DisclosureEntry({ params }: Params) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const found = await load(slug, id);
  if (!found) notFound();
  const { commune, entry } = found;
  const t = await getTranslations("disclosure");
  const notice = entry.kind === "notice" ? await getNoticeTexts(commune.id, entry.id) : null;
  const loudspeaker = notice ? measureStoredText(notice.loudspeakerText) : await loudspeakerTextFor(commune.id, entry.consultationId);

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/${commune.slug}/disclosure`} className="inline-flex min-h-11 items-center underline">
          ← {t("backToRegister")}
        </Link>
      </p>
      <RegisterEntryView entry={entry} communeSlug={commune.slug} showPhotos headingLevel={1} />
      <p>
        <Link href={`/${commune.slug}/consultations/${entry.consultationId}`} className="inline-flex min-h-11 items-center underline">
          {t("viewPage")}
        </Link>
      </p>
      {notice ? (
        <section aria-labelledby="notice-text" className="rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="notice-text" className="text-xl font-bold">
            {t("noticeText")}
          </h2>
          <p className="mt-2 whitespace-pre-line">{notice.body}</p>
        </section>
      ) : null}
      {loudspeaker && loudspeaker.paragraphs.length > 0 ? (
        <>
          <LoudspeakerPanel {...loudspeaker} />
          <Listen communeSlug={commune.slug} kind="loudspeaker" id={entry.id} text={loudspeaker.paragraphs.join(" ")} />
        </>
      ) : null}
    </div>
  );
}
