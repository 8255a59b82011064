import { setRequestLocale } from "next-intl/server";

import { EntryScreen } from "@/components/channels/entry-screen";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_AREA_ROLES } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

/** Staff and village heads (own village) enter opinions received on paper, by hotline, comment box… (Art. 26.1). */
export default async function StaffChannelOpinionsPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, STAFF_AREA_ROLES);
  return <EntryScreen access={access} commune={commune} consultationId={id} backHref={`/${commune.slug}/staff/consultations/${id}`} />;
}
