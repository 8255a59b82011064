import "server-only";

// Downloads of the periodic documents (DOCX or PDF) for staff, leaders, administrators and the Front:
// the periodic report of a quarter, half-year or year, and the quarterly disclosure list (Law 10/2022
// Art. 13.2). Both are rendered on request and never stored: a draft changes with its figures.
import { errorResponse, requireRouteAccess } from "@/lib/api/commune-route";
import { db } from "@/lib/db";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import { renderDocument } from "@/lib/documents/render-cached";
import { invalid, notFound } from "@/lib/errors";
import { withCommuneRecipients } from "@/lib/documents/recipients";

import { disclosureListDocument } from "./disclosure-list";
import { disclosedInPeriod } from "./figures";
import { communeSignature, periodicReportFile, requirePeriod } from "./periodic-report";
import { PERIODIC_READER_ROLES } from "./roles";

export async function handlePeriodicReportDownload(slug: string, format: string, periodKey: string | null, userId: string | null): Promise<Response> {
  try {
    const { access } = await requireRouteAccess(userId, slug, PERIODIC_READER_ROLES);
    if (!isDocumentFormat(format)) throw notFound();
    const { doc, name } = await periodicReportFile(access.communeId, periodKey ?? "");
    return documentResponse(await renderDocument(doc, format, { store: false }), format, `${name}.${format}`);
  } catch (error) {
    return errorResponse(error, "periodic-reports/report");
  }
}

/** The list of a quarter only: Art. 13.2 asks for it each quarter. */
export async function loadDisclosureList(communeId: string, quarterKey: string, now = new Date()) {
  const quarter = requirePeriod(quarterKey);
  if (quarter.kind !== "QUARTER") throw invalid("periodicQuarterOnly");
  const [commune, entries, signature] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true, settings: true } }),
    disclosedInPeriod(communeId, quarter, now),
    communeSignature(communeId),
  ]);
  return { quarter, entries, doc: withCommuneRecipients(disclosureListDocument({ communeName: commune.name, quarter, entries, signature }), commune.settings) };
}

export async function handleDisclosureListDownload(slug: string, format: string, quarterKey: string | null, userId: string | null): Promise<Response> {
  try {
    const { access } = await requireRouteAccess(userId, slug, PERIODIC_READER_ROLES);
    if (!isDocumentFormat(format)) throw notFound();
    const { doc, quarter } = await loadDisclosureList(access.communeId, quarterKey ?? "");
    return documentResponse(await renderDocument(doc, format, { store: false }), format, `danh-muc-thong-tin-cong-khai-${quarter.key}.${format}`);
  } catch (error) {
    return errorResponse(error, "periodic-reports/disclosure-list");
  }
}
