import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { AnswerKind, ModerationReason } from "@/lib/generated/prisma/enums";
import { blockAccountAction, decideAppealAction, moderateOpinionAction, writeSupervisionNoteAction } from "@/lib/oversight/actions";
import type { ReviewOpinion } from "@/lib/oversight/list-for-review";
import { answerOpinionsAction } from "@/lib/reports/answer-actions";

const STATE_STYLE: Record<string, string> = {
  VISIBLE: "bg-green-100 text-green-900",
  PENDING_REVIEW: "bg-amber-100 text-amber-950",
  HIDDEN: "bg-red-100 text-red-900",
};

/** One opinion as staff or the Front review it: identity, reports, history, and what they may do. */
export async function ReviewOpinionCard({
  opinion: o,
  communeId,
  consultationId,
  viewer,
}: {
  opinion: ReviewOpinion;
  communeId: string;
  consultationId: string;
  viewer: "staff" | "front";
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  const reasons = Object.values(ModerationReason).map((r) => ({ value: r, label: t(`enums.ModerationReason.${r}`) }));
  return (
    <article id={`review-${o.number}`} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4" data-testid="review-opinion">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        {viewer === "staff" && !o.parentId ? (
          <input type="checkbox" name="opinionIds" value={o.id} form="bulk-answer" className="h-5 w-5" aria-label={t("answers.select", { number: o.number })} />
        ) : null}
        <span className="font-mono">#{o.number}</span>
        <span className={`rounded-full px-2 py-0.5 font-semibold ${STATE_STYLE[o.moderationState]}`}>{t(`enums.ModerationState.${o.moderationState}`)}</span>
        <strong>{o.displayName}</strong>
        <span>{t(`enums.Channel.${o.channel}`)}</span>
        <time dateTime={o.createdAt.toISOString()}>{when(o.createdAt)}</time>
        {o.parentId ? <span>↳</span> : null}
        <span>{t("moderation.reports", { count: o.reportCount })}</span>
        <span>
          👍 {o.agreeCount} · 👎 {o.disagreeCount}
        </span>
      </header>
      <p className="rounded bg-stone-50 p-2 text-sm" data-testid="identity">
        <span className="font-semibold">{t("moderation.identity")}:</span>{" "}
        {o.identity
          ? `${o.identity.fullName} (${o.identity.birthYear ?? "?"}) · ${o.identity.village.name} · ${o.identity.household.code}`
          : o.household
            ? `${t("channels.householdOnly")} ${o.household.code} · ${o.household.village.name}`
            : (o.authorName ?? (o.channel === "WEB" ? "—" : t("channels.notIdentifiedShort")))}
        {o.enteredByName ? ` · ${o.channel === "ASSISTED" ? t("enums.Channel.ASSISTED") : t("channels.enteredBy")}: ${o.enteredByName}${o.assistReason ? ` (${o.assistReason})` : ""}` : ""}
        {o.receivedOn ? ` · ${t("channels.receivedOnShort")}: ${format.dateTime(o.receivedOn, { dateStyle: "short", timeZone: "UTC" })}` : ""}
      </p>
      <p className="whitespace-pre-line break-words">{o.body}</p>
      {o.revisions.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">{t("moderation.revisions")}</summary>
          <ul className="mt-1 space-y-1 text-sm">
            {o.revisions.map((r, i) => (
              <li key={i} className="rounded bg-stone-50 p-2">
                <span className="text-stone-600">{when(r.writtenAt)}:</span> {r.body}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {o.reports.length > 0 || o.moderation.length > 0 ? (
        <div>
          <p className="text-sm font-semibold">{t("moderation.history")}</p>
          <ul className="mt-1 space-y-1 text-sm">
            {o.reports.map((r, i) => (
              <li key={`r${i}`}>
                {when(r.createdAt)} · ⚑ {t(`enums.ModerationReason.${r.reason}`)}
                {r.details ? ` — ${r.details}` : ""}
              </li>
            ))}
            {o.moderation.map((m, i) => (
              <li key={`m${i}`}>
                {when(m.createdAt)} · <strong>{t(`enums.ModerationActionKind.${m.action}`)}</strong>
                {m.reason ? ` · ${t(`enums.ModerationReason.${m.reason}`)}` : ""}
                {m.details ? ` — ${m.details}` : ""}
                {m.actorName ? ` (${m.actorName})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {o.answer ? (
        <div className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-3 text-sm" data-testid="answer">
          <p className="font-semibold">{t(`enums.AnswerKind.${o.answer.kind}`)}</p>
          <p className="whitespace-pre-line">{o.answer.body}</p>
        </div>
      ) : !o.parentId ? (
        <p className="text-sm font-medium text-amber-900">{t("answers.unanswered")}</p>
      ) : null}
      {viewer === "staff" && !o.parentId ? (
        <details>
          <summary className="cursor-pointer font-medium">{o.answer ? t("answers.change") : t("answers.answer")}</summary>
          <div className="mt-2">
            <ActionForm
              action={answerOpinionsAction}
              fixed={{ communeId, consultationId, opinionIds: [o.id] }}
              fields={[
                { name: "kind", label: t("answers.kind"), kind: "select", options: Object.values(AnswerKind).map((k) => ({ value: k, label: t(`enums.AnswerKind.${k}`) })) },
                { name: "body", label: t("answers.body"), kind: "textarea", maxLength: 10_000 },
              ]}
              submitLabel={t("answers.save")}
              successMessage={t("answers.saved")}
            />
          </div>
        </details>
      ) : null}
      {o.appeal ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">
            {t("moderation.appeal")} · {t(`enums.AppealStatus.${o.appeal.status}`)}
          </p>
          <p className="whitespace-pre-line">{o.appeal.body}</p>
          {o.appeal.decisionNote ? <p className="mt-1 italic">{o.appeal.decisionNote}</p> : null}
          {o.appeal.status === "PENDING" ? (
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              {(["UPHELD", "REJECTED"] as const).map((decision) => (
                <ActionForm
                  key={decision}
                  action={decideAppealAction}
                  fixed={{ communeId, opinionId: o.id, decision }}
                  fields={[{ name: "note", label: t("moderation.decisionNote"), kind: "textarea", maxLength: 1000 }]}
                  submitLabel={decision === "UPHELD" ? t("moderation.decideUpheld") : t("moderation.decideRejected")}
                  successMessage={t("moderation.done")}
                  danger={decision === "REJECTED"}
                />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="grid gap-4 border-t border-stone-200 pt-3 sm:grid-cols-2">
        {viewer === "staff" ? (
          <ActionForm
            action={moderateOpinionAction}
            fixed={{ communeId, opinionId: o.id, action: o.moderationState === "VISIBLE" ? "HIDE" : "RESTORE" }}
            legend={o.moderationState === "VISIBLE" ? t("moderation.hide") : t("moderation.restore")}
            fields={[
              { name: "reason", label: t("moderation.moderationReason"), kind: "select", options: reasons },
              { name: "details", label: t("moderation.moderationDetails"), kind: "textarea", maxLength: 1000 },
            ]}
            submitLabel={o.moderationState === "VISIBLE" ? t("moderation.hide") : t("moderation.restore")}
            successMessage={t("moderation.done")}
            danger={o.moderationState === "VISIBLE"}
          />
        ) : (
          <ActionForm
            action={writeSupervisionNoteAction}
            fixed={{ communeId, consultationId, opinionId: o.id }}
            legend={t("moderation.noteOn", { number: o.number })}
            fields={[
              { name: "body", label: t("front.noteBody"), kind: "textarea", maxLength: 5000 },
              { name: "isPublicFlag", label: t("front.makePublic"), kind: "checkbox" },
            ]}
            submitLabel={t("front.sendNote")}
            successMessage={t("front.noteSent")}
          />
        )}
        {viewer === "staff" && o.authorId ? (
          <ActionForm
            action={blockAccountAction}
            fixed={{ communeId, userId: o.authorId }}
            legend={t("moderation.blockAuthor")}
            fields={[
              { name: "reason", label: t("moderation.blockReason"), kind: "textarea", maxLength: 500 },
              { name: "days", label: t("moderation.blockDays"), kind: "number", defaultValue: "7" },
            ]}
            submitLabel={t("moderation.blockAuthor")}
            successMessage={t("moderation.blocked")}
            danger
          />
        ) : null}
      </div>
    </article>
  );
}
