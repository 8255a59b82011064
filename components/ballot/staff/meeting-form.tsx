"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { buttonPrimary, hint, input, label } from "@/components/ui/styles";
import { MeetingForm as Form } from "@/lib/generated/prisma/enums";
import { type MeetingInput, meetingSchema } from "@/lib/participation/ballot-schemas";
import { recordMeetingAction } from "@/lib/participation/vote-actions";

import { optionLabel } from "../option-label";
import type { BallotQuestionView } from "../types";

type Village = { id: string; name: string; households: number; individual: { WEB: number; PAPER: number; ASSISTED: number } };

type Props = {
  communeId: string;
  consultationId: string;
  villages: Village[];
  questions: (BallotQuestionView & { quorumPercent: number | null })[];
  today: string;
  /** Now, "HH:MM" in Vietnam: a meeting is recorded after it was held. */
  nowTime: string;
  maxUploadMb: number;
};

/**
 * A village meeting's record. The minutes are uploaded first (a route handler judges the file), so a
 * record sent back with a mistake keeps its file and every figure typed.
 */
export function MeetingForm({ communeId, consultationId, villages, questions, today, nowTime, maxUploadMb }: Props) {
  const t = useTranslations("ballotStaff.meetings");
  const tCount = useTranslations("ballotStaff.meetingCount");
  const tBallot = useTranslations("ballot");
  const tEnum = useTranslations("enums");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [banner, setBanner] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ state: "idle" | "sending" } | { state: "done"; name: string } | { state: "failed"; message: string }>({ state: "idle" });
  // Counts seen by the server when it asked for a choice (votes may have arrived since the page loaded).
  const [reported, setReported] = useState<Record<string, Village["individual"]>>({});

  const tallies = questions.flatMap((q) => q.options.map((o) => ({ questionId: q.id, optionId: o.id, count: 0 })));
  const form = useForm<MeetingInput>({
    resolver: zodResolver(meetingSchema),
    defaultValues: {
      communeId,
      consultationId,
      villageId: villages.length === 1 ? villages[0]!.id : "",
      heldOn: today,
      heldTime: nowTime,
      form: "SHOW_OF_HANDS",
      householdsPresent: 0,
      minutesId: "",
      notes: "",
      tallies,
      sourceChoice: null,
      reason: "",
    },
  });
  const { executeAsync, isPending } = useAction(recordMeetingAction);
  const errors = form.formState.errors;
  const villageId = useWatch({ control: form.control, name: "villageId" });
  const village = villages.find((v) => v.id === villageId);
  const individual = village ? (reported[village.id] ?? village.individual) : null;
  const hasVotes = individual ? individual.WEB + individual.PAPER + individual.ASSISTED > 0 : false;
  const list = (counts: Village["individual"]) => {
    const parts = [
      counts.WEB ? tBallot("results.setAsideWeb", { count: counts.WEB }) : null,
      counts.PAPER ? tBallot("results.setAsidePaper", { count: counts.PAPER }) : null,
      counts.ASSISTED ? tBallot("results.setAsideAssisted", { count: counts.ASSISTED }) : null,
    ].filter((p): p is string => p !== null);
    return new Intl.ListFormat(locale, { type: "conjunction" }).format(parts);
  };
  const quorum = Math.max(0, ...questions.map((q) => q.quorumPercent ?? 0));
  const fid = (name: string) => `${id}-${name.replace(/\./g, "-")}`;

  async function sendMinutes(file: File | undefined) {
    if (!file) return;
    setUpload({ state: "sending" });
    const body = new FormData();
    body.set("communeId", communeId);
    body.set("consultationId", consultationId);
    body.set("file", file);
    const response = await fetch(`/api/participation/minutes?communeId=${encodeURIComponent(communeId)}`, { method: "POST", body }).catch(() => null);
    const json = (await response?.json().catch(() => null)) as { id?: string; fileName?: string; code?: string; params?: Record<string, string | number> } | null;
    if (response?.ok && json?.id) {
      form.setValue("minutesId", json.id, { shouldValidate: true });
      setUpload({ state: "done", name: json.fileName ?? file.name });
    } else {
      form.setValue("minutesId", "");
      setUpload({ state: "failed", message: tErrors(json?.code ?? "unexpected", json?.params ?? { id: "upload" }) });
    }
  }

  const onSubmit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      setSaved(null);
      const result = await executeAsync({ ...values, sourceChoice: hasVotes ? values.sourceChoice : null });
      if (result?.serverError?.code === "individualVotesExist" && village) {
        const p = result.serverError.params ?? {};
        setReported((r) => ({ ...r, [village.id]: { WEB: Number(p.WEB ?? 0), PAPER: Number(p.PAPER ?? 0), ASSISTED: Number(p.ASSISTED ?? 0) } }));
      }
      const problem = applyActionErrors(result, form.setError, tErrors);
      if (problem) return setBanner(problem);
      const sources = Object.values(result?.data?.sources ?? {});
      const meetingCount = result?.data?.meetingCount;
      setSaved(meetingCount ? tCount(meetingCount === "PROPOSED" ? "proposed" : "staffToPropose") : sources.includes("unchanged") ? t("savedQuorumMissing") : t("saved"));
      form.reset({ ...form.getValues(), minutesId: "", householdsPresent: 0, notes: "", tallies, sourceChoice: null, reason: "" });
      setUpload({ state: "idle" });
      router.refresh();
    },
    () => setBanner(tErrors("invalidInput")),
  );

  const tallyIndex = new Map(tallies.map((tally, i) => [tally.optionId, i]));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl border border-stone-200 bg-white p-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("record")}
      </h2>
      {banner ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {banner}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">
          {saved}
        </p>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={fid("villageId")} className={label}>
            {t("village")}
          </label>
          <select id={fid("villageId")} className={input} aria-invalid={errors.villageId ? true : undefined} aria-describedby={`${fid("villageId")}-error`} {...form.register("villageId")}>
            {villages.length !== 1 ? <option value="">{t("chooseVillage")}</option> : null}
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          <FieldError id={`${fid("villageId")}-error`} message={errors.villageId?.message} />
        </div>
        <div>
          <label htmlFor={fid("heldOn")} className={label}>
            {t("heldOn")}
          </label>
          <input id={fid("heldOn")} type="date" max={today} className={input} aria-invalid={errors.heldOn ? true : undefined} aria-describedby={`${fid("heldOn")}-error`} {...form.register("heldOn")} />
          <FieldError id={`${fid("heldOn")}-error`} message={errors.heldOn?.message} />
        </div>
        <div>
          <label htmlFor={fid("heldTime")} className={label}>
            {t("heldTime")}
          </label>
          <input id={fid("heldTime")} type="time" className={input} aria-invalid={errors.heldTime ? true : undefined} aria-describedby={`${fid("heldTime")}-error`} {...form.register("heldTime")} />
          <FieldError id={`${fid("heldTime")}-error`} message={errors.heldTime?.message} />
        </div>
      </div>

      <fieldset>
        <legend className={label}>{t("form")}</legend>
        <div className="flex flex-wrap gap-2">
          {Object.values(Form).map((f) => (
            <label key={f} className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
              <input type="radio" value={f} className="size-5" {...form.register("form")} />
              {tEnum(`MeetingForm.${f}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label htmlFor={fid("householdsPresent")} className={label}>
          {t("householdsPresent")}
        </label>
        <input
          id={fid("householdsPresent")}
          type="number"
          inputMode="numeric"
          min={0}
          className={input}
          aria-invalid={errors.householdsPresent ? true : undefined}
          aria-describedby={`${fid("householdsPresent")}-hint ${fid("householdsPresent")}-error`}
          {...form.register("householdsPresent", { valueAsNumber: true })}
        />
        <p id={`${fid("householdsPresent")}-hint`} className={hint}>
          {village ? t("householdsOfVillage", { total: village.households }) : null}{" "}
          {village && quorum > 0 ? t("quorumNeeded", { percent: quorum, min: Math.floor((village.households * quorum) / 100) + 1 }) : null}
        </p>
        <FieldError id={`${fid("householdsPresent")}-error`} message={errors.householdsPresent?.message} />
      </div>

      <fieldset className="space-y-4">
        <legend className={label}>{t("tallies")}</legend>
        {questions.map((q) => (
          <div key={q.id} className="space-y-2 rounded-lg border border-stone-200 p-3">
            <p className="font-medium">
              {tBallot("questionNumber", { number: q.position + 1 })}. {q.text}
            </p>
            <div className="grid gap-3 sm:grid-cols-3">
              {q.options.map((o) => {
                const index = tallyIndex.get(o.id)!;
                const name = `tallies.${index}.count` as const;
                return (
                  <div key={o.id}>
                    <label htmlFor={fid(name)} className={label}>
                      {t("count", { option: optionLabel(tBallot, q.kind, o) })}
                    </label>
                    <input id={fid(name)} type="number" inputMode="numeric" min={0} className={input} aria-invalid={errors.tallies?.[index]?.count ? true : undefined} aria-describedby={`${fid(name)}-error`} {...form.register(name, { valueAsNumber: true })} />
                    <FieldError id={`${fid(name)}-error`} message={errors.tallies?.[index]?.count?.message} />
                  </div>
                );
              })}
            </div>
            <FieldError id={`${fid(`tallies.${q.id}`)}-error`} message={(errors.tallies as unknown as Record<string, { message?: string }> | undefined)?.[q.id]?.message} />
          </div>
        ))}
      </fieldset>

      <div>
        <label htmlFor={fid("minutes")} className={label}>
          {t("minutes")}
        </label>
        <input
          id={fid("minutes")}
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          className={input}
          aria-invalid={errors.minutesId || upload.state === "failed" ? true : undefined}
          aria-describedby={`${fid("minutes")}-hint ${fid("minutes")}-status ${fid("minutesId")}-error`}
          onChange={(e) => void sendMinutes(e.target.files?.[0])}
        />
        <p id={`${fid("minutes")}-hint`} className={hint}>
          {t("minutesHint", { maxMb: maxUploadMb })}
        </p>
        <p id={`${fid("minutes")}-status`} role="status" className="text-sm font-medium">
          {upload.state === "sending" ? t("uploading") : upload.state === "done" ? t("uploaded", { name: upload.name }) : null}
        </p>
        {upload.state === "failed" ? (
          <p role="alert" className="text-sm font-medium text-flag-700">
            {upload.message}
          </p>
        ) : null}
        <FieldError id={`${fid("minutesId")}-error`} message={errors.minutesId?.message} />
      </div>

      <div>
        <label htmlFor={fid("notes")} className={label}>
          {t("notes")}
        </label>
        <textarea id={fid("notes")} rows={3} className={input} {...form.register("notes")} />
      </div>

      {village && individual && hasVotes ? (
        <fieldset className="space-y-2 rounded-lg border-2 border-amber-500 bg-amber-50 p-3" data-testid="source-choice">
          <legend className="font-semibold">{t("chooseSource")}</legend>
          <p>{t("individualVotes", { village: village.name, list: list(individual) })}</p>
          <p>{tCount("needsFront")}</p>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="MEETING" className="size-5" {...form.register("sourceChoice")} />
            {t("sourceMeeting", { list: list(individual), village: village.name })}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="INDIVIDUAL" className="size-5" {...form.register("sourceChoice")} />
            {t("sourceIndividual")}
          </label>
          <label htmlFor={fid("reason")} className={label}>
            {t("reason")}
          </label>
          <textarea id={fid("reason")} rows={2} className={input} {...form.register("reason")} />
        </fieldset>
      ) : null}

      <button type="submit" className={buttonPrimary} disabled={isPending || upload.state === "sending"}>
        {isPending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
