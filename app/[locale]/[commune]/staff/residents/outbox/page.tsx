import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { PeopleNav } from "@/components/people/people-nav";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { env } from "@/lib/env";
import { formatPhone } from "@/lib/people/phone";
import { PEOPLE_ROLES } from "@/lib/people/roles";
import { listSmsOutbox } from "@/lib/people/list-sms-outbox";

/** The text messages sent on the commune's behalf: with the outbox sender, the only place they go. */
export default async function SmsOutboxPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, PEOPLE_ROLES.readOutbox);
  const [messages, t, tAccounts, tEnums, format] = await Promise.all([
    listSmsOutbox(commune.id),
    getTranslations("people.outbox"),
    getTranslations("accounts"),
    getTranslations("enums"),
    getFormatter(),
  ]);
  // In production the outbox runs only when the commune accepted it (lib/env.ts), and masks the codes.
  const outboxInProduction = env.SMS_PROVIDER === "outbox" && env.NODE_ENV === "production";
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <PeopleNav slug={commune.slug} active="outbox" roles={access.roles} />
      <p data-testid="sms-outbox-intro">{outboxInProduction ? tAccounts("outboxAccepted") : env.SMS_PROVIDER === "outbox" ? t("introOutbox") : t("introHttp")}</p>
      {messages.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm" data-testid="sms-outbox">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">{t("when")}</th>
                <th scope="col" className="p-2">{t("phone")}</th>
                <th scope="col" className="p-2">{t("body")}</th>
                <th scope="col" className="p-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} className="border-b border-stone-200 align-top">
                  <td className="whitespace-nowrap p-2">{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="whitespace-nowrap p-2">{formatPhone(m.phone)}</td>
                  <td className="p-2">{m.body}</td>
                  <td className="p-2">
                    {tEnums(`DeliveryStatus.${m.status}`)}
                    {m.error ? <span className="block text-flag-700">{m.error}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
