import { getFormatter, getTranslations } from "next-intl/server";

type Update = { id: string; body: string; fromState: string | null; toState: string | null; createdAt: Date; isPublic?: boolean };

/** The dated updates of a case, oldest first, with their photos. */
export async function CaseTimeline({ updates, photos, slug }: { updates: Update[]; photos: { attachmentId: string; updateId: string | null }[]; slug: string }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <ol className="space-y-3 border-l-2 border-stone-300 pl-4">
      {updates.map((u) => (
        <li key={u.id} data-testid="case-update">
          <p className="text-sm text-stone-700">
            <time dateTime={u.createdAt.toISOString()}>{format.dateTime(u.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            {u.toState ? <strong className="ml-2">{t(`enums.CaseState.${u.toState}`)}</strong> : null}
            {u.isPublic === false ? <span className="ml-2 italic">{t("cases.privateNote")}</span> : null}
          </p>
          {u.body ? <p className="whitespace-pre-line">{u.body}</p> : null}
          <CasePhotos photos={photos.filter((p) => p.updateId === u.id)} slug={slug} />
        </li>
      ))}
    </ol>
  );
}

export async function CasePhotos({ photos, slug }: { photos: { attachmentId: string }[]; slug: string }) {
  if (photos.length === 0) return null;
  const t = await getTranslations("cases");
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {photos.map((p, i) => (
        <a key={p.attachmentId} href={`/api/communes/${slug}/cases/photos/${p.attachmentId}`}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored photo served by our own route, sized by CSS */}
          <img src={`/api/communes/${slug}/cases/photos/${p.attachmentId}`} alt={t("photoAlt", { n: i + 1 })} className="h-32 w-auto rounded-lg border border-stone-300" loading="lazy" />
        </a>
      ))}
    </div>
  );
}
