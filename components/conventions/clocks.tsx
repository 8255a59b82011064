// The clocks of a convention and its step log, for staff, leaders, village heads and the Front: each
// clock names its article and shows its deadline, an overdue one in bold red.
import { getFormatter, getTranslations } from "next-intl/server";

import type { Clock } from "@/lib/conventions/rules";

export async function ClockList({ clocks }: { clocks: Clock[] }) {
  const [t, format] = await Promise.all([getTranslations("conventions"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
  return (
    <ul className="space-y-1">
      {clocks.map((c) => (
        <li key={`${c.kind}-${c.startedAt.toISOString()}`} className={c.state === "overdue" || c.state === "late" ? "font-semibold text-flag-700" : undefined}>
          {t(`clockValue.${c.kind}`, { days: c.days })} — {t(`clockState.${c.state}`, { deadline: when(c.deadline) })} <span className="text-sm text-stone-700">({c.article})</span>
        </li>
      ))}
    </ul>
  );
}

type Step = { id: string; kind: string; at: Date; dueAt: Date | null; onTime: boolean | null; actorName: string; actorRole: string; note: string | null; document: { label: string } | null };

export async function StepLog({ steps, slug }: { steps: Step[]; slug: string }) {
  const [t, tEnums, format] = await Promise.all([getTranslations("conventions"), getTranslations("enums"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
  const noteOf = (s: Step) => (s.note && !s.note.startsWith("{") ? s.note : null);
  return (
    <ol className="space-y-2">
      {steps.map((s) => (
        <li key={s.id} className="border-l-4 border-stone-300 pl-3">
          <p>
            <strong>{t(`stepValue.${s.kind}`)}</strong> — {when(s.at)} — {t("staff.stepBy", { who: s.actorName, role: tEnums.has(`Role.${s.actorRole}`) ? tEnums(`Role.${s.actorRole}`) : s.actorRole })}
            {s.onTime === null ? null : <span className={s.onTime ? " text-green-900" : " font-semibold text-flag-700"}> · {s.onTime ? t("staff.onTime") : t("staff.late")}</span>}
          </p>
          {noteOf(s) ? <p className="text-sm whitespace-pre-line text-stone-700">{noteOf(s)}</p> : null}
          {s.document ? (
            <p className="text-sm">
              {s.document.label} ·{" "}
              <a href={`/api/communes/${slug}/conventions/decisions/${s.id}/pdf`} className="inline-flex min-h-11 items-center underline">
                {t("download", { format: "PDF" })}
              </a>{" "}
              ·{" "}
              <a href={`/api/communes/${slug}/conventions/decisions/${s.id}/docx`} className="inline-flex min-h-11 items-center underline">
                {t("download", { format: "DOCX" })}
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
