// One small line on a consultation's page (and its outcome notice's): the works followed after it.
import { getTranslations } from "next-intl/server";

import { Link } from "@/lib/i18n/navigation";
import { worksOfConsultation } from "@/lib/works/read";

export async function ConsultationWorks({ communeId, slug, consultationId }: { communeId: string; slug: string; consultationId: string }) {
  const works = await worksOfConsultation(communeId, consultationId);
  if (works.length === 0) return null;
  const t = await getTranslations("works");
  return (
    <p data-testid="consultation-works">
      {t("worksOfConsultation")}{" "}
      {works.map((w, i) => (
        <span key={w.id}>
          {i > 0 ? ", " : null}
          <Link href={`/${slug}/works/${w.id}`} className="underline">{w.title}</Link>
        </span>
      ))}
    </p>
  );
}
