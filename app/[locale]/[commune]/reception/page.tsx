import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { IntlIsland } from "@/components/intl-island";
import { ActionForm } from "@/components/forms/action-form";
import { card, pageTitle } from "@/components/ui/styles";
import { requireCommuneAccess } from "@/lib/auth/authorize";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { Link } from "@/lib/i18n/navigation";
import { bookReceptionSlotAction, cancelReceptionBookingAction } from "@/lib/reception/actions";
import { myBookings, takenPlaces } from "@/lib/reception/bookings";
import { BOOKING_ROLES } from "@/lib/reception/roles";
import { isoWeekday, readSchedule, slotsOf, upcomingDays } from "@/lib/reception/schedule";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reception" });
  return { title: t("title") };
}

const dmy = (day: string) => day.split("-").reverse().join("/");

/** The chair's reception days, place and hours, and how to book a slot (Law 42/2013 Art. 15, 18). */
export default async function ReceptionPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const [t, schedule, user] = await Promise.all([getTranslations("reception"), readSchedule(commune.id), getSessionUser()]);
  const resident = user ? await requireCommuneAccess(user.id, commune.id, BOOKING_ROLES).then(() => true, () => false) : false;
  const days = upcomingDays(schedule, new Date(), 3);
  const [taken, mine] = await Promise.all([takenPlaces(commune.id, days), resident && user ? myBookings(commune.id, user.id) : []]);
  const slots = slotsOf(schedule);
  const weekday = (d: number) => t(`weekday${d}` as "weekday1");

  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-6">
        <h1 className={pageTitle}>{t("title")}</h1>
        <p>{t("intro")}</p>
        <dl className={`${card} grid gap-2 sm:grid-cols-[auto_1fr]`}>
          <dt className="font-semibold">{t("days")}</dt>
          <dd data-testid="reception-days">{schedule.weekdays.map(weekday).join(", ")}</dd>
          <dt className="font-semibold">{t("hours")}</dt>
          <dd>
            {schedule.startTime}–{schedule.endTime}
          </dd>
          <dt className="font-semibold">{t("place")}</dt>
          <dd>{schedule.place}</dd>
        </dl>
        <p>{t("howToBook")}</p>
        <p>{t("walkIn")}</p>
        {!user ? (
          <p>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}/reception`)}`} className="font-semibold underline">
              {t("signInToBook")}
            </Link>
          </p>
        ) : !resident ? (
          <p>{t("residentsOnly")}</p>
        ) : null}

        {mine.length ? (
          <section className="space-y-3" aria-labelledby="my-bookings">
            <h2 id="my-bookings" className="text-xl font-bold">
              {t("myBookings")}
            </h2>
            <ul className="space-y-3">
              {mine.map((b) => (
                <li key={b.id} className={card} data-testid="my-booking">
                  <p className="font-semibold">
                    {weekday(isoWeekday(b.day))} {dmy(b.day)} · {b.slotTime}
                    {b.cancelledAt ? ` · ${t("wasCancelled")}` : ""}
                  </p>
                  {b.topic ? <p>{b.topic}</p> : null}
                  {!b.cancelledAt ? (
                    <ActionForm action={cancelReceptionBookingAction} fixed={{ communeId: commune.id, bookingId: b.id }} fields={[]} submitLabel={t("cancel")} successMessage={t("cancelled")} danger />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section className="space-y-3" aria-labelledby="upcoming">
          <h2 id="upcoming" className="text-xl font-bold">
            {t("upcoming")}
          </h2>
          {days.map((day) => (
            <div key={day} className={`${card} space-y-3`} data-testid="reception-day">
              <h3 className="font-semibold">
                {weekday(isoWeekday(day))} {dmy(day)}
              </h3>
              <ul className="grid gap-3 sm:grid-cols-2">
                {slots.map((slot) => {
                  const free = schedule.slotCapacity - (taken.get(`${day} ${slot}`) ?? 0);
                  return (
                    <li key={slot} className="space-y-2 rounded-lg border border-stone-200 p-3">
                      <p>
                        <strong>{slot}</strong> · {free > 0 ? t("free", { count: free }) : t("full")}
                      </p>
                      {resident && free > 0 ? (
                        <ActionForm
                          action={bookReceptionSlotAction}
                          fixed={{ communeId: commune.id, day, slotTime: slot }}
                          fields={[{ name: "topic", label: t("topic"), kind: "text", maxLength: 300 }]}
                          submitLabel={t("book", { time: slot })}
                          successMessage={t("booked")}
                        />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      </div>
    </IntlIsland>
  );
}
