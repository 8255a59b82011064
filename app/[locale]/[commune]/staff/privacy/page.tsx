import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { IntlIsland } from "@/components/intl-island";
import { BreachRegister } from "@/components/privacy/breach-register";
import { RegisterRequests } from "@/components/privacy/register-requests";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listBreaches } from "@/lib/privacy/breaches";
import { listRegisterRequests } from "@/lib/privacy/register-requests";
import { PRIVACY_STAFF_ROLES } from "@/lib/privacy/roles";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "privacy.staff" });
  return { title: t("title") };
}

/** Staff's personal data page: the breach register with its 72-hour clock, and requests from people without an account. */
export default async function PrivacyPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, PRIVACY_STAFF_ROLES);
  const [breaches, requests, t] = await Promise.all([listBreaches(commune.id), listRegisterRequests(commune.id), getTranslations("privacy.staff")]);
  return (
    <IntlIsland namespaces={["common", "errors"]}>
      <div className="space-y-8">
        <h1 className={pageTitle}>{t("title")}</h1>
        <BreachRegister communeId={commune.id} breaches={breaches} />
        <RegisterRequests communeId={commune.id} requests={requests} />
      </div>
    </IntlIsland>
  );
}
