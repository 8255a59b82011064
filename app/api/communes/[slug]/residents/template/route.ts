import { getSessionUser } from "@/lib/auth/session";
import { handleListTemplate } from "@/lib/people/import/handle-list-template";

export const dynamic = "force-dynamic";

/** The template of the household and resident list, for staff. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getSessionUser();
  return handleListTemplate(request, slug, user?.id ?? null);
}
