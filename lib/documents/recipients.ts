// The "Nơi nhận" of the People's Committee's documents: the commune's own list for each type of document
// when its administrators set one on the settings screen (settings.recipients, lib/setup), otherwise the
// list each document carries by default. Documents of other issuers (the Front, the People's Inspection
// Board, a village's counting team) keep their own lists.
import { readSettings } from "@/lib/settings";

import type { OfficialDocument } from "./model";

export function withCommuneRecipients(doc: OfficialDocument, settings: unknown): OfficialDocument {
  if (doc.issuerCode && doc.issuerCode !== "UBND") return doc;
  const own = readSettings(settings).recipients[doc.type];
  return own && own.length > 0 ? { ...doc, recipients: [...own] } : doc;
}
