"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";

import { buttonPrimary, buttonSecondary, hint, input, label } from "@/components/ui/styles";
import { enterAssistedAction, enterPaperBallotAction, searchHouseholdsAction } from "@/lib/participation/vote-actions";

import { optionLabel } from "../option-label";
import type { BallotQuestionView } from "../types";
import { useVnTime } from "../use-vn-time";

type Member = { id: string; fullName: string; birthYear: number | null; isAdult: boolean; isRepresentative: boolean };
type Household = {
  id: string;
  code: string;
  address: string | null;
  village: { id: string; name: string };
  members: Member[];
  votes: { questionId: string; residentId: string | null; channel: string; at: Date }[];
};

type Props = {
  communeId: string;
  consultationId: string;
  questions: BallotQuestionView[];
  paperAllowed: boolean;
  assistedAllowed: boolean;
};

const STANCES = ["SUPPORT", "OPPOSE", "OTHER"] as const;

/** Find a household, then enter its paper ballot or an assisted vote and opinion for one of its members. */
export function OfflineEntry({ communeId, consultationId, questions, paperAllowed, assistedAllowed }: Props) {
  const t = useTranslations("ballotStaff.entry");
  const tBallot = useTranslations("ballot");
  const tErrors = useTranslations("errors");
  const tStance = useTranslations("enums.Stance");
  const tDate = useTranslations("ballotStaff.entryDate");
  const vn = useVnTime();
  const id = useId();
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<Household[] | null>(null);
  const [searchProblem, setSearchProblem] = useState<string | null>(null);
  const [household, setHousehold] = useState<Household | null>(null);
  const [mode, setMode] = useState<"PAPER" | "ASSISTED">(paperAllowed ? "PAPER" : "ASSISTED");
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [who, setWho] = useState<Record<string, string>>({});
  const [assistedFor, setAssistedFor] = useState("");
  const [reason, setReason] = useState("");
  const [datedOn, setDatedOn] = useState("");
  const [opinion, setOpinion] = useState("");
  const [stance, setStance] = useState<(typeof STANCES)[number] | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const search = useAction(searchHouseholdsAction);
  const paper = useAction(enterPaperBallotAction);
  const assisted = useAction(enterAssistedAction);

  const [lastQuery, setLastQuery] = useState("");

  async function find(e: React.FormEvent) {
    e.preventDefault();
    setSearchProblem(null);
    setLastQuery(query);
    const result = await search.executeAsync({ communeId, consultationId, query });
    if (result?.data) setMatches(result.data as Household[]);
    else setSearchProblem(result?.serverError ? tErrors(result.serverError.code, result.serverError.params) : tErrors(result?.validationErrors?.fieldErrors.query?.[0] ?? "invalidInput"));
  }

  function choose(h: Household) {
    setHousehold(h);
    setAnswers({});
    setWho({});
    setAssistedFor(h.members.find((m) => m.isRepresentative)?.id ?? "");
    setReason("");
    setOpinion("");
    setStance(null);
    setBanner(null);
    setSaved(null);
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!household) return;
    setBanner(null);
    setSaved(null);
    const chosen = questions.filter((q) => (answers[q.id] ?? []).length > 0);
    const result =
      mode === "PAPER"
        ? await paper.executeAsync({ communeId, consultationId, householdId: household.id, datedOn: datedOn || null, answers: chosen.map((q) => ({ questionId: q.id, optionIds: answers[q.id]!, residentId: q.votingUnit === "RESIDENT" ? (who[q.id] ?? null) : null })) })
        : await assisted.executeAsync({
            communeId,
            consultationId,
            residentId: assistedFor,
            reason,
            answers: chosen.map((q) => ({ questionId: q.id, optionIds: answers[q.id]! })),
            opinion: opinion.trim() ? { body: opinion, stance } : null,
          });
    if (result?.data) {
      const data = result.data as { receiptCode: string }[] | { votes: { receiptCode: string }[]; opinionNumber: number | null };
      const votes = Array.isArray(data) ? data : data.votes;
      const parts = [votes.length ? t("saved", { codes: votes.map((v) => v.receiptCode).join(", ") }) : null, !Array.isArray(data) && data.opinionNumber ? t("savedOpinion", { number: data.opinionNumber }) : null];
      setSaved(parts.filter(Boolean).join(" "));
      // The list shows what each household has already voted: refresh it with the vote just entered.
      const again = await search.executeAsync({ communeId, consultationId, query: lastQuery });
      if (again?.data) setMatches(again.data as Household[]);
      return;
    }
    const error = result?.serverError;
    const fieldErrors = Object.values(result?.validationErrors?.fieldErrors ?? {}).flat();
    setBanner(error ? tErrors(error.code, error.params) : tErrors(fieldErrors[0] ?? "invalidInput"));
  }

  const pending = paper.isPending || assisted.isPending;
  return (
    <div className="space-y-4">
      <form onSubmit={find} noValidate className="space-y-3 rounded-xl border border-stone-200 bg-white p-4" role="search" aria-labelledby={`${id}-search`}>
        <h2 id={`${id}-search`} className="text-lg font-semibold">
          {t("search")}
        </h2>
        <label htmlFor={`${id}-q`} className={label}>
          {t("searchLabel")}
        </label>
        <div className="flex flex-wrap gap-2">
          <input id={`${id}-q`} value={query} onChange={(e) => setQuery(e.target.value)} className={`${input} max-w-md flex-1`} autoComplete="off" />
          <button type="submit" className={buttonPrimary} disabled={search.isPending}>
            {search.isPending ? t("searching") : t("searchButton")}
          </button>
        </div>
        {searchProblem ? (
          <p role="alert" className="font-medium text-flag-700">
            {searchProblem}
          </p>
        ) : null}
        {matches && matches.length === 0 ? <p role="status">{t("noMatch")}</p> : null}
        {matches && matches.length > 0 ? (
          <ul className="space-y-2" aria-label={t("search")}>
            {matches.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 p-3" data-testid="household-match">
                <div>
                  <p className="font-semibold">
                    {t("household", { code: h.code })} · {h.village.name}
                  </p>
                  <p className="text-sm text-stone-700">{h.members.map((m) => m.fullName + (m.isRepresentative ? ` (${t("representative")})` : "")).join(", ")}</p>
                  {h.votes.map((v) => (
                    <p key={`${v.questionId}-${v.residentId}`} className="text-sm font-medium text-amber-900">
                      {t("alreadyVoted", { channel: v.channel, time: vn.time(v.at), date: vn.date(v.at) })}
                    </p>
                  ))}
                </div>
                <button type="button" className={buttonSecondary} onClick={() => choose(h)}>
                  {t("select")}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </form>

      {household ? (
        <form onSubmit={save} noValidate className="space-y-4 rounded-xl border-2 border-brand-700 bg-white p-4" aria-labelledby={`${id}-entry`}>
          <h2 id={`${id}-entry`} className="text-lg font-semibold">
            {t("household", { code: household.code })} · {household.village.name}
          </h2>
          {banner ? (
            <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700" data-testid="entry-problem">
              {banner}
            </p>
          ) : null}
          {saved ? (
            <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">
              {saved}
            </p>
          ) : null}
          <fieldset>
            <legend className={label}>{t("mode")}</legend>
            <div className="flex flex-wrap gap-2">
              {paperAllowed ? (
                <label className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
                  <input type="radio" name={`${id}-mode`} checked={mode === "PAPER"} onChange={() => setMode("PAPER")} className="size-5" />
                  {t("paper")}
                </label>
              ) : null}
              {assistedAllowed ? (
                <label className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
                  <input type="radio" name={`${id}-mode`} checked={mode === "ASSISTED"} onChange={() => setMode("ASSISTED")} className="size-5" />
                  {t("assisted")}
                </label>
              ) : null}
            </div>
          </fieldset>

          {mode === "PAPER" ? (
            <div>
              <label htmlFor={`${id}-dated`} className={label}>
                {tDate("label")}
              </label>
              <input id={`${id}-dated`} type="date" value={datedOn} onChange={(e) => setDatedOn(e.target.value)} className={`${input} max-w-xs`} aria-describedby={`${id}-dated-hint`} />
              <p id={`${id}-dated-hint`} className={hint}>
                {tDate("hint")}
              </p>
            </div>
          ) : null}

          {mode === "ASSISTED" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor={`${id}-for`} className={label}>
                  {t("whoAssisted")}
                </label>
                <select id={`${id}-for`} value={assistedFor} onChange={(e) => setAssistedFor(e.target.value)} className={input}>
                  {household.members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.fullName}
                      {m.birthYear ? ` (${m.birthYear})` : ""}
                      {m.isRepresentative ? ` · ${t("representative")}` : ""}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-reason`} className={label}>
                  {t("reason")}
                </label>
                <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} className={input} aria-describedby={`${id}-reason-hint`} />
                <p id={`${id}-reason-hint`} className={hint}>
                  {t("reasonHint")}
                </p>
              </div>
            </div>
          ) : null}

          {questions.map((q) =>
            // A secret question is not entered household by household: whoever entered it would learn the choice (secret-vote-rules.ts).
            q.secret ? (
              <p key={q.id} className="rounded-lg border border-stone-200 p-3 text-sm" data-testid="secret-not-entered">
                <span className="font-medium">
                  {tBallot("questionNumber", { number: q.position + 1 })}. {q.text}
                </span>{" "}
                {tErrors(mode === "PAPER" ? "secretPaperByCount" : "secretNoAssisted")}
              </p>
            ) : (
              <fieldset key={q.id} className="space-y-2 rounded-lg border border-stone-200 p-3">
                <legend className="px-1 font-medium">
                  {tBallot("questionNumber", { number: q.position + 1 })}. {q.text}
                </legend>
                {mode === "PAPER" && q.votingUnit === "RESIDENT" ? (
                  <div>
                    <label htmlFor={`${id}-who-${q.id}`} className={label}>
                      {t("who")}
                    </label>
                    <select id={`${id}-who-${q.id}`} value={who[q.id] ?? ""} onChange={(e) => setWho((w) => ({ ...w, [q.id]: e.target.value }))} className={input}>
                      <option value="" />
                      {household.members.filter((m) => m.isAdult).map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.fullName}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
                <div className="flex flex-wrap gap-2">
                  {q.options.map((o) => {
                    const multiple = q.kind === "MULTIPLE_CHOICE";
                    const checked = (answers[q.id] ?? []).includes(o.id);
                    return (
                      <label key={o.id} className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
                        <input
                          type={multiple ? "checkbox" : "radio"}
                          name={`${id}-q-${q.id}`}
                          checked={checked}
                          onChange={(e) =>
                            setAnswers((a) => ({ ...a, [q.id]: multiple ? (e.target.checked ? [...(a[q.id] ?? []), o.id] : (a[q.id] ?? []).filter((x) => x !== o.id)) : [o.id] }))
                          }
                          className="size-5"
                        />
                        {optionLabel(tBallot, q.kind, o)}
                      </label>
                    );
                  })}
                  <label className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
                    <input type="radio" name={`${id}-q-${q.id}`} checked={(answers[q.id] ?? []).length === 0} onChange={() => setAnswers((a) => ({ ...a, [q.id]: [] }))} className="size-5" />
                    {t("skip")}
                  </label>
                </div>
              </fieldset>
            ),
          )}

          {mode === "ASSISTED" ? (
            <div className="space-y-2">
              <fieldset>
                <legend className={label}>{t("stance")}</legend>
                <div className="flex flex-wrap gap-2">
                  {STANCES.map((s) => (
                    <label key={s} className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 px-3 has-checked:border-brand-700 has-checked:bg-brand-50">
                      <input type="radio" name={`${id}-stance`} checked={stance === s} onChange={() => setStance(s)} className="size-5" />
                      {tStance(s)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <label htmlFor={`${id}-opinion`} className={label}>
                {t("opinion")}
              </label>
              <textarea id={`${id}-opinion`} rows={4} value={opinion} onChange={(e) => setOpinion(e.target.value)} className={input} maxLength={5000} />
            </div>
          ) : null}

          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonPrimary} disabled={pending}>
              {pending ? t("saving") : mode === "PAPER" ? t("submitPaper") : t("submitAssisted")}
            </button>
            <button type="button" className={buttonSecondary} onClick={() => setHousehold(null)}>
              {t("close")}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
