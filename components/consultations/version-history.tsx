import { getFormatter, getTranslations } from "next-intl/server";

import { describeChange } from "@/lib/consultations/describe-change";
import type { ConsultationVersionEntry } from "@/lib/consultations/list-versions";
import { startOfDayVn } from "@/lib/consultations/periods";

/** What changed after publication, and when: the public record of every edit, newest first. */
export async function VersionHistory({ versions, publishedAt }: { versions: ConsultationVersionEntry[]; publishedAt: Date | null }) {
  if (!publishedAt) return null;
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const day = (iso: string) => format.dateTime(startOfDayVn(iso), { day: "2-digit", month: "2-digit", year: "numeric" });
  return (
    <section aria-labelledby="versions-title" className="space-y-3" data-testid="version-history">
      <h2 id="versions-title" className="text-xl font-bold">
        {t("versions.title")}
      </h2>
      <p className="text-stone-700">{t("versions.intro")}</p>
      {versions.length === 0 ? <p>{t("versions.noChanges")}</p> : null}
      <ol className="space-y-3">
        {versions.map((v) => (
          <li key={v.id} className="rounded-xl border border-stone-200 bg-white p-4">
            <h3 className="font-semibold">
              {t("versions.version", { version: v.version })}{" "}
              <time dateTime={v.createdAt.toISOString()} className="font-normal text-stone-700">
                {t("versions.at", { date: when(v.createdAt) })}
              </time>
            </h3>
            {v.note ? <p className="mt-1 italic">{t("versions.note", { note: v.note })}</p> : null}
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {v.changes.map((change, i) => {
                const d = describeChange(change, (key, values) => t(key, values), day);
                return (
                  <li key={i} className="break-words">
                    {d.label}
                    {d.before !== undefined ? (
                      <>
                        : <del className="text-stone-700">{d.before}</del> → <ins className="font-medium no-underline">{d.after}</ins>
                      </>
                    ) : null}
                    {d.detail ? (
                      <details className="mt-1">
                        <summary className="min-h-11 cursor-pointer py-2 text-brand-800">{t("versions.showBeforeAfter")}</summary>
                        <div className="grid gap-2 sm:grid-cols-2">
                          <div>
                            <p className="text-sm font-semibold">{t("versions.before")}</p>
                            <p className="whitespace-pre-line rounded bg-stone-100 p-2 text-sm">{d.detail.before}</p>
                          </div>
                          <div>
                            <p className="text-sm font-semibold">{t("versions.after")}</p>
                            <p className="whitespace-pre-line rounded bg-stone-100 p-2 text-sm">{d.detail.after}</p>
                          </div>
                        </div>
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
        <li className="rounded-xl border border-stone-200 bg-stone-50 p-4">{t("versions.firstPublished", { date: when(publishedAt) })}</li>
      </ol>
    </section>
  );
}
