import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { IntlIsland } from "@/components/intl-island";
import { BulkAnswerForm } from "@/components/oversight/bulk-answer-form";
import { NotesPanel } from "@/components/oversight/notes-panel";
import { parseReviewQuery, ReviewInput } from "@/components/oversight/review-input";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { getConsultationForStaff } from "@/lib/consultations/get-consultation";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { AnswerKind } from "@/lib/generated/prisma/enums";
import { listSupervisionNotes } from "@/lib/oversight/list-for-review";
import { missingForApproval } from "@/lib/reports/answer-opinions";

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
  const [t, notes, missing] = await Promise.all([getTranslations(), listSupervisionNotes(consultation.id), missingForApproval(consultation.id)]);
  return (
    <IntlIsland namespaces={["common", "errors", "staff", "answers", "moderation", "enums"]}>
    <div className="space-y-6">
      <div>
        <p>
          <Link href={`/${commune.slug}/staff/consultations/${consultation.id}`}>← {consultation.title}</Link>
        </p>
        <h1 className={pageTitle}>{t("moderation.allOpinions")}</h1>
      </div>
      <section aria-labelledby="missing-title" className={`rounded-xl border p-4 ${missing.ready ? "border-green-300 bg-green-50" : "border-amber-300 bg-amber-50"}`} data-testid="missing-for-approval">
        <h2 id="missing-title" className="font-semibold">{t("answers.missingTitle")}</h2>
        <p>{t("answers.missingOpinions", { count: missing.unansweredCount })}</p>
        <p>{t("answers.missingNotes", { count: missing.openNotes.length })}</p>
      </section>
      <BulkAnswerForm
        communeId={commune.id}
        consultationId={consultation.id}
        kinds={Object.values(AnswerKind).map((k) => ({ value: k, label: t(`enums.AnswerKind.${k}`) }))}
      />
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
    </IntlIsland>
  );
}
