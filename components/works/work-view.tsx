// A work as its page shows it: status and progress, facts, money by source against what was spent,
// the decision it answers, and the dated timeline of milestones with photos and comments. Shared by
// the public page and the staff page (which adds its forms through the render props).
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { card } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import type { WorkPage } from "@/lib/works/read";

export async function WorkProgress({ status, progress }: { status: string; progress: number }) {
  const t = await getTranslations();
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap gap-x-3">
        <strong data-testid="work-status">{t(`enums.WorkStatus.${status}`)}</strong>
        <span data-testid="work-progress">{t("works.progress")}: {t("works.progressValue", { progress })}</span>
      </p>
      <div className="h-3 w-full max-w-md overflow-hidden rounded-full bg-stone-200" role="progressbar" aria-label={t("works.progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
        <div className="h-full bg-brand-700" style={{ width: `${progress}%` }} />
      </div>
    </div>
  );
}

export async function WorkFacts({ work }: { work: WorkPage }) {
  const [t, format] = await Promise.all([getTranslations("works"), getFormatter()]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : null);
  const rows: [string, ReactNode][] = [
    [t("villages"), work.villageList.map((v) => v.name).join(", ") || null],
    [t("startOn"), date(work.startOn)],
    [t("endOn"), date(work.endOn)],
    [t("investor"), work.investor],
    [t("contractor"), work.contractor],
    [t("supervisor"), work.supervisor],
    [t("followers"), <span key="f" data-testid="work-followers">{work.followers}</span>],
  ];
  return (
    <dl className="grid gap-2 sm:grid-cols-2">
      {rows.filter(([, v]) => v !== null && v !== "").map(([k, v]) => (
        <div key={k}>
          <dt className="font-medium">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export async function WorkMoney({ work }: { work: WorkPage }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const vnd = (n: bigint) => format.number(n, { style: "currency", currency: "VND", maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="work-money" className="space-y-2">
      <h2 id="work-money" className="text-lg font-semibold">{t("works.moneyTitle")}</h2>
      {work.budgetLines.length === 0 ? (
        <p>{t("works.noBudget")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="work-money">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">{t("works.source")}</th>
                <th scope="col" className="py-2 pr-3">{t("works.planned")}</th>
                <th scope="col" className="py-2 pr-3">{t("works.spent")}</th>
              </tr>
            </thead>
            <tbody>
              {work.budgetLines.map((l) => (
                <tr key={l.id} className="border-b border-stone-200">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {t(`enums.WorkFundSource.${l.source}`)}
                    {l.note ? <span className="block text-stone-700">{l.note}</span> : null}
                  </th>
                  <td className="py-2 pr-3">{l.source === "LABOUR_DAYS" ? t("works.labourDays", { days: l.labourDays ?? 0 }) : vnd(l.amountVnd ?? 0n)}</td>
                  <td className="py-2 pr-3">
                    {l.source === "LABOUR_DAYS"
                      ? l.spentDays !== null ? t("works.labourDays", { days: l.spentDays }) : t("works.notRecorded")
                      : l.spentVnd !== null ? vnd(l.spentVnd) : t("works.notRecorded")}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-2 pr-3">{t("works.totalVnd")}</th>
                <td className="py-2 pr-3 font-semibold">{vnd(work.money.plannedVnd)}</td>
                <td className="py-2 pr-3 font-semibold">{work.money.spentVnd !== null ? vnd(work.money.spentVnd) : t("works.notRecorded")}</td>
              </tr>
              {work.money.labourDays > 0 ? (
                <tr>
                  <th scope="row" className="py-2 pr-3">{t("works.totalLabour")}</th>
                  <td className="py-2 pr-3 font-semibold">{t("works.labourDays", { days: work.money.labourDays })}</td>
                  <td className="py-2 pr-3 font-semibold">{t("works.labourDays", { days: work.money.labourDone })}</td>
                </tr>
              ) : null}
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

export async function WorkLinks({ work, slug }: { work: WorkPage; slug: string }) {
  const t = await getTranslations("works");
  if (!work.consultation && !work.notice && work.linkedOpinions.length === 0) return null;
  return (
    <section aria-labelledby="work-links" className="space-y-2">
      <h2 id="work-links" className="text-lg font-semibold">{t("linksTitle")}</h2>
      <ul className="list-disc space-y-1 pl-5">
        {work.consultation ? (
          <li>{t("consultation")}: <Link href={`/${slug}/consultations/${work.consultation.id}`} className="underline">{work.consultation.title}</Link></li>
        ) : null}
        {work.notice ? (
          <li>{t("outcome")}: <Link href={`/${slug}/consultations/${work.notice.consultationId}#notice`} className="underline">{work.notice.title}</Link></li>
        ) : null}
      </ul>
      {work.linkedOpinions.length > 0 ? (
        <>
          <h3 className="font-semibold">{t("opinions")}</h3>
          <ul className="space-y-1">
            {work.linkedOpinions.map((o) => (
              <li key={o.id}>
                <Link href={`/${slug}/consultations/${o.consultationId}`} className="underline">#{o.number}</Link> {o.body.length > 160 ? `${o.body.slice(0, 160)}…` : o.body}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

type Milestone = WorkPage["milestones"][number];

export async function WorkTimeline({
  work,
  slug,
  milestoneExtra,
  commentExtra,
}: {
  work: WorkPage;
  slug: string;
  milestoneExtra?: (m: Milestone) => ReactNode;
  commentExtra?: (c: Milestone["comments"][number]) => ReactNode;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <section aria-labelledby="work-timeline" className="space-y-3">
      <h2 id="work-timeline" className="text-lg font-semibold">{t("works.timeline")}</h2>
      {work.milestones.length === 0 ? <p>{t("works.noMilestones")}</p> : null}
      <ol className="space-y-4 border-l-2 border-stone-300 pl-4">
        {work.milestones.map((m) => {
          const date = format.dateTime(m.occurredOn, { dateStyle: "medium", timeZone: "UTC" });
          return (
            <li key={m.id} id={`milestone-${m.id}`} className={card} data-testid="work-milestone">
              <h3 className="font-semibold"><time dateTime={m.occurredOn.toISOString().slice(0, 10)}>{date}</time></h3>
              {m.toStatus ? <p className="text-sm">{t("works.statusChange", { from: t(`enums.WorkStatus.${m.fromStatus}`), to: t(`enums.WorkStatus.${m.toStatus}`) })}</p> : null}
              {m.progress !== null ? <p className="text-sm">{t("works.progressSet", { progress: m.progress })}</p> : null}
              <p className="mt-2 whitespace-pre-line">{m.body}</p>
              {m.photos.length > 0 ? (
                <ul className="mt-2 flex flex-wrap gap-2">
                  {m.photos.map((p, i) => (
                    <li key={p.attachmentId}>
                      <a href={`/api/communes/${slug}/works/photos/${p.attachmentId}`} className="inline-block">
                        {/* eslint-disable-next-line @next/next/no-img-element -- served by our own photo route, already resized */}
                        <img src={`/api/communes/${slug}/works/photos/${p.attachmentId}`} alt={t("works.photoAlt", { date, n: i + 1 })} className="h-28 w-40 rounded object-cover" loading="lazy" />
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {m.comments.length > 0 || milestoneExtra ? (
                <div className="mt-3 space-y-2 border-t border-stone-200 pt-2">
                  <h4 className="text-sm font-semibold">{t("works.comments")}</h4>
                  <ul className="space-y-2">
                    {m.comments.map((c) => (
                      <li key={c.id} className="text-sm" data-testid="work-comment">
                        <p>
                          <strong>{c.author}</strong> · {format.dateTime(c.createdAt, { dateStyle: "medium" })}
                          {c.moderationState !== "VISIBLE" ? ` ${t("works.hiddenComment")}` : null}
                        </p>
                        <p className="whitespace-pre-line">{c.body}</p>
                        {commentExtra?.(c)}
                      </li>
                    ))}
                  </ul>
                  {milestoneExtra?.(m)}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
