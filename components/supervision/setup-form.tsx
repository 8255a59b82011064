"use client";

// The Front sets a board up for a work: the plan, the date the investor was notified, the start of
// supervision (at least 45 days after the notice, Law 10/2022 Art. 45.1.b), and at least 5 members,
// each with the kind they sit for and their signed declaration (Art. 41.1, 42). The server checks it
// all; what was typed stays after an error.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary, buttonSecondary, fieldError, input, label } from "@/components/ui/styles";
import { decodeMessage } from "@/lib/i18n/message-key";
import { setupSupervisionBoardAction } from "@/lib/supervision/actions";

type Candidate = { userId: string; label: string };
type Kind = "FRONT" | "INSPECTION_BOARD" | "RESIDENT";

export function SetupBoardForm({
  communeId,
  workId,
  slug,
  today,
  candidates,
  declaration,
}: {
  communeId: string;
  workId: string;
  slug: string;
  today: string;
  candidates: Candidate[];
  declaration: string;
}) {
  const t = useTranslations("supervision");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [rows, setRows] = useState(5);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const translate = (raw: string) => {
    const { key, params } = decodeMessage(raw);
    return tErrors.has(key) ? tErrors(key, params) : key;
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const members = Array.from({ length: rows }, (_, i) => ({
      userId: String(form.get(`member-${i}`) ?? ""),
      kind: String(form.get(`kind-${i}`) ?? "RESIDENT") as Kind,
      declared: form.get(`declared-${i}`) === "on",
      declarationSignedOn: String(form.get(`declaredOn-${i}`) ?? ""),
    })).filter((m) => m.userId);
    setPending(true);
    setMessage(null);
    setErrors({});
    try {
      const result = await setupSupervisionBoardAction({
        communeId,
        workId,
        plan: String(form.get("plan") ?? ""),
        investorNotifiedOn: String(form.get("investorNotifiedOn") ?? ""),
        supervisionStartOn: String(form.get("supervisionStartOn") ?? ""),
        members,
      });
      if (result?.data) {
        router.push(`/${slug}/supervision/${result.data.id}`);
        return;
      }
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(result?.validationErrors?.fieldErrors ?? {})) if (v?.[0]) fields[k] = translate(v[0]);
      for (const [k, v] of Object.entries(result?.serverError?.fields ?? {})) fields[k] = translate(v);
      setErrors(fields);
      setMessage({ ok: false, text: result?.serverError ? tErrors(result.serverError.code, result.serverError.params) : tErrors("invalidInput") });
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) => (errors[name] ? <p id={`setup-${name}-error`} className={fieldError}>{errors[name]}</p> : null);
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `setup-${name}-error` } : {});
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="setup-plan" className={label}>{t("plan")}</label>
        <textarea id="setup-plan" name="plan" rows={4} maxLength={5000} className={input} {...described("plan")} />
        {err("plan")}
      </div>
      <div>
        <label htmlFor="setup-investorNotifiedOn" className={label}>{t("investorNotifiedOn")}</label>
        <input id="setup-investorNotifiedOn" name="investorNotifiedOn" type="date" defaultValue={today} max={today} className={input} {...described("investorNotifiedOn")} />
        {err("investorNotifiedOn")}
      </div>
      <div>
        <label htmlFor="setup-supervisionStartOn" className={label}>{t("supervisionStartOn")}</label>
        <input id="setup-supervisionStartOn" name="supervisionStartOn" type="date" className={input} aria-describedby="setup-start-hint" {...described("supervisionStartOn")} />
        <p id="setup-start-hint" className="mt-1 text-sm text-stone-700">{t("startHint")}</p>
        {err("supervisionStartOn")}
      </div>
      <fieldset className="space-y-3" aria-describedby={errors.members ? "setup-members-error" : "setup-members-hint"}>
        <legend className="text-lg font-semibold">{t("membersTitle")}</legend>
        <p id="setup-members-hint" className="text-sm text-stone-700">{t("membersHint")}</p>
        {err("members")}
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="space-y-2 rounded-lg border border-stone-300 p-3" data-testid="member-row">
            <p className="font-medium">{t("memberN", { n: i + 1 })}</p>
            <div>
              <label htmlFor={`member-${i}`} className={label}>{t("person")}</label>
              <select id={`member-${i}`} name={`member-${i}`} className={input} defaultValue="">
                <option value="">{t("choosePerson")}</option>
                {candidates.map((c) => <option key={c.userId} value={c.userId}>{c.label}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor={`kind-${i}`} className={label}>{t("sitsFor")}</label>
              <select id={`kind-${i}`} name={`kind-${i}`} className={input} defaultValue={i === 0 ? "FRONT" : "RESIDENT"}>
                {(["FRONT", "INSPECTION_BOARD", "RESIDENT"] as const).map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
              </select>
            </div>
            <label className="flex min-h-11 items-start gap-2">
              <input type="checkbox" name={`declared-${i}`} className="mt-1 h-5 w-5 shrink-0" />
              <span>{t("declarationCheck", { text: declaration })}</span>
            </label>
            <div>
              <label htmlFor={`declaredOn-${i}`} className={label}>{t("declaredOn")}</label>
              <input id={`declaredOn-${i}`} name={`declaredOn-${i}`} type="date" defaultValue={today} max={today} className={input} />
            </div>
          </div>
        ))}
        {rows < 15 ? <button type="button" className={buttonSecondary} onClick={() => setRows(rows + 1)}>{t("addMember")}</button> : null}
      </fieldset>
      <button type="submit" className={buttonPrimary} disabled={pending}>{t("setupSubmit")}</button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
    </form>
  );
}
