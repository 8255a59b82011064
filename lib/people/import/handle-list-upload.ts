import "server-only";

// The upload route's work, apart from reading the session, so that tests can call it as any user.
// POST body: the file's bytes (application/octet-stream), its name in X-File-Name (URI-encoded);
// ?mode=preview reads and checks, ?mode=import&sha256=… imports the file that was previewed.
import { errorResponse, jsonResponse, readBodyLimited, requireRouteAccess, requireSameOriginUpload } from "@/lib/api/commune-route";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";

import { PEOPLE_ROLES } from "../roles";
import { importResidentList, previewResidentList } from "./import-resident-list";

export async function handleListUpload(request: Request, slug: string, userId: string | null): Promise<Response> {
  try {
    const { access } = await requireRouteAccess(userId, slug, PEOPLE_ROLES.importList, { write: true });
    requireSameOriginUpload(request);
    const url = new URL(request.url);
    const mode = url.searchParams.get("mode");
    const maxBytes = env.MAX_UPLOAD_MB * 1024 * 1024;
    const bytes = await readBodyLimited(request, maxBytes);
    const file = { name: fileName(request.headers.get("x-file-name")), bytes };
    if (mode === "preview") return jsonResponse({ summary: await previewResidentList(access, file, maxBytes) });
    if (mode === "import") {
      const sha256 = url.searchParams.get("sha256") ?? "";
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw invalid("listChangedSincePreview");
      // Marking those missing from the file as gone is asked for explicitly, with its day (lib/households/list-diff.ts).
      const markGoneOn = url.searchParams.get("markGoneOn");
      return jsonResponse({ summary: await importResidentList(access, file, sha256, maxBytes, { markMissingGoneOn: markGoneOn || null }) });
    }
    throw invalid("invalidInput");
  } catch (error) {
    return errorResponse(error, "residents/import");
  }
}

function fileName(header: string | null): string {
  if (!header) return "danh-sach";
  try {
    return decodeURIComponent(header).replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 200) || "danh-sach";
  } catch {
    return "danh-sach";
  }
}
