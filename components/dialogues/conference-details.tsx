// What a conference is: when, where, for whom, about what, and where it stands on the 10-day clock for
// its results (Law 72/2025 Art. 43). Shared by the public page and the staff page.
import { getFormatter, getTranslations } from "next-intl/server";

import type { ConferenceView } from "@/lib/dialogues/read-dialogues";
import type { PublishClock } from "@/lib/dialogues/rules";

const VN = { timeZone: "Asia/Ho_Chi_Minh" } as const;

export async function ClockLine({ clock }: { clock: PublishClock }) {
  const [t, format] = await Promise.all([getTranslations("dialogues.clock"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { ...VN, day: "2-digit", month: "2-digit", year: "numeric" });
  const text =
    clock.state === "upcoming"
      ? t("upcoming")
      : clock.state === "open"
        ? t("open", { date: day(clock.deadline), days: clock.daysLeft })
        : clock.state === "overdue"
          ? t("overdue", { date: day(clock.deadline), days: clock.daysLate })
          : t(clock.onTime ? "publishedOnTime" : "publishedLate", { date: day(clock.publishedAt) });
  const tone = clock.state === "overdue" || (clock.state === "published" && !clock.onTime) ? "border-flag-700 bg-red-50 text-flag-700" : "border-stone-300 bg-stone-50";
  return (
    <p className={`rounded-lg border px-3 py-2 font-medium ${tone}`} data-testid="dialogue-clock" data-state={clock.state}>
      {text}
    </p>
  );
}

export async function ConferenceDetails({ conference }: { conference: ConferenceView }) {
  const [t, format] = await Promise.all([getTranslations("dialogues"), getFormatter()]);
  const when = format.dateTime(conference.startsAt, { ...VN, weekday: "long", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return (
    <div className="space-y-3">
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">{t("when")}</dt>
        <dd>{when}</dd>
        <dt className="font-semibold">{t("place")}</dt>
        <dd>{conference.place}</dd>
        {conference.onlineLink ? (
          <>
            <dt className="font-semibold">{t("onlineLink")}</dt>
            <dd className="break-all">
              <a href={conference.onlineLink} rel="noopener noreferrer nofollow" className="underline">
                {conference.onlineLink}
              </a>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("villages")}</dt>
        <dd>{conference.villages.map((v) => v.name).join(", ")}</dd>
        <dt className="font-semibold">{t("topics")}</dt>
        <dd className="whitespace-pre-line">{conference.topics}</dd>
        <dt className="font-semibold">{t("officials")}</dt>
        <dd className="whitespace-pre-line">{conference.officials}</dd>
      </dl>
      <p className="text-sm text-stone-700">{t("announcedOn", { date: format.dateTime(conference.announcedAt, { ...VN, day: "2-digit", month: "2-digit", year: "numeric" }) })}</p>
      <ClockLine clock={conference.clock} />
    </div>
  );
}
