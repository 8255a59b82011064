import { getSessionUser } from "@/lib/auth/session";
import { loadDossierFile } from "@/lib/conventions/files-route";
import { errorResponse } from "@/lib/participation/route-errors";

export const dynamic = "force-dynamic";

/** A scan of a convention's dossier: staff, leaders, the Front and village heads of the commune. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; fileId: string }> }) {
  try {
    const { slug, fileId } = await params;
    const user = await getSessionUser();
    const file = await loadDossierFile(slug, fileId, user?.id ?? null);
    return new Response(new Uint8Array(file.data), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "convention.file.read");
  }
}
