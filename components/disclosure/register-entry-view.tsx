import { getFormatter, getTranslations } from "next-intl/server";

import { startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import type { RegisterEntry, RegisterPosting } from "@/lib/disclosure/register-entry";
import { Link } from "@/lib/i18n/navigation";

import { Verdict } from "./verdict";

type Props = {
  entry: RegisterEntry;
  communeSlug: string;
  /** The title links to the entry's own page in the register. */
  linkTitle?: boolean;
  /** Photos shown inline (on an entry's own page) rather than linked. */
  showPhotos?: boolean;
  headingLevel?: 1 | 2 | 3;
};

export const photoUrl = (communeSlug: string, p: Pick<RegisterPosting, "id" | "photoVersion">) =>
  `/api/communes/${communeSlug}/disclosure/postings/${p.id}/photo${p.photoVersion ? `?v=${p.photoVersion}` : ""}`;

/** One publication of the register: its checks against the law and every channel it went out on. */
export async function RegisterEntryView({ entry, communeSlug, linkTitle = false, showPhotos = false, headingLevel = 2 }: Props) {
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(startOfDayVn(d), { dateStyle: "medium" });
  const { compliance } = entry;
  const { requirement, broadcast } = compliance;
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as "h2" | "h3" | "h4";
  const headingId = `entry-${entry.id}`;
  const loudspeakerShown = broadcast.required || entry.postings.some((p) => p.channel === "LOUDSPEAKER");

  function where(p: RegisterPosting) {
    if (p.channel === "WEB_PORTAL") {
      return (
        <Link href={p.location} className="underline">
          {t("disclosure.webLocation")}
        </Link>
      );
    }
    return p.location;
  }

  function when(p: RegisterPosting) {
    if (p.channel === "LOUDSPEAKER") {
      return t("disclosure.broadcastOn", { count: p.broadcastDates.length, dates: p.broadcastDates.map(day).join(", ") });
    }
    const check = compliance.periods[p.id];
    const from = check?.from ?? toVnDate(p.startsAt);
    const to = check ? check.to : p.endsAt ? toVnDate(p.endsAt) : null;
    if (to === from) return t("disclosure.periodDay", { date: day(from) });
    return to ? t("disclosure.period", { from: day(from), to: day(to) }) : t("disclosure.periodOpen", { from: day(from) });
  }

  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="register-entry">
      <div className="space-y-1">
        <p className="flex flex-wrap gap-x-2 text-sm text-stone-700">
          <span>{entry.kind === "notice" ? t("disclosure.kindNotice") : t(`enums.MatterKind.${entry.matterKind}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{t(`enums.LegalCategory.${entry.legalCategory}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{t("disclosure.publishedOn", { date: format.dateTime(entry.publishedAt, { dateStyle: "medium" }) })}</span>
        </p>
        <Heading id={headingId} className={headingLevel === 1 ? "text-2xl font-bold tracking-tight sm:text-3xl" : "text-lg font-semibold leading-snug"}>
          {linkTitle ? (
            <Link href={`/${communeSlug}/disclosure/${entry.id}`} className="underline">
              {entry.title}
            </Link>
          ) : (
            entry.title
          )}
        </Heading>
        <Verdict status={compliance.overall} overall />
      </div>

      <section aria-labelledby={`${headingId}-rules`}>
        <SubHeading id={`${headingId}-rules`} className="font-semibold">
          {t("disclosure.requirements")}
        </SubHeading>
        <ul className="mt-1 space-y-2">
          <li data-testid="posting-requirement">
            <span className="mr-2">{t("disclosure.postingRequirement", { min: requirement.minPostingDays })}</span>
            <Verdict status={compliance.posting} />
            <span className="block text-sm text-stone-700">{t("disclosure.ruleSource", { rule: t(`disclosure.rules.${requirement.postingRule}`) })}</span>
          </li>
          {loudspeakerShown ? (
            <li data-testid="broadcast-requirement">
              <span className="mr-2">{t("disclosure.broadcastRequirement", { days: requirement.broadcastDays })}</span>
              <Verdict status={broadcast.status} />
              <span className="block text-sm text-stone-700">
                {t("disclosure.longestRun", { days: broadcast.run.days })}
                {broadcast.required ? ` · ${t("disclosure.ruleSource", { rule: t(`disclosure.rules.${requirement.broadcastRule}`) })}` : null}
              </span>
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby={`${headingId}-channels`}>
        <SubHeading id={`${headingId}-channels`} className="font-semibold">
          {t("disclosure.channelsTitle")}
        </SubHeading>
        <ul className="mt-1 divide-y divide-stone-200">
          {entry.postings.map((p) => {
            const check = compliance.periods[p.id];
            return (
              <li key={p.id} className="space-y-1 py-2" data-testid="posting" data-channel={p.channel}>
                <p className="font-medium">{t(`disclosure.channels.${p.channel}`)}</p>
                <p>{where(p)}</p>
                <p className="text-stone-800">{when(p)}</p>
                {check ? (
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <span>{t("disclosure.progress", { days: check.daysSoFar, min: check.minDays })}</span>
                    {check.plannedDays !== null ? <span className="text-stone-700">({t("disclosure.planned", { days: check.plannedDays })})</span> : null}
                    <Verdict status={check.status} />
                  </p>
                ) : null}
                {p.note ? <p className="text-sm text-stone-700">{t("disclosure.note", { note: p.note })}</p> : null}
                {p.hasPhoto && showPhotos ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a stored upload served by our own route
                  <img src={photoUrl(communeSlug, p)} alt={t("disclosure.photoAlt", { where: p.location })} className="mt-2 max-h-80 w-auto rounded-lg border border-stone-300" loading="lazy" />
                ) : null}
                {p.hasPhoto && !showPhotos ? (
                  <p>
                    <a href={photoUrl(communeSlug, p)} className="inline-flex min-h-11 items-center underline">
                      {t("disclosure.photoLink")}
                    </a>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </article>
  );
}
