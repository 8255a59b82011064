import { getFormatter, getTranslations } from "next-intl/server";

import type { PublicOpinion } from "@/lib/participation/list-opinions";

import { OpinionActions } from "./opinion-actions";

const STANCE_STYLES: Record<string, string> = {
  SUPPORT: "bg-green-100 text-green-900",
  OPPOSE: "bg-red-100 text-red-900",
  OTHER: "bg-blue-100 text-blue-900",
};

async function OpinionBody({ opinion, ids, isReply }: { opinion: Omit<PublicOpinion, "replies">; ids: Ids; isReply: boolean }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-700">
        <a href={`#opinion-${opinion.number}`} className="font-mono">
          #{opinion.number}
        </a>
        <strong className="text-stone-900">{opinion.displayName}</strong>
        {opinion.officialRole ? (
          <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-800" data-testid="official-badge">
            <span aria-hidden="true">✓ </span>
            {t(`privacy.officialBadge.${opinion.officialRole}`)}
          </span>
        ) : null}
        <time dateTime={opinion.createdAt.toISOString()}>{format.dateTime(opinion.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
        {opinion.stance ? (
          <span className={`rounded-full px-2 py-0.5 font-medium ${STANCE_STYLES[opinion.stance]}`}>{t(`enums.Stance.${opinion.stance}`)}</span>
        ) : null}
        {opinion.channel !== "WEB" ? <span>{t(`enums.Channel.${opinion.channel}`)}</span> : null}
        {opinion.lat !== null ? <span>📍 {t("consultation.pinned")}</span> : null}
        {opinion.editedAt ? <span className="italic">({t("opinionActions.edited")})</span> : null}
      </header>
      {opinion.section ? (
        <p className="mt-1 text-sm text-stone-700">{t("consultation.aboutSection", { heading: opinion.section.heading })}</p>
      ) : null}
      {/* Plain text, rendered as text: markup typed by a resident stays inert. */}
      <p className="mt-2 whitespace-pre-line break-words">{opinion.body}</p>
      {opinion.photoId ? (
        // eslint-disable-next-line @next/next/no-img-element -- a resident's photo served by our own route, sized by CSS
        <img src={`/api/attachments/${opinion.photoId}`} alt={t("opinionForm.photoAlt", { number: opinion.number })} loading="lazy" className="mt-2 max-h-64 rounded-lg border border-stone-200" />
      ) : null}
      {opinion.answer ? (
        <div className="mt-3 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-3">
          <p className="text-sm font-semibold">{t("consultation.officialAnswer")}</p>
          <p className="whitespace-pre-line">{opinion.answer.body}</p>
        </div>
      ) : null}
      <OpinionActions communeId={ids.communeId} consultationId={ids.consultationId} opinion={opinion} isReply={isReply} />
    </>
  );
}

type Ids = { communeId: string; consultationId: string };

export async function OpinionList({
  opinions,
  hiddenReasons,
  ids,
}: {
  opinions: PublicOpinion[];
  hiddenReasons: { reason: string; count: number }[];
  ids: Ids;
}) {
  const t = await getTranslations("consultation");
  const tModeration = await getTranslations("moderation");
  const tReason = await getTranslations("enums.ModerationReason");
  const hidden = hiddenReasons.reduce((n, r) => n + r.count, 0);
  return (
    <div className="space-y-3">
      {hidden > 0 ? (
        <p className="text-sm text-stone-700" data-testid="hidden-summary">
          {tModeration("hiddenSummary", { count: hidden })}:{" "}
          {hiddenReasons
            .map((r) => `${r.reason === "PENDING_REVIEW" ? tModeration("hiddenReasonPending") : tReason(r.reason as never)} (${r.count})`)
            .join(", ")}
        </p>
      ) : null}
      {opinions.length === 0 ? <p>{t("noOpinions")}</p> : null}
      <ol className="space-y-3">
        {opinions.map((o) => (
          <li key={o.id} id={`opinion-${o.number}`} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="opinion">
            <OpinionBody opinion={o} ids={ids} isReply={false} />
            {o.replies.length > 0 ? (
              <ol className="mt-3 space-y-2 border-l-2 border-stone-200 pl-4" aria-label={t("replies", { count: o.replies.length })}>
                {o.replies.map((r) => (
                  <li key={r.id} id={`opinion-${r.number}`}>
                    <OpinionBody opinion={r} ids={ids} isReply />
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
