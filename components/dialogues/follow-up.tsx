// Staff's and the Front's follow-up: conferences whose results are not yet published (overdue ones
// marked), commitments in progress (overdue ones marked), and hidden questions with their reason.
import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { card } from "@/components/ui/styles";
import { markDialogueCommitmentDoneAction } from "@/lib/dialogues/actions";
import { followUp } from "@/lib/dialogues/read-dialogues";
import { Link } from "@/lib/i18n/navigation";

import { ClockLine } from "./conference-details";

export async function FollowUp({ communeId, mayMarkDone, conferenceHref }: { communeId: string; mayMarkDone: boolean; conferenceHref: (id: string) => string }) {
  const [data, t, tEnums, format] = await Promise.all([followUp(communeId), getTranslations("dialogues"), getTranslations("enums"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
  return (
    <section aria-labelledby="follow-up-title" className="space-y-4">
      <h2 id="follow-up-title" className="text-xl font-semibold">
        {t("staff.followUp")}
      </h2>
      <h3 className="text-lg font-semibold">{t("staff.resultsDue")}</h3>
      {data.results.length === 0 ? <p>{t("staff.noResultsDue")}</p> : null}
      <ul className="space-y-2">
        {data.results.map((r) => (
          <li key={r.id} className={card} data-testid="dialogue-results-due">
            <Link href={conferenceHref(r.id)} className="font-semibold">
              {r.title}
            </Link>
            <ClockLine clock={r.clock} />
          </li>
        ))}
      </ul>
      <h3 className="text-lg font-semibold">{t("staff.commitments")}</h3>
      {data.commitments.length === 0 ? <p>{t("staff.noCommitments")}</p> : null}
      <ul className="space-y-2">
        {data.commitments.map((q) => (
          <li key={q.id} className={card} data-testid="dialogue-commitment" data-overdue={q.isOverdue}>
            <p>
              <Link href={conferenceHref(q.conference.id)}>{q.conference.title}</Link> · {t("questionNumber", { number: q.number })}
            </p>
            <p className="font-medium">{q.body}</p>
            <p>
              {t("answer")}: {q.answer}
            </p>
            <p>
              {t("responsible")}: {q.responsible} · {t("deadline")}: {q.deadline ? day(q.deadline) : "—"}{" "}
              {q.isOverdue ? <strong className="text-flag-700">{t("overdue")}</strong> : null}
            </p>
            {mayMarkDone ? (
              <ActionForm action={markDialogueCommitmentDoneAction} fixed={{ communeId, questionId: q.id }} fields={[]} submitLabel={t("staff.markDone")} successMessage={t("staff.done")} />
            ) : null}
          </li>
        ))}
      </ul>
      <h3 className="text-lg font-semibold">{t("staff.hiddenQuestions")}</h3>
      {data.hidden.length === 0 ? <p>{t("staff.noHidden")}</p> : null}
      <ul className="space-y-2">
        {data.hidden.map((q) => (
          <li key={q.id} className={card} data-testid="dialogue-hidden-question">
            <p>
              <Link href={conferenceHref(q.conference.id)}>{q.conference.title}</Link> · {t("questionNumber", { number: q.number })}
            </p>
            <p>{q.body}</p>
            {q.moderation[0] ? (
              <p className="text-sm">
                {t("staff.reason")}: {tEnums(`ModerationReason.${q.moderation[0].reason}`)} — {q.moderation[0].details}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
