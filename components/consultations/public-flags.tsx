import { getFormatter, getTranslations } from "next-intl/server";

/** The Front's public flags on a consultation, each with the People's Committee's answer. */
export async function PublicFlags({ flags }: { flags: { id: string; body: string; response: string | null; respondedAt: Date | null; createdAt: Date }[] }) {
  if (flags.length === 0) return null;
  const t = await getTranslations("moderation");
  const format = await getFormatter();
  return (
    <section aria-labelledby="flags-title" className="rounded-xl border border-amber-300 bg-amber-50 p-4">
      <h2 id="flags-title" className="text-xl font-bold">
        {t("flagsTitle")}
      </h2>
      <p className="mt-1 text-sm text-stone-800">{t("flagsIntro")}</p>
      <ul className="mt-3 space-y-3">
        {flags.map((f) => (
          <li key={f.id} className="rounded-lg bg-white p-3" data-testid="public-flag">
            <p className="text-sm text-stone-600">{format.dateTime(f.createdAt, { dateStyle: "medium" })}</p>
            <p className="whitespace-pre-line">{f.body}</p>
            <div className="mt-2 border-l-4 border-brand-700 pl-3">
              <p className="text-sm font-semibold">{t("flagAnswer")}</p>
              <p className="whitespace-pre-line">{f.response ?? t("flagWaiting")}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
