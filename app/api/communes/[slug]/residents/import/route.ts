import { getSessionUser } from "@/lib/auth/session";
import { handleListUpload } from "@/lib/people/import/handle-list-upload";

export const dynamic = "force-dynamic";

/** Staff upload the commune's household and resident list: preview, then import (lib/people/import). */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getSessionUser();
  return handleListUpload(request, slug, user?.id ?? null);
}
