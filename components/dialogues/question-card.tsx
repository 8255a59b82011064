// One question as the public page and the staff page show it: its number, where it came from, its
// agree count, and (once results are shown) its answer, official responsible, deadline and status.
// Hidden ones reach only staff and the Front, with their moderation history.
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";

import { card } from "@/components/ui/styles";
import type { ConferenceView } from "@/lib/dialogues/read-dialogues";

export async function QuestionCard({ question: q, children }: { question: ConferenceView["questions"][number]; children?: ReactNode }) {
  const [t, tEnums, format] = await Promise.all([getTranslations("dialogues"), getTranslations("enums"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
  return (
    <li id={`question-${q.number}`} className={card} data-testid="dialogue-question" data-number={q.number}>
      <p className="text-sm text-stone-700">
        {t("questionNumber", { number: q.number })} · {t(`source.${q.source}`)}
        {q.askedBy ? ` · ${t("askedBy")}: ${q.askedBy}` : ""}
        {q.isMine ? ` · ${t("mine")}` : ""}
        {q.moderationState !== "VISIBLE" ? (
          <>
            {" "}
            · <strong className="text-flag-700">{t("hiddenBadge")}</strong>
          </>
        ) : null}
      </p>
      <p className="mt-1 whitespace-pre-line font-medium">{q.body}</p>
      {q.source === "BEFOREHAND" ? (
        <p className="text-sm" data-testid="agree-count">
          {t("agreeCount", { count: q.agreeCount })}
          {q.hasAgreed ? ` · ${t("youAgreed")}` : ""}
        </p>
      ) : null}
      {q.moderation && q.moderation.length > 0 ? (
        <ul className="mt-1 text-sm">
          {q.moderation.map((m, i) => (
            <li key={i}>{t("hiddenHistory", { action: tEnums(`ModerationActionKind.${m.action}`), reason: tEnums(`ModerationReason.${m.reason}`), details: m.details ?? "" })}</li>
          ))}
        </ul>
      ) : null}
      {q.answer ? (
        <div className="mt-2 space-y-1 border-l-4 border-brand-700 pl-3" data-testid="dialogue-answer">
          <p className="whitespace-pre-line">
            <span className="font-semibold">{t("answer")}:</span> {q.answer}
          </p>
          <p className="text-sm">
            {t("statusLabel")}: {t(`status.${q.status}`)}
            {q.responsible ? ` · ${t("responsible")}: ${q.responsible}` : ""}
            {q.deadline ? ` · ${t("deadline")}: ${day(q.deadline)}` : ""}
            {q.isOverdue ? (
              <>
                {" "}
                · <strong className="text-flag-700">{t("overdue")}</strong>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {children}
    </li>
  );
}
