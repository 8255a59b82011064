"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

import { buttonPrimary, input, label } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import { checkReceiptAction } from "@/lib/participation/vote-actions";

import { useVnTime } from "./use-vn-time";

type Found = {
  found: true;
  consultation: { id: string; title: string };
  question: string;
  channel: string;
  recordedAt: Date;
  changedAt: Date | null;
  changeCount: number;
  counted: boolean;
  notCountedBecause?: "meeting" | "channelNotDeciding";
};

/** Anyone checks a receipt code: what was recorded and whether it counts — never the choice. */
export function ReceiptCheck({ communeId, communeSlug }: { communeId: string; communeSlug: string }) {
  const t = useTranslations("ballot.receipts");
  const tErrors = useTranslations("errors");
  const tCounting = useTranslations("ballot.counting");
  const tChannel = useTranslations("enums.Channel");
  const vn = useVnTime();
  const params = useSearchParams();
  const fieldId = useId();
  const [code, setCode] = useState(params.get("code") ?? "");
  const [outcome, setOutcome] = useState<Found | "notFound" | { error: string } | null>(null);
  const { executeAsync, isPending } = useAction(checkReceiptAction);
  const checkedFromLink = useRef(false);

  async function check(value: string) {
    setOutcome(null);
    const result = await executeAsync({ communeId, code: value });
    if (result?.data) setOutcome(result.data.found ? (result.data as Found) : "notFound");
    else if (result?.serverError) setOutcome({ error: tErrors(result.serverError.code, result.serverError.params) });
    else setOutcome({ error: tErrors(result?.validationErrors?.fieldErrors.code?.[0] ?? "receiptInvalid") });
  }

  // A link from a receipt carries the code: check it at once.
  useEffect(() => {
    const linked = params.get("code");
    if (linked && !checkedFromLink.current) {
      checkedFromLink.current = true;
      void check(linked);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);

  return (
    <div className="space-y-4">
      <form
        noValidate
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          void check(code);
        }}
      >
        <div>
          <label htmlFor={fieldId} className={label}>
            {t("code")}
          </label>
          <input
            id={fieldId}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            placeholder="7KQ2-M9XD-4TWR"
            className={`${input} font-mono text-lg tracking-wider`}
          />
        </div>
        <button type="submit" className={buttonPrimary} disabled={isPending}>
          {isPending ? t("checking") : t("check")}
        </button>
      </form>

      {outcome === "notFound" ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 font-medium text-amber-950">
          {t("notFound")}
        </p>
      ) : outcome && "error" in outcome ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {outcome.error}
        </p>
      ) : outcome ? (
        <div role="status" className="space-y-3 rounded-xl border-2 border-green-700 bg-green-50 p-4 text-green-950" data-testid="receipt-found">
          <p className="text-lg font-bold">{t("found")}</p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t("consultation")}</dt>
            <dd>
              <Link href={`/${communeSlug}/consultations/${outcome.consultation.id}`}>{outcome.consultation.title}</Link>
            </dd>
            <dt className="font-semibold">{t("question")}</dt>
            <dd>{outcome.question}</dd>
            <dt className="font-semibold">{t("channel")}</dt>
            <dd>{tChannel(outcome.channel)}</dd>
            <dt className="font-semibold">{t("recordedAt")}</dt>
            <dd>{`${vn.time(outcome.recordedAt)} ${vn.date(outcome.recordedAt)}`}</dd>
            {outcome.changedAt ? (
              <>
                <dt className="font-semibold">{t("changedAt")}</dt>
                <dd>{t("changedValue", { count: outcome.changeCount, date: `${vn.time(outcome.changedAt)} ${vn.date(outcome.changedAt)}` })}</dd>
              </>
            ) : null}
            <dt className="font-semibold">{t("counted")}</dt>
            <dd>{outcome.counted ? t("countedYes") : outcome.notCountedBecause === "channelNotDeciding" ? tCounting("channelNotDeciding") : t("countedNo")}</dd>
          </dl>
          <p className="text-sm">{t("noChoiceShown")}</p>
        </div>
      ) : null}
    </div>
  );
}
