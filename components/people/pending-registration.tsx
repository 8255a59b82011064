"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";

import { applyActionErrors } from "@/components/forms/action-feedback";
import { FieldError } from "@/components/forms/field-error";
import { buttonDanger, buttonPrimary, input, label } from "@/components/ui/styles";
import { rejectRegistrationAction, verifyRegistrationAction } from "@/lib/people/actions";
import { rejectRegistrationSchema, verifyRegistrationSchema } from "@/lib/people/schemas";

export type PendingItem = {
  membershipId: string;
  name: string;
  birthYear: number | null;
  village: string | null;
  phone: string | null;
  registeredAt: string;
  candidates: { id: string; fullName: string; birthYear: number | null; village: string; householdCode: string; isLinked: boolean; isExact: boolean }[];
};

/** One registration waiting for staff: link it to a person on the list after checking in person, or reject it. */
export function PendingRegistration({ communeId, item }: { communeId: string; item: PendingItem }) {
  const t = useTranslations("people.pending");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const [banner, setBanner] = useState<string | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const verify = useForm({ resolver: zodResolver(verifyRegistrationSchema), defaultValues: { communeId, membershipId: item.membershipId, residentId: "" } });
  const reject = useForm({ resolver: zodResolver(rejectRegistrationSchema), defaultValues: { communeId, membershipId: item.membershipId, reason: "" } });
  const verifyAction = useAction(verifyRegistrationAction);
  const rejectAction = useAction(rejectRegistrationAction);

  const onVerify = verify.handleSubmit(async (values) => {
    setBanner(null);
    const problem = applyActionErrors(await verifyAction.executeAsync(values), verify.setError, tErrors);
    if (problem) return setBanner(problem);
    setDecided(t("verified", { name: item.name }));
    router.refresh();
  });
  const onReject = reject.handleSubmit(async (values) => {
    setBanner(null);
    const problem = applyActionErrors(await rejectAction.executeAsync(values), reject.setError, tErrors);
    if (problem) return setBanner(problem);
    setDecided(t("rejected", { name: item.name }));
    router.refresh();
  });

  const headingId = `${id}-heading`;
  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4" data-testid="pending-registration">
      <h2 id={headingId} className="text-lg font-semibold">
        {item.name} {item.birthYear ? `(${item.birthYear})` : null}
      </h2>
      <p className="text-sm text-stone-700">
        {t("claimed", { village: item.village ?? "—", phone: item.phone ?? "—", date: format.dateTime(new Date(item.registeredAt), { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      {decided ? (
        <p role="status" className="font-medium text-green-900">
          {decided}
        </p>
      ) : (
        <>
          {banner ? (
            <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
              {banner}
            </p>
          ) : null}
          <form onSubmit={onVerify} noValidate className="space-y-2">
            <fieldset aria-describedby={`${id}-resident-error`}>
              <legend className="font-medium">{item.candidates.length > 0 ? t("candidates") : t("noCandidates")}</legend>
              <ul className="mt-1 space-y-1">
                {item.candidates.map((c) => (
                  <li key={c.id}>
                    <label className={`flex min-h-11 items-center gap-3 rounded-lg px-2 ${c.isLinked ? "text-stone-600" : ""}`}>
                      <input type="radio" value={c.id} disabled={c.isLinked} className="h-5 w-5" {...verify.register("residentId")} />
                      <span>
                        {c.fullName} ({c.birthYear ?? "—"}) · {c.village} · {t("household", { code: c.householdCode })}
                        {c.isExact ? <strong className="ml-2">{t("exact")}</strong> : null}
                        {c.isLinked ? <em className="ml-2">{t("linked")}</em> : null}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              <FieldError id={`${id}-resident-error`} message={verify.formState.errors.residentId?.message} />
            </fieldset>
            {item.candidates.some((c) => !c.isLinked) ? (
              <button type="submit" className={buttonPrimary} disabled={verifyAction.isPending}>
                {t("verify")}
              </button>
            ) : null}
          </form>
          <form onSubmit={onReject} noValidate className="space-y-2 border-t border-stone-200 pt-3">
            <label htmlFor={`${id}-reason`} className={label}>
              {t("reason")}
            </label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              className={input}
              aria-invalid={reject.formState.errors.reason ? true : undefined}
              aria-describedby={`${id}-reason-error`}
              {...reject.register("reason")}
            />
            <FieldError id={`${id}-reason-error`} message={reject.formState.errors.reason?.message} />
            <button type="submit" className={buttonDanger} disabled={rejectAction.isPending}>
              {t("reject")}
            </button>
          </form>
        </>
      )}
    </article>
  );
}
