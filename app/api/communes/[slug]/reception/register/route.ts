import { getSessionUser } from "@/lib/auth/session";
import { handleRegisterExport } from "@/lib/reception/export";

export const dynamic = "force-dynamic";

/** The reception register (Mẫu 03/TCD) as CSV: staff and leaders only; each ID number read is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getSessionUser();
  return handleRegisterExport(slug, user?.id ?? null);
}
