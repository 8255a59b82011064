import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { NewOpen311ClientForm } from "@/components/open311/new-client-form";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { revokeOpen311ClientAction } from "@/lib/open311/actions";
import { listOpen311Clients, OPEN311_CLIENT_ROLES } from "@/lib/open311/clients";

/** Staff manage the commune's Open311 clients: create one (its key shown once), revoke one. */
export default async function Open311ClientsPage({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, OPEN311_CLIENT_ROLES);
  const [clients, t, format] = await Promise.all([listOpen311Clients(commune.id), getTranslations("open311"), getFormatter()]);
  return (
    <IntlIsland namespaces={["errors", "open311"]}>
      <div className="space-y-6">
        <h1 className={pageTitle}>{t("title")}</h1>
        <p>{t("intro", { slug: commune.slug })}</p>
        <p>
          <code className="break-all">/api/open311/v2/services.json?jurisdiction_id={commune.slug}</code>
        </p>
        <section aria-labelledby="open311-new" className="space-y-2">
          <h2 id="open311-new" className="text-xl font-semibold">{t("newHeading")}</h2>
          <NewOpen311ClientForm communeId={commune.id} />
        </section>
        <section aria-labelledby="open311-list" className="space-y-2">
          <h2 id="open311-list" className="text-xl font-semibold">{t("listHeading", { count: clients.length })}</h2>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="p-2">{t("name")}</th>
                  <th scope="col" className="p-2">{t("key")}</th>
                  <th scope="col" className="p-2">{t("since")}</th>
                  <th scope="col" className="p-2">{t("state")}</th>
                </tr>
              </thead>
              <tbody>
                {clients.map((c) => (
                  <tr key={c.id} className="border-b border-stone-200 align-top" data-testid="open311-client">
                    <td className="p-2">
                      {c.name}
                      {c.contact ? <span className="block text-sm">{c.contact}</span> : null}
                    </td>
                    <td className="p-2 font-mono text-sm">{c.keyPrefix}…</td>
                    <td className="p-2 text-sm">{format.dateTime(c.createdAt, { dateStyle: "short" })}</td>
                    <td className="p-2">
                      {c.revokedAt ? (
                        t("revokedOn", { date: format.dateTime(c.revokedAt, { dateStyle: "short" }) })
                      ) : (
                        <ActionForm
                          action={revokeOpen311ClientAction}
                          fixed={{ communeId: commune.id, clientId: c.id }}
                          fields={[]}
                          submitLabel={t("revoke")}
                          successMessage={t("revoked")}
                          danger
                          confirmText={t("revokeConfirm", { name: c.name })}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </IntlIsland>
  );
}
