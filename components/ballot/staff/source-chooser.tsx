"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { buttonSecondary, input, label } from "@/components/ui/styles";
import { chooseTallySourceAction } from "@/lib/participation/vote-actions";

type Props = {
  communeId: string;
  consultationId: string;
  villageId: string;
  meetings: { id: string; label: string }[];
  current: { source: "MEETING" | "INDIVIDUAL"; meetingId: string | null } | null;
};

/** Staff change where a village's figures come from, with the reason, which is logged. */
export function SourceChooser({ communeId, consultationId, villageId, meetings, current }: Props) {
  const t = useTranslations("ballotStaff.meetings");
  const tCount = useTranslations("ballotStaff.meetingCount");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const initial = current?.source === "MEETING" ? `M:${current.meetingId}` : "I";
  const [choice, setChoice] = useState(initial);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { executeAsync, isPending } = useAction(chooseTallySourceAction);

  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage(null);
        const result = await executeAsync({ communeId, consultationId, villageId, source: choice === "I" ? "INDIVIDUAL" : "MEETING", meetingId: choice === "I" ? null : choice.slice(2), reason });
        if (result?.data) {
          setMessage({ ok: true, text: result.data.source === "PROPOSED" ? tCount("proposed") : t("changed") });
          router.refresh();
        } else {
          const error = result?.serverError;
          const field = result?.validationErrors?.fieldErrors.reason?.[0];
          setMessage({ ok: false, text: error ? tErrors(error.code, error.params) : tErrors(field ?? "invalidInput") });
        }
      }}
    >
      <fieldset>
        <legend className="sr-only">{t("change")}</legend>
        {meetings.map((m) => (
          <label key={m.id} className="flex min-h-11 items-center gap-2">
            <input type="radio" name={`${id}-source`} value={`M:${m.id}`} checked={choice === `M:${m.id}`} onChange={() => setChoice(`M:${m.id}`)} className="size-5" />
            {t("useMeeting", { date: m.label })}
          </label>
        ))}
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name={`${id}-source`} value="I" checked={choice === "I"} onChange={() => setChoice("I")} className="size-5" />
          {t("useIndividual")}
        </label>
      </fieldset>
      <label htmlFor={`${id}-reason`} className={label}>
        {t("reason")}
      </label>
      <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} className={input} />
      <button type="submit" className={buttonSecondary} disabled={isPending}>
        {t("change")}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
