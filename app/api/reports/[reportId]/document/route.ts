import { errorResponse, requestLocale } from "@/lib/api/error-response";
import { getSessionUser } from "@/lib/auth/session";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import { invalid } from "@/lib/errors";
import { reportFile } from "@/lib/reports/report-file";

export const dynamic = "force-dynamic";

/**
 * GET /api/reports/<id>/document?format=docx|pdf[&version=N]: the summary report in the Decree 30
 * layout. The published report is public; drafts and earlier versions are for staff and the Front.
 */
export async function GET(request: Request, { params }: { params: Promise<{ reportId: string }> }) {
  const locale = requestLocale(request);
  try {
    const { reportId } = await params;
    const search = new URL(request.url).searchParams;
    const format = search.get("format") ?? "pdf";
    if (!isDocumentFormat(format)) throw invalid("reportFormat");
    const versionParam = search.get("version");
    const version = versionParam === null ? undefined : Number(versionParam);
    if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw invalid("reportVersionInvalid");
    const user = await getSessionUser();
    const file = await reportFile(reportId, format, user?.id ?? null, version);
    return documentResponse(file.bytes, format, file.fileName, { isPublic: file.isPublic });
  } catch (error) {
    return errorResponse(error, locale, "report document");
  }
}
