import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { card, pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { listRegister } from "@/lib/conventions/read";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conventions");
  return { title: t("title") };
}

/** The public register of the commune's village conventions (Decree 61/2023): versions, in force since, status, decisions, yearly review. */
export default async function ConventionsRegisterPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const [rows, t, format] = await Promise.all([listRegister(commune.id), getTranslations("conventions"), getFormatter()]);
  const day = (d: Date | string) => format.dateTime(typeof d === "string" ? new Date(`${d}T12:00:00+07:00`) : d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p>{t("intro")}</p>
      {rows.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-4">
        {rows.map((c) => (
          <li key={c.id} className={card}>
            <article aria-labelledby={`convention-${c.id}`} className="space-y-2">
              <h2 id={`convention-${c.id}`} className="text-xl font-semibold">
                {c.title}
              </h2>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium">{t("village")}</dt>
                <dd>{c.villageName}</dd>
                <dt className="font-medium">{t("status")}</dt>
                <dd>{t(`statusValue.${c.status}`)}</dd>
                {c.inForceSince ? (
                  <>
                    <dt className="font-medium">{t("inForceSince")}</dt>
                    <dd>{day(c.inForceSince)}</dd>
                  </>
                ) : null}
              </dl>
              <h3 className="font-semibold">{t("versions")}</h3>
              <ul className="list-disc pl-6">
                {c.versions.map((v) => (
                  <li key={v.id}>{t("versionLine", { number: v.number, kind: t(`kindValue.${v.kind}`), date: v.decidedAt ? day(v.decidedAt) : "—" })}</li>
                ))}
              </ul>
              <h3 className="font-semibold">{t("decisions")}</h3>
              <ul className="list-disc pl-6">
                {c.decisions.map((d) => (
                  <li key={d.stepId}>
                    {t(`stepValue.${d.kind}`)} {d.label} ({day(d.at)}) ·{" "}
                    <a href={`/api/communes/${commune.slug}/conventions/decisions/${d.stepId}/pdf`} className="inline-flex min-h-11 items-center underline">
                      {t("download", { format: "PDF" })}
                    </a>{" "}
                    ·{" "}
                    <a href={`/api/communes/${commune.slug}/conventions/decisions/${d.stepId}/docx`} className="inline-flex min-h-11 items-center underline">
                      {t("download", { format: "DOCX" })}
                    </a>
                  </li>
                ))}
              </ul>
              <h3 className="font-semibold">{t("review")}</h3>
              {c.review ? <p className={c.review.state === "due" ? "font-semibold" : undefined}>{c.review.state === "due" ? t("reviewDue", { year: c.review.year, date: day(c.review.date) }) : t("reviewUpcoming", { date: day(c.review.date) })}</p> : null}
              {c.reviews.length ? (
                <ul className="list-disc pl-6">
                  {c.reviews.map((r) => (
                    <li key={r.year}>{t("reviewDone", { year: r.year, outcome: t(`outcomeValue.${r.outcome}`), note: r.note })}</li>
                  ))}
                </ul>
              ) : null}
              {c.versions.at(-1)?.drafts[0] ? (
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("text")}</summary>
                  <div className="whitespace-pre-line">{c.versions.at(-1)!.drafts[0]!.text}</div>
                </details>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
