import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { NotesPanel } from "@/components/oversight/notes-panel";
import { parseReviewQuery, ReviewInput } from "@/components/oversight/review-input";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { getConsultationForStaff } from "@/lib/consultations/get-consultation";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { listSupervisionNotes } from "@/lib/oversight/list-for-review";

type Props = {
  params: Promise<{ locale: string; commune: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Staff review every opinion of a consultation, moderate, and answer the Front's notes. */
export default async function StaffOpinions({ params, searchParams }: Props) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, STAFF_ROLES);
  const consultation = await getConsultationForStaff(commune.id, id);
  if (!consultation) notFound();
  const { filter, page } = parseReviewQuery(await searchParams);
  const [t, notes] = await Promise.all([getTranslations(), listSupervisionNotes(consultation.id)]);
  return (
    <div className="space-y-6">
      <div>
        <p>
          <Link href={`/${commune.slug}/staff/consultations/${consultation.id}`}>← {consultation.title}</Link>
        </p>
        <h1 className={pageTitle}>{t("moderation.allOpinions")}</h1>
      </div>
      <NotesPanel notes={notes} communeId={commune.id} consultationId={consultation.id} viewer="staff" />
      <ReviewInput
        communeId={commune.id}
        consultationId={consultation.id}
        filter={filter}
        page={page}
        viewer="staff"
        basePath={getPathname({ href: `/${commune.slug}/staff/consultations/${consultation.id}/opinions`, locale })}
      />
    </div>
  );
}
