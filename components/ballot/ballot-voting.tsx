"use client";

import { useSession } from "@/lib/auth/client-session";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useState } from "react";

import { Link } from "@/lib/i18n/navigation";
import { getMyBallotAction } from "@/lib/participation/vote-actions";

import { type MyVote, QuestionVote } from "./question-vote";
import type { BallotQuestionView } from "./types";
import { useVnTime } from "./use-vn-time";

type Props = {
  communeId: string;
  communeSlug: string;
  consultationId: string;
  questions: BallotQuestionView[];
  /** The page's view of whether web voting could be open; the server decides for each vote. */
  webOpen: boolean;
};

type MyState = {
  questionId: string;
  refusal: { code: string; params?: Record<string, string | number> } | null;
  own: MyVote | null;
  other: { channel: string; at: Date; byName: string | null } | null;
  countedAtMeetingOn: Date | null;
};

/**
 * The questions of a ballot with, for a verified resident, their own state read after the page loads:
 * the page itself stays static and the same for everyone.
 */
export function BallotVoting({ communeId, communeSlug, consultationId, questions, webOpen }: Props) {
  const t = useTranslations("ballot");
  const tErrors = useTranslations("errors");
  const vn = useVnTime();
  const { data: session, status } = useSession();
  const membership = session?.user?.memberships.find((m) => m.communeId === communeId && m.role === "RESIDENT");
  const verified = membership?.status === "VERIFIED";
  const { executeAsync } = useAction(getMyBallotAction);
  const [mine, setMine] = useState<MyState[] | "error" | null>(null);

  useEffect(() => {
    if (!verified) return;
    let live = true;
    void executeAsync({ communeId, consultationId }).then((result) => {
      if (live) setMine(result?.data ? (result.data.questions as MyState[]) : "error");
    });
    return () => {
      live = false;
    };
  }, [verified, communeId, consultationId, executeAsync]);

  const notice = (() => {
    if (!webOpen || status === "loading") return null;
    if (!session?.user) {
      return (
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${communeSlug}/consultations/${consultationId}#ballot`)}`}>{t("signInToVote")}</Link>
      );
    }
    if (!membership) return t("notResident");
    if (!verified) return t("notVerified");
    if (mine === null) return t("loading");
    if (mine === "error") return t("loadFailed");
    return null;
  })();

  return (
    <div className="space-y-4">
      {notice ? <p className="rounded-lg border border-stone-300 bg-stone-50 p-3">{notice}</p> : null}
      <ol className="space-y-4">
        {questions.map((q) => {
          const state = Array.isArray(mine) ? mine.find((m) => m.questionId === q.id) : undefined;
          const message = state
            ? state.own
              ? null
              : state.other
                ? t("castByOther", { unit: q.votingUnit, channel: state.other.channel, time: vn.time(state.other.at), date: vn.date(state.other.at), name: state.other.byName ?? "none" })
                : state.countedAtMeetingOn
                  ? t("countedAtMeeting", { date: vn.date(state.countedAtMeetingOn) })
                  : state.refusal
                    ? tErrors(state.refusal.code, state.refusal.params)
                    : null
            : null;
          const canVote = Boolean(state && !state.other && !state.countedAtMeetingOn && !state.refusal);
          return (
            <li key={q.id} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4" data-testid="ballot-question">
              <h3 className="font-semibold">
                <span className="text-stone-700">{t("questionNumber", { number: q.position + 1 })}. </span>
                {q.text}
              </h3>
              <p className="text-sm text-stone-700">{q.votingUnit === "HOUSEHOLD" ? t("unitHousehold") : t("unitResident")}</p>
              {message ? (
                <p className="rounded-lg bg-amber-50 p-3 text-amber-950" role="status">
                  {message}
                </p>
              ) : null}
              <QuestionVote key={state ? "loaded" : "static"} communeId={communeId} communeSlug={communeSlug} question={q} own={state?.own ?? null} canVote={canVote && webOpen} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
