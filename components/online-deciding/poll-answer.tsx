"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useState } from "react";

import { useSession } from "@/lib/auth/client-session";
import { answerPollAction, getMyPollAnswerAction } from "@/lib/online-deciding/actions";

type Answer = { choosesOnline: boolean } | null;

/**
 * The households' preliminary poll (Decree 59/2023 Art. 5): before voting opens, a household
 * representative says once whether the household chooses the online vote. Only a verified resident
 * sees the buttons; the server decides who may answer for the household.
 */
export function PollAnswer({ communeId, consultationId }: { communeId: string; consultationId: string }) {
  const t = useTranslations("onlineDeciding.poll");
  const tErrors = useTranslations("errors");
  const { data: session } = useSession();
  const verified = session?.user?.memberships.some((m) => m.communeId === communeId && m.role === "RESIDENT" && m.status === "VERIFIED");
  const mine = useAction(getMyPollAnswerAction);
  const answer = useAction(answerPollAction);
  const [state, setState] = useState<{ open: boolean; answer: Answer } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!verified) return;
    let live = true;
    void mine.executeAsync({ communeId, consultationId }).then((r) => {
      if (live && r?.data) setState({ open: r.data.open, answer: r.data.answer });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once per page and account
  }, [verified, communeId, consultationId]);

  if (!verified || !state) return null;

  async function choose(choosesOnline: boolean) {
    setError(null);
    const r = await answer.executeAsync({ communeId, consultationId, choosesOnline });
    if (r?.data) setState({ open: true, answer: { choosesOnline } });
    else {
      const e = r?.serverError as { code?: string; params?: Record<string, string | number> } | undefined;
      setError(tErrors(e?.code ?? "unexpected", e?.params ?? {}));
    }
  }

  return (
    <div className="space-y-3 rounded-lg border border-stone-300 bg-white p-3" data-testid="online-poll">
      <p className="font-semibold">{t("heading")}</p>
      <p className="text-sm text-stone-800">{t("hint")}</p>
      {state.answer ? (
        <p role="status">{state.answer.choosesOnline ? t("answeredYes") : t("answeredNo")}</p>
      ) : !state.open ? (
        <p>{t("closed")}</p>
      ) : (
        <div className="flex flex-wrap gap-3">
          <button type="button" className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white" disabled={answer.isPending} onClick={() => void choose(true)}>
            {answer.isPending ? t("sending") : t("yes")}
          </button>
          <button type="button" className="min-h-11 rounded-lg border border-stone-400 px-4" disabled={answer.isPending} onClick={() => void choose(false)}>
            {t("no")}
          </button>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
