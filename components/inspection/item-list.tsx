import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { card } from "@/components/ui/styles";
import { vnDate } from "@/lib/calendar/working-days";
import type { ItemRow } from "@/lib/inspection/items";
import { answerClock } from "@/lib/inspection/rules";

const dmy = (d: Date | null) => (d ? vnDate(d).split("-").reverse().join("/") : "");

/** The 15-day clock of a recommendation (Law 10/2022 Art. 40.1), as words and a colour. */
export async function AnswerClockBadge({ item, now = new Date() }: { item: { dueAt: Date | null; answeredAt: Date | null }; now?: Date }) {
  const t = await getTranslations("inspection");
  const c = answerClock(item, now);
  if (!c || !item.dueAt) return null;
  const due = dmy(item.dueAt);
  const text =
    c.state === "answered"
      ? t("clock.answered")
      : c.state === "answeredLate"
        ? t("clock.answeredLate", { due })
        : c.state === "overdue"
          ? t("clock.overdue", { days: Math.max(1, -c.daysLeft), due })
          : c.daysLeft === 0
            ? t("clock.dueToday", { due })
            : t("clock.waiting", { days: c.daysLeft, due });
  const tone = c.state === "overdue" || c.state === "answeredLate" ? "bg-flag-700 text-white" : c.state === "answered" ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-950";
  return (
    <p className={`inline-block rounded px-2 py-1 text-sm font-semibold ${tone}`} data-testid="answer-clock" data-state={c.state}>
      {text}
    </p>
  );
}

/** The board's records, newest first, each with its state, clock and answer; `actions` adds a role's buttons. */
export async function InspectionItemList({ items, actions }: { items: ItemRow[]; actions?: (item: ItemRow) => ReactNode }) {
  const [t, tCase] = await Promise.all([getTranslations("inspection"), getTranslations("enums")]);
  if (items.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="space-y-3">
      {items.map((i) => (
        <li key={i.id} className={`${card} space-y-2`} data-testid="inspection-item" data-kind={i.kind}>
          <h3 className="font-semibold">
            {i.code} · {t(`kind.${i.kind}`)}: {i.title}
          </h3>
          <p className="text-sm text-stone-700">
            {t(`status.${i.status}`)}
            {i.sentAt ? ` · ${t("sentOn", { date: dmy(i.sentAt) })}` : ""}
            {i.countersignedAt ? ` · ${t("countersignedOn", { date: dmy(i.countersignedAt) })}` : ""}
            {(i.kind === "RECOMMENDATION" || i.kind === "MINUTES") && !i.countersignedAt ? ` · ${t("awaitingCountersign")}` : ""}
          </p>
          {i.subject ? (
            <p>
              <strong>{t("subject")}:</strong> {i.subject}
            </p>
          ) : null}
          {i.startsOn ? <p>{i.endsOn ? t("dates", { from: dmy(i.startsOn), to: dmy(i.endsOn) }) : t("startsOnly", { from: dmy(i.startsOn) })}</p> : null}
          {i.case ? <p>{t("case", { number: i.case.number, title: i.case.title, state: tCase(`CaseState.${i.case.state}` as never) })}</p> : null}
          <p className="whitespace-pre-line">{i.body}</p>
          {i.kind === "RECOMMENDATION" ? <AnswerClockBadge item={i} /> : null}
          {i.answer ? (
            <div className="rounded-lg bg-stone-100 p-3">
              <p className="font-semibold">
                {t("answer")} · {t("answeredOn", { date: dmy(i.answeredAt) })}
              </p>
              <p className="whitespace-pre-line">{i.answer}</p>
            </div>
          ) : null}
          {actions ? actions(i) : null}
        </li>
      ))}
    </ul>
  );
}
