import { getTranslations } from "next-intl/server";

import type { ConsultationListItem } from "@/lib/consultations/list-consultations";
import { Link } from "@/lib/i18n/navigation";
import type { TextPart } from "@/lib/text/highlight";

import { PeriodInfo } from "./period-info";
import { StatusBadge } from "./status-badge";

export async function ConsultationCard({ item, communeSlug }: { item: ConsultationListItem; communeSlug: string }) {
  const t = await getTranslations();
  return (
    <article className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="consultation-card">
      <div className="mb-1 flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge status={item.status} />
        <span className="text-stone-700">{t(`enums.Subject.${item.subject}`)}</span>
      </div>
      <h3 className="text-lg font-semibold leading-snug">
        <Link href={`/${communeSlug}/consultations/${item.id}`}>{item.match ? <Marked parts={item.match.title} /> : item.title}</Link>
      </h3>
      {item.match?.passage ? (
        <p className="mt-1 text-stone-800" data-testid="search-snippet">
          <Marked parts={item.match.passage} />
        </p>
      ) : (
        <p className="mt-1 line-clamp-3 text-stone-800">{item.summary}</p>
      )}
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
        <PeriodInfo startsAt={item.commentStartsAt} endsAt={item.commentEndsAt} />
        <span>{t("consultation.opinions", { count: item._count.opinions })}</span>
      </p>
    </article>
  );
}

/** Text with the words a search found marked (why this result matched). */
function Marked({ parts }: { parts: TextPart[] }) {
  return parts.map((p, i) =>
    p.hit ? (
      <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-stone-950">
        {p.text}
      </mark>
    ) : (
      p.text
    ),
  );
}
