import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { IntlIsland } from "@/components/intl-island";
import { ActionForm } from "@/components/forms/action-form";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { vnDate as dmy } from "@/lib/participation/record-vote";
import { openReceptionSessionAction, saveReceptionScheduleAction } from "@/lib/reception/actions";
import { listSessions } from "@/lib/reception/register";
import { REGISTER_KEEPER_ROLES } from "@/lib/reception/roles";
import { readSchedule } from "@/lib/reception/schedule";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reception" });
  return { title: t("staffTitle") };
}


/** The reception desk: the chair's days, the sessions and the register (Law 42/2013; Mẫu 03/TCD). */
export default async function StaffReception({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, REGISTER_KEEPER_ROLES);
  const [t, schedule, sessions, hosts] = await Promise.all([
    getTranslations("reception"),
    readSchedule(commune.id),
    listSessions(commune.id),
    db.membership.findMany({
      where: { communeId: commune.id, status: "VERIFIED", role: { in: ["LEADER", "STAFF"] } },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      select: { userId: true, role: true, title: true, user: { select: { name: true } } },
    }),
  ]);
  // The chair first: his sessions are the ones the law requires (Law 42/2013 Art. 18).
  const hostOptions = [...hosts]
    .sort((a, b) => Number(/^chủ tịch$/i.test(b.title ?? "")) - Number(/^chủ tịch$/i.test(a.title ?? "")))
    .filter((h, i, all) => all.findIndex((x) => x.userId === h.userId) === i)
    .map((h) => ({ value: h.userId, label: `${h.user.name}${h.title ? ` (${h.title})` : ""}` }));
  const defaultHost = hostOptions.find((h) => h.value === access.userId)?.value ?? hostOptions[0]?.value;

  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <h1 className={pageTitle}>{t("staffTitle")}</h1>
        <p>
          <Link href={`/${commune.slug}/reception`} className="underline">
            {t("title")}
          </Link>
          {" · "}
          <a href={`/api/communes/${commune.slug}/reception/register`} className="font-semibold underline" data-testid="register-export">
            {t("export")}
          </a>
        </p>

        <section className={`${card} space-y-3`} aria-labelledby="schedule">
          <h2 id="schedule" className="text-xl font-bold">
            {t("schedule")}
          </h2>
          <p className="text-sm text-stone-700">{t("scheduleHint")}</p>
          <ActionForm
            action={saveReceptionScheduleAction}
            fixed={{ communeId: commune.id }}
            resetOnSuccess={false}
            fields={[
              { name: "weekdays", label: t("weekdays"), kind: "text", defaultValue: schedule.weekdays.join(", "), maxLength: 20 },
              { name: "place", label: t("place"), kind: "text", defaultValue: schedule.place, maxLength: 300 },
              { name: "startTime", label: t("startTime"), kind: "text", defaultValue: schedule.startTime, maxLength: 5 },
              { name: "endTime", label: t("endTime"), kind: "text", defaultValue: schedule.endTime, maxLength: 5 },
              { name: "slotMinutes", label: t("slotMinutes"), kind: "number", defaultValue: String(schedule.slotMinutes) },
              { name: "slotCapacity", label: t("slotCapacity"), kind: "number", defaultValue: String(schedule.slotCapacity) },
            ]}
            submitLabel={t("save")}
            successMessage={t("saved")}
          />
        </section>

        <section className={`${card} space-y-3`} aria-labelledby="open-session">
          <h2 id="open-session" className="text-xl font-bold">
            {t("openSession")}
          </h2>
          <ActionForm
            action={openReceptionSessionAction}
            fixed={{ communeId: commune.id }}
            fields={[
              { name: "heldOn", label: t("heldOn"), kind: "text", defaultValue: toVnDate(new Date()), maxLength: 10 },
              { name: "hostId", label: t("host"), kind: "select", options: hostOptions, defaultValue: defaultHost },
              { name: "place", label: t("place"), kind: "text", defaultValue: schedule.place, maxLength: 300 },
            ]}
            submitLabel={t("openSession")}
            successMessage={t("sessionOpened")}
          />
        </section>

        <section className="space-y-3" aria-labelledby="sessions">
          <h2 id="sessions" className="text-xl font-bold">
            {t("sessions")}
          </h2>
          <ul className="space-y-2">
            {sessions.map((s) => (
              <li key={s.id} className={card} data-testid="reception-session">
                <Link href={`/${commune.slug}/staff/reception/sessions/${s.id}`} className="font-semibold underline">
                  {dmy(s.heldOn)} · {s.hostName}
                  {s.hostTitle ? ` (${s.hostTitle})` : ""}
                </Link>
                <p className="text-sm">
                  {s.place} · {t("visitsCount", { count: s._count.visits })}
                  {s.isHeadSession ? ` · ${t("headSession")}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </IntlIsland>
  );
}
