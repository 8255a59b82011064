import { errorResponse, requestLocale } from "@/lib/api/error-response";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { getMyParticipation } from "@/lib/participation/get-my-participation";

export const dynamic = "force-dynamic";

/** The signed-in person's own reactions and editable opinions on a consultation (never cached). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const headers = { "Cache-Control": "private, no-store" };
  try {
    const user = await getSessionUser();
    if (!user) return Response.json({ signedIn: false }, { headers });
    const commune = await getCommuneBySlug(slug);
    if (!commune) return Response.json({ error: "communeNotFound" }, { status: 404, headers });
    // Only one's own data is returned, so any signed-in user may ask; nothing of others leaks.
    return Response.json({ signedIn: true, ...(await getMyParticipation(user.id, commune.id, id)) }, { headers });
  } catch (error) {
    // The database out of reach answers 503 "try again shortly", like every action.
    return errorResponse(error, requestLocale(request), "my participation");
  }
}
