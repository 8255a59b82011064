import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { IntlIsland } from "@/components/intl-island";
import { pageTitle } from "@/components/ui/styles";
import type { CommuneAccess } from "@/lib/auth/authorize";
import { loadEntryContext } from "@/lib/channels/entry-context";
import { Link } from "@/lib/i18n/navigation";

import { BulkEntry } from "./bulk-entry";

/** The entry screen of opinions received off the web, for staff and village heads (staff area) and the Front. */
export async function EntryScreen({ access, commune, consultationId, backHref }: { access: CommuneAccess; commune: { id: string; slug: string }; consultationId: string; backHref: string }) {
  const context = await loadEntryContext(access, consultationId);
  if (!context) notFound();
  const t = await getTranslations("channels");
  return (
    <div className="space-y-6">
      <div>
        <p>
          <Link href={backHref}>← {context.title}</Link>
        </p>
        <h1 className={pageTitle}>{t("title")}</h1>
      </div>
      <p>{t("intro")}</p>
      {context.open ? (
        <IntlIsland namespaces={["channels", "errors", "enums.Channel", "enums.Stance"]}>
          <BulkEntry communeId={commune.id} communeSlug={commune.slug} context={context} />
        </IntlIsland>
      ) : (
        <p role="status" className="font-medium">
          {t("closed")}
        </p>
      )}
    </div>
  );
}
