import type { MeetingOpinion } from "@/lib/channels/meeting-opinions";

/** The opinions raised at a village meeting, on the meeting's record, each with its answer. */
export function MeetingOpinions({ opinions, t, kindLabel }: { opinions: MeetingOpinion[]; t: (key: string) => string; kindLabel: (kind: string) => string }) {
  return (
    <div className="mt-2 space-y-1" data-testid="meeting-opinions">
      <p className="text-sm font-semibold">{t("meetingOpinions")}</p>
      {opinions.length === 0 ? <p className="text-sm">{t("noMeetingOpinions")}</p> : null}
      <ol className="space-y-1 text-sm">
        {opinions.map((o) => (
          <li key={o.id} className="rounded bg-stone-50 p-2">
            <span className="font-mono">#{o.number}</span> {o.body}
            <br />
            {o.answer ? (
              <span>
                <strong>
                  {t("answered")} ({kindLabel(o.answer.kind)}):
                </strong>{" "}
                {o.answer.body}
              </span>
            ) : (
              <em>{t("unanswered")}</em>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
