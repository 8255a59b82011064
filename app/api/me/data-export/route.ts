import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/oversight/audit";
import { exportMyData } from "@/lib/people/data-rights";

export const dynamic = "force-dynamic";

/** Everything held about the signed-in person, as a JSON file (Law 91/2025: the right to see one's data). */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const data = await exportMyData(user.id);
  const slug = new URL(request.url).searchParams.get("commune");
  const commune = slug ? await getCommuneBySlug(slug) : null;
  // Recorded in the commune only for its own people: anyone else's export names no commune.
  const member = commune ? await db.membership.findFirst({ where: { userId: user.id, communeId: commune.id }, select: { id: true } }) : null;
  if (commune && member) {
    // The request is answered at once; it is still recorded, as the law asks.
    await db.$transaction(async (tx) => {
      const record = await tx.dataRequest.create({
        data: { communeId: commune.id, userId: user.id, kind: "ACCESS", status: "DONE", dueAt: new Date(), resolvedAt: new Date(), resolution: "export" },
        select: { id: true },
      });
      await appendAudit(tx, { communeId: commune.id, actorId: user.id, actorRole: "RESIDENT", action: "dataRequest.access", entityType: "DataRequest", entityId: record.id });
    });
  }
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="du-lieu-ca-nhan-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
