import { setRequestLocale } from "next-intl/server";

import { EntryScreen } from "@/components/channels/entry-screen";
import { requirePageAccess } from "@/lib/auth/page-access";
import { FRONT_ROLES } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

/** The Front enters the opinions residents gave through it (Art. 26.1). */
export default async function FrontChannelOpinionsPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, FRONT_ROLES);
  return <EntryScreen access={access} commune={commune} consultationId={id} backHref={`/${commune.slug}/front/consultations/${id}`} />;
}
