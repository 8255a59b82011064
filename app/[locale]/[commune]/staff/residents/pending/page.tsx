import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { PendingRegistration } from "@/components/people/pending-registration";
import { PeopleNav } from "@/components/people/people-nav";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { listPendingRegistrations } from "@/lib/people/list-pending-registrations";
import { formatPhone } from "@/lib/people/phone";
import { PEOPLE_ROLES } from "@/lib/people/roles";

export default async function PendingRegistrationsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, PEOPLE_ROLES.verifyRegistration);
  const [{ items, total }, t, messages] = await Promise.all([listPendingRegistrations(commune.id), getTranslations("people.pending"), getMessages()]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <PeopleNav slug={commune.slug} active="pending" roles={access.roles} />
      <p>{t("intro")}</p>
      <p role="status">{t("count", { count: total, shown: items.length })}</p>
      <NextIntlClientProvider messages={pickMessages(messages, ["errors", "people.pending"])}>
        <div className="space-y-3">
          {items.map((item) => (
            <PendingRegistration
              key={item.membershipId}
              communeId={commune.id}
              item={{ ...item, phone: item.phone ? formatPhone(item.phone) : null, registeredAt: item.registeredAt.toISOString() }}
            />
          ))}
        </div>
      </NextIntlClientProvider>
    </div>
  );
}
