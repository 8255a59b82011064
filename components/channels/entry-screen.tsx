import { notFound } from "next/navigation";
import { getMessages, getTranslations } from "next-intl/server";

import { pageTitle } from "@/components/ui/styles";
import type { CommuneAccess } from "@/lib/auth/authorize";
import { loadEntryContext } from "@/lib/channels/entry-context";
import { Link } from "@/lib/i18n/navigation";

import { BulkEntry } from "./bulk-entry";

const ERROR_CODES = [
  "receivedInFuture", "receivedOutsidePeriod", "channelEntryClosed", "commentPeriodUnset", "receivedOnRequired", "channelRequired",
  "meetingOnlyForMeetingChannel", "unknownMeeting", "householdNotOfMeeting", "unknownVillage", "villageOutOfScope", "notYourVillage",
  "householdNotFound", "memberRequired", "unknownPhoto", "pinIncomplete", "pinNotAllowed", "pinOutsideArea", "unknownSection",
  "opinionTooShort", "opinionTooLong", "consultationFrozen", "consultationNotFound", "forbidden", "unauthenticated", "unexpected",
  "invalidInput", "tooLong", "required", "rateLimited", "databaseUnavailable", "uploadMissing", "notFound",
];

/** The entry screen of opinions received off the web, for staff and village heads (staff area) and the Front. */
export async function EntryScreen({ access, commune, consultationId, backHref }: { access: CommuneAccess; commune: { id: string; slug: string }; consultationId: string; backHref: string }) {
  const context = await loadEntryContext(access, consultationId);
  if (!context) notFound();
  const [t, messages] = await Promise.all([getTranslations("channels"), getMessages()]);
  const catalogue = messages as unknown as { channels: Record<string, string>; errors: Record<string, unknown>; enums: Record<string, Record<string, string>> };
  // Only the error messages this screen can meet, as plain strings.
  const errors = Object.fromEntries(ERROR_CODES.map((code) => [code, catalogue.errors[code]]).filter((e): e is [string, string] => typeof e[1] === "string"));
  const labels = Object.fromEntries(
    (["Channel", "Stance"] as const).flatMap((group) => Object.entries(catalogue.enums[group] ?? {}).map(([k, v]) => [`${group}.${k}`, v])),
  );
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
        <BulkEntry communeId={commune.id} communeSlug={commune.slug} context={context} texts={catalogue.channels} errors={errors} labels={labels} />
      ) : (
        <p role="status" className="font-medium">
          {t("closed")}
        </p>
      )}
    </div>
  );
}
