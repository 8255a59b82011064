"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { buttonSecondary, input, label } from "@/components/ui/styles";
import { scheduleConsultationAction, unscheduleConsultationAction } from "@/lib/consultations/actions";

/**
 * Scheduled publication: a date and time on Vietnam's clock; the scheduler publishes it then.
 * Cancelling returns the consultation to a draft.
 */
export function ScheduleControls({
  communeId,
  consultationId,
  scheduledAt,
  defaultAt,
}: {
  communeId: string;
  consultationId: string;
  /** The scheduled time as a datetime-local value, when scheduled. */
  scheduledAt: string | null;
  defaultAt: string;
}) {
  const t = useTranslations("publishing");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [publishAt, setPublishAt] = useState(scheduledAt ?? defaultAt);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const schedule = useAction(scheduleConsultationAction);
  const unschedule = useAction(unscheduleConsultationAction);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await schedule.executeAsync({ communeId, consultationId, publishAt });
    if (result?.serverError) setMessage({ ok: false, text: tErrors(result.serverError.code, result.serverError.params) });
    else if (result?.validationErrors) setMessage({ ok: false, text: tErrors("invalidDate") });
    else {
      setMessage({ ok: true, text: t("scheduled") });
      router.refresh();
    }
  }

  async function cancel() {
    if (!window.confirm(t("unscheduleConfirm"))) return;
    const result = await unschedule.executeAsync({ communeId, consultationId });
    if (result?.serverError) setMessage({ ok: false, text: tErrors(result.serverError.code, result.serverError.params) });
    else {
      setMessage({ ok: true, text: t("unscheduled") });
      router.refresh();
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <h3 className="font-semibold">{t("scheduleTitle")}</h3>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-at`} className={label}>
            {t("publishAt")}
          </label>
          <input id={`${id}-at`} type="datetime-local" className={input} value={publishAt} required onChange={(e) => setPublishAt(e.target.value)} />
        </div>
        <button type="submit" className={buttonSecondary} disabled={schedule.isPending}>
          {schedule.isPending ? t("scheduling") : scheduledAt ? t("reschedule") : t("schedule")}
        </button>
        {scheduledAt ? (
          <button type="button" className={buttonSecondary} onClick={() => void cancel()} disabled={unschedule.isPending}>
            {t("unschedule")}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {message ? (
          <p role={message.ok ? "status" : "alert"} className={`font-medium ${message.ok ? "text-green-900" : "text-flag-700"}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
