"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";

import { buttonPrimary } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import { castVoteAction, changeVoteAction } from "@/lib/participation/vote-actions";

import { optionLabel } from "./option-label";
import type { BallotQuestionView } from "./types";
import { useVnTime } from "./use-vn-time";

export type MyVote = { receiptCode: string; optionIds: string[]; createdAt: Date; updatedAt: Date; changeCount: number };

type Props = {
  communeId: string;
  communeSlug: string;
  question: BallotQuestionView;
  own: MyVote | null;
  /** The form is shown only when the person may vote now. */
  canVote: boolean;
};

/** One question's choices and, once voted, its receipt. A refused vote keeps the choice made. */
export function QuestionVote({ communeId, communeSlug, question, own: initial, canVote }: Props) {
  const t = useTranslations("ballot");
  const tErrors = useTranslations("errors");
  const vn = useVnTime();
  const ids = { legend: useId(), banner: useId() };
  const [own, setOwn] = useState<MyVote | null>(initial);
  const [chosen, setChosen] = useState<string[]>(initial?.optionIds ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const cast = useAction(castVoteAction);
  const change = useAction(changeVoteAction);
  const pending = cast.isPending || change.isPending;
  const multiple = question.kind === "MULTIPLE_CHOICE";

  function toggle(optionId: string, checked: boolean) {
    setChosen((current) => (multiple ? (checked ? [...current, optionId] : current.filter((id) => id !== optionId)) : [optionId]));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (chosen.length === 0) {
      setProblem(tErrors("noChoice"));
      return;
    }
    const input = { communeId, questionId: question.id, optionIds: chosen };
    const result = own ? await change.executeAsync(input) : await cast.executeAsync(input);
    if (result?.data) {
      const d = result.data;
      setOwn({ receiptCode: d.receiptCode, optionIds: d.optionIds, changeCount: d.changeCount, createdAt: own?.createdAt ?? d.createdAt, updatedAt: d.createdAt });
      return;
    }
    const error = result?.serverError;
    setProblem(error ? tErrors(error.code, error.params) : tErrors("invalidInput"));
  }

  const receipt = own ? (
    <div role="status" className="space-y-2 rounded-lg border-2 border-green-700 bg-green-50 p-3 text-green-950" data-testid="vote-receipt">
      <p className="font-medium">{t("cast", { time: vn.time(own.createdAt), date: vn.date(own.createdAt) })}</p>
      {own.changeCount > 0 ? <p>{t("changed", { count: own.changeCount, time: vn.time(own.updatedAt), date: vn.date(own.updatedAt) })}</p> : null}
      <p>
        {t("receipt")}:{" "}
        <strong className="font-mono text-xl tracking-wider" data-testid="receipt-code">
          {own.receiptCode}
        </strong>
      </p>
      <p className="text-sm">{t("receiptHint")}</p>
      {question.secret ? <p className="text-sm">{t("secretBallot.cast")}</p> : null}
      <Link href={`/${communeSlug}/receipts?code=${encodeURIComponent(own.receiptCode)}`} prefetch={false} className="inline-flex min-h-11 items-center">
        {t("checkReceipt")}
      </Link>
    </div>
  ) : null;

  // A secret vote is final and its choice is not kept with it: the receipt only, never the form again.
  if (!canVote || (question.secret && own)) {
    return (
      <>
        <ul className="list-inside list-disc">
          {question.options.map((o) => (
            <li key={o.id}>{optionLabel(t, question.kind, o)}</li>
          ))}
        </ul>
        {receipt}
      </>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-describedby={problem ? ids.banner : undefined}>
      <fieldset aria-describedby={ids.legend}>
        <legend className="sr-only">{question.text}</legend>
        {multiple ? <p id={ids.legend} className="text-sm text-stone-700">{t("chooseUpTo", { max: question.maxChoices })}</p> : null}
        <div className="grid gap-2 sm:grid-cols-2">
          {question.options.map((o) => (
            <label key={o.id} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-stone-400 bg-white px-3 py-2 has-checked:border-brand-700 has-checked:bg-brand-50">
              <input
                type={multiple ? "checkbox" : "radio"}
                name={`vote-${question.id}`}
                value={o.id}
                checked={chosen.includes(o.id)}
                onChange={(e) => toggle(o.id, e.target.checked)}
                className="size-5"
              />
              <span>{optionLabel(t, question.kind, o)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {problem ? (
        <p id={ids.banner} role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {problem}
        </p>
      ) : null}
      {question.secret ? <p className="text-sm text-stone-700">{t("secretBallot.before")}</p> : null}
      <button type="submit" className={buttonPrimary} disabled={pending}>
        {pending ? t("sending") : own ? t("change") : t("submit")}
      </button>
      {own ? <p className="text-sm text-stone-700">{t("canChange")}</p> : null}
      {receipt}
    </form>
  );
}
