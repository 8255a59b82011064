import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { card } from "@/components/ui/styles";
import { updateBreachAction, recordBreachAction } from "@/lib/privacy/actions";
import type { listBreaches } from "@/lib/privacy/breaches";

type Breach = Awaited<ReturnType<typeof listBreaches>>[number];

const CLOCK_STYLE: Record<Breach["clock"]["state"], string> = {
  RUNNING: "bg-amber-100 text-amber-950",
  OVERDUE: "bg-red-100 text-flag-700",
  NOTIFIED: "bg-green-100 text-green-900",
  NOTIFIED_LATE: "bg-stone-100 text-stone-900",
};

/** The commune's breach register: each entry with its 72-hour clock, and the forms to record and complete entries. */
export async function BreachRegister({ communeId, breaches }: { communeId: string; breaches: Breach[] }) {
  const [t, format] = await Promise.all([getTranslations("privacy.staff"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="breaches-title" className="space-y-4">
      <h2 id="breaches-title" className="text-xl font-bold">{t("breaches")}</h2>
      <p>{t("breachesIntro")}</p>
      {breaches.length === 0 ? <p>{t("noBreaches")}</p> : null}
      <ul className="space-y-3">
        {breaches.map((b) => (
          <li key={b.id} className={`${card} space-y-2`} data-testid="breach">
            <p className={`rounded-lg p-2 font-semibold ${CLOCK_STYLE[b.clock.state]}`} data-testid="breach-clock">
              {b.clock.state === "RUNNING"
                ? t("clock.RUNNING", { hours: b.clock.hoursLeft, deadline: date(b.clock.deadline) })
                : b.clock.state === "OVERDUE"
                  ? t("clock.OVERDUE", { hours: b.clock.hoursLate, deadline: date(b.clock.deadline) })
                  : t(`clock.${b.clock.state}`)}
            </p>
            <dl className="grid gap-2 text-sm sm:grid-cols-2">
              <div><dt className="text-stone-600">{t("discoveredAt")}</dt><dd>{date(b.discoveredAt)}</dd></div>
              <div>
                <dt className="text-stone-600">{t("peopleAffected")}</dt>
                <dd>{b.peopleAffected === null ? t("peopleAffectedUnknown") : t("peopleAffectedCount", { count: b.peopleAffected })}</dd>
              </div>
              <div className="sm:col-span-2"><dt className="text-stone-600">{t("description")}</dt><dd className="whitespace-pre-line">{b.description}</dd></div>
              <div className="sm:col-span-2"><dt className="text-stone-600">{t("dataConcerned")}</dt><dd>{b.dataConcerned}</dd></div>
              {b.authorityNotifiedAt ? <div className="sm:col-span-2"><dd>{t("notifiedTo", { name: b.authorityName ?? "", date: date(b.authorityNotifiedAt) })}</dd></div> : null}
              {b.peopleNotifiedAt ? <div className="sm:col-span-2"><dd>{t("peopleTold", { date: date(b.peopleNotifiedAt), how: b.peopleNotifiedHow ?? "" })}</dd></div> : null}
              {b.measures ? <div className="sm:col-span-2"><dt className="text-stone-600">{t("measures")}</dt><dd className="whitespace-pre-line">{b.measures}</dd></div> : null}
            </dl>
            <details>
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium">{t("update")}</summary>
              <ActionForm
                action={updateBreachAction}
                fixed={{ communeId, breachId: b.id }}
                fields={[
                  { name: "peopleAffected", label: t("peopleAffected"), kind: "number" },
                  ...(b.authorityNotifiedAt
                    ? []
                    : [
                        { name: "authorityNotifiedAt", label: t("authorityNotifiedAt"), kind: "datetime-local" as const },
                        { name: "authorityName", label: t("authorityName"), kind: "text" as const, maxLength: 300 },
                      ]),
                  ...(b.peopleNotifiedAt
                    ? []
                    : [
                        { name: "peopleNotifiedAt", label: t("peopleNotifiedAt"), kind: "datetime-local" as const },
                        { name: "peopleNotifiedHow", label: t("peopleNotifiedHow"), kind: "text" as const, maxLength: 1000 },
                      ]),
                  { name: "measures", label: t("measures"), kind: "textarea", maxLength: 4000, defaultValue: b.measures ?? "" },
                ]}
                submitLabel={t("save")}
                successMessage={t("saved")}
              />
            </details>
          </li>
        ))}
      </ul>
      <div className={card}>
        <ActionForm
          action={recordBreachAction}
          fixed={{ communeId }}
          legend={t("recordBreach")}
          fields={[
            { name: "discoveredAt", label: t("discoveredAt"), kind: "datetime-local" },
            { name: "description", label: t("description"), kind: "textarea", maxLength: 4000 },
            { name: "dataConcerned", label: t("dataConcerned"), kind: "text", maxLength: 1000 },
            { name: "peopleAffected", label: t("peopleAffected"), kind: "number" },
          ]}
          submitLabel={t("recordBreach")}
          successMessage={t("recorded")}
        />
      </div>
    </section>
  );
}
