import { getTranslations, setRequestLocale } from "next-intl/server";

import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { Link } from "@/lib/i18n/navigation";
import { moderationQueue } from "@/lib/oversight/list-for-review";

/** What waits for staff across the commune: opinions hidden after reports, appeals, open notes. */
export default async function ModerationQueue({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, STAFF_ROLES);
  const [queue, t] = await Promise.all([moderationQueue(commune.id), getTranslations("moderation")]);
  const review = (consultationId: string, filter: string, number?: number) =>
    `/${commune.slug}/staff/consultations/${consultationId}/opinions?filter=${filter}${number ? `#review-${number}` : ""}`;
  const section = (title: string, items: { key: string; href: string; text: string }[]) => (
    <section className="space-y-2">
      <h2 className="text-xl font-bold">
        {title} ({items.length})
      </h2>
      {items.length === 0 ? <p>{t("nothing")}</p> : null}
      <ul className="space-y-2">
        {items.map((i) => (
          <li key={i.key} className="rounded-lg border border-stone-200 bg-white p-3">
            <Link href={i.href}>{i.text}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("queueTitle")}</h1>
      {section(
        t("pendingReview"),
        queue.pending.map((o) => ({ key: o.id, href: review(o.consultation.id, "hidden", o.number), text: `#${o.number} · ${o.consultation.title}: ${o.body.slice(0, 120)}` })),
      )}
      {section(
        t("openAppeals"),
        queue.appeals.map((a) => ({ key: a.opinion.id, href: review(a.opinion.consultation.id, "appealed", a.opinion.number), text: `#${a.opinion.number} · ${a.opinion.consultation.title}: ${a.body.slice(0, 120)}` })),
      )}
      {section(
        t("openNotes"),
        queue.notes.map((n) => ({ key: n.id, href: `${review(n.consultation.id, "all")}#notes`, text: `${n.consultation.title}: ${n.body.slice(0, 120)}` })),
      )}
    </div>
  );
}
