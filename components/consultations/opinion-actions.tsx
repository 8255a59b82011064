"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { ActionForm } from "@/components/forms/action-form";
import { buttonPrimary, buttonSecondary, input } from "@/components/ui/styles";
import { ModerationReason } from "@/lib/generated/prisma/enums";
import { reportOpinionAction } from "@/lib/oversight/actions";
import { editOpinionAction, postOpinionAction, reactToOpinionAction } from "@/lib/participation/actions";

import { useMe } from "./opinion-me";

type Props = {
  communeId: string;
  consultationId: string;
  opinion: { id: string; number: number; body: string; stance: string | null; agreeCount: number; disagreeCount: number };
  /** Replies are answered in their thread, not nested further. */
  isReply: boolean;
};

const small = "inline-flex min-h-11 items-center gap-1 rounded-lg border px-3 text-sm font-medium";

/** Agree/disagree, reply and (for the author, within the edit window) edit, under one opinion. */
export function OpinionActions({ communeId, consultationId, opinion, isReply }: Props) {
  const t = useTranslations("opinionActions");
  const tModeration = useTranslations("moderation");
  const tReason = useTranslations("enums.ModerationReason");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const { canTakePart, me, refresh } = useMe();
  const [counts, setCounts] = useState({ agree: opinion.agreeCount, disagree: opinion.disagreeCount });
  const [mode, setMode] = useState<"idle" | "reply" | "edit" | "report">("idle");
  const [text, setText] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const react = useAction(reactToOpinionAction);
  const reply = useAction(postOpinionAction);
  const edit = useAction(editOpinionAction);

  const mine = me?.reactions[opinion.id] ?? null;
  const editableUntil = me?.own[opinion.id] ?? null;
  const isOwn = me ? opinion.id in me.own : false;

  const fail = (result: { serverError?: { code: string; params?: Record<string, string | number> }; validationErrors?: unknown } | undefined) => {
    const text = result?.serverError
      ? tErrors(result.serverError.code, result.serverError.params)
      : result?.validationErrors
        ? tErrors("invalidInput")
        : tErrors("unexpected", { id: "network" });
    setMessage({ ok: false, text });
  };

  async function toggle(kind: "AGREE" | "DISAGREE") {
    setMessage(null);
    const next = mine === kind ? null : kind;
    const result = await react.executeAsync({ communeId, opinionId: opinion.id, kind: next });
    if (!result?.data) return fail(result);
    const d = (k: "AGREE" | "DISAGREE") => (next === k ? 1 : 0) - (mine === k ? 1 : 0);
    setCounts((c) => ({ agree: c.agree + d("AGREE"), disagree: c.disagree + d("DISAGREE") }));
    refresh();
  }

  async function submit() {
    setMessage(null);
    const result =
      mode === "reply"
        ? await reply.executeAsync({ communeId, consultationId, body: text, stance: null, lat: null, lng: null, sectionId: null, parentId: opinion.id })
        : await edit.executeAsync({ communeId, opinionId: opinion.id, body: text, stance: opinion.stance as never });
    if (!result?.data) return fail(result); // what was typed stays in the box
    setMessage({ ok: true, text: mode === "reply" ? t("replySent") : t("editSaved") });
    setMode("idle");
    setText("");
    refresh();
    router.refresh();
  }

  const pending = react.isPending || reply.isPending || edit.isPending;
  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("reactionsLabel", { number: opinion.number, ...counts })}>
        {canTakePart && !isOwn ? (
          <>
            <button type="button" className={`${small} ${mine === "AGREE" ? "border-green-700 bg-green-50 text-green-900" : "border-stone-300"}`} aria-pressed={mine === "AGREE"} disabled={pending} onClick={() => toggle("AGREE")}>
              👍 {t("agree")} <span className="tabular-nums">{counts.agree}</span>
            </button>
            <button type="button" className={`${small} ${mine === "DISAGREE" ? "border-red-700 bg-red-50 text-red-900" : "border-stone-300"}`} aria-pressed={mine === "DISAGREE"} disabled={pending} onClick={() => toggle("DISAGREE")}>
              👎 {t("disagree")} <span className="tabular-nums">{counts.disagree}</span>
            </button>
          </>
        ) : (
          <span className="text-sm text-stone-700">
            {t("agreeCount", { count: counts.agree })} · {t("disagreeCount", { count: counts.disagree })}
          </span>
        )}
        {canTakePart && !isReply && mode === "idle" ? (
          <button type="button" className={`${small} border-stone-300`} onClick={() => { setMode("reply"); setText(""); }}>
            {t("reply")}
          </button>
        ) : null}
        {canTakePart && editableUntil && mode === "idle" ? (
          <button type="button" className={`${small} border-stone-300`} onClick={() => { setMode("edit"); setText(opinion.body); }} title={t("editUntil", { time: format.dateTime(new Date(editableUntil), { timeStyle: "short" }) })}>
            {t("edit")}
          </button>
        ) : null}
        {canTakePart && !isOwn && mode === "idle" ? (
          <button type="button" className={`${small} border-stone-300 text-stone-700`} onClick={() => setMode("report")}>
            ⚑ {tModeration("report")}
          </button>
        ) : null}
      </div>
      {mode === "report" ? (
        <div className="rounded-lg border border-stone-300 p-3">
          <ActionForm
            action={reportOpinionAction}
            fixed={{ communeId, opinionId: opinion.id }}
            legend={tModeration("reportLabel", { number: opinion.number })}
            fields={[
              { name: "reason", label: tModeration("reason"), kind: "select", options: Object.values(ModerationReason).map((r) => ({ value: r, label: tReason(r) })) },
              { name: "details", label: tModeration("details"), kind: "textarea", maxLength: 1000 },
            ]}
            submitLabel={tModeration("sendReport")}
            successMessage={tModeration("reportSent")}
          />
          <button type="button" className={`${buttonSecondary} mt-2`} onClick={() => setMode("idle")}>
            {t("cancel")}
          </button>
        </div>
      ) : null}
      {mode === "reply" || mode === "edit" ? (
        <div className="space-y-2">
          <label htmlFor={`${id}-text`} className="block text-sm font-medium">
            {mode === "reply" ? t("replyLabel", { number: opinion.number }) : t("editLabel", { number: opinion.number })}
          </label>
          <textarea id={`${id}-text`} rows={3} maxLength={5000} className={input} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="flex gap-2">
            <button type="button" className={buttonPrimary} disabled={pending} onClick={submit}>
              {pending ? t("sending") : mode === "reply" ? t("sendReply") : t("saveEdit")}
            </button>
            <button type="button" className={buttonSecondary} onClick={() => setMode("idle")}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm font-medium text-green-900" : "text-sm font-medium text-flag-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
