import { getFormatter, getTranslations } from "next-intl/server";

import { card } from "@/components/ui/styles";
import type { getPublishedNotice } from "@/lib/notices/notices";

import { NoticeDownloads } from "./notice-downloads";
import { shownLabel } from "@/lib/register/label";

type Notice = NonNullable<Awaited<ReturnType<typeof getPublishedNotice>>>;

/** The published outcome notice on the public consultation page: summary, downloads, loudspeaker text. */
export async function PublicNotice({ notice, communeSlug, consultationId }: { notice: Notice; communeSlug: string; consultationId: string }) {
  const [t, format] = await Promise.all([getTranslations("notice"), getFormatter()]);
  const paragraphs = notice.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <section id="notice" aria-labelledby="notice-title" className={`${card} space-y-4 border-l-4 border-brand-700`} data-testid="public-notice">
      <h2 id="notice-title" className="text-xl font-bold">
        {t("publicTitle")}
      </h2>
      <p className="text-sm text-stone-700">
        {notice.document ? `${t("number", { label: shownLabel(notice.document.label, "TB") })} · ` : ""}
        {notice.publishedAt ? t("publishedOn", { date: format.dateTime(notice.publishedAt, { dateStyle: "long" }) }) : null}
      </p>
      <p className="font-semibold">{notice.title}</p>
      <p>{t("publicIntro")}</p>
      <NoticeDownloads communeSlug={communeSlug} consultationId={consultationId} />
      <details>
        <summary className="cursor-pointer font-semibold">{t("fullText")}</summary>
        <div className="mt-2 space-y-2">
          {paragraphs.map((p, i) => (
            <p key={i} className="whitespace-pre-line">
              {p}
            </p>
          ))}
        </div>
      </details>
      <details>
        <summary className="cursor-pointer font-semibold">{t("loudspeakerTitle")}</summary>
        <div className="mt-2 space-y-2" data-testid="notice-loudspeaker">
          {notice.loudspeakerText.split(/\n\s*\n/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </details>
    </section>
  );
}
