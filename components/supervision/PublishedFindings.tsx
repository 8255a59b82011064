// A work's published supervision findings, for the public work page (issue 13 §1 and §4): only what
// the community investment supervision board published; nothing else of the board is public.
import { getLocale, getTranslations } from "next-intl/server";

import { card } from "@/components/ui/styles";
import { listPublishedFindings } from "@/lib/supervision/read";

export async function PublishedFindings({ communeId, workId, level = 2 }: { communeId: string; workId: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  const [findings, t, locale] = await Promise.all([listPublishedFindings(communeId, workId), getTranslations("supervision"), getLocale()]);
  const day = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "medium" });
  const date = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "medium" });
  return (
    <section aria-labelledby={`findings-${workId}`} className="space-y-3">
      <Heading id={`findings-${workId}`} className={level === 2 ? "text-xl font-semibold" : "text-lg font-semibold"}>
        {t("publicFindings")}
      </Heading>
      {findings.length === 0 ? <p>{t("noPublicFindings")}</p> : null}
      <ul className="space-y-3">
        {findings.map((f) => (
          <li key={f.id} className={card} data-testid="published-finding">
            <p className="font-semibold">{t(`topic.${f.topic}`)}</p>
            <p className="whitespace-pre-line">{f.body}</p>
            <p className="text-sm text-stone-700">
              {f.visit ? `${t("visitOn", { date: date.format(f.visit.visitedOn), place: f.visit.place })} · ` : null}
              {t("publishedOn", { date: day.format(f.publishedAt!) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
