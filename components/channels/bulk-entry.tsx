"use client";

// A stack of paper forms typed in one sitting, keyboard only: one screen per form; the household found
// by code or by a name typed without diacritics (Enter takes the first match, Enter on an empty search
// records "not identified"); Enter saves and opens the next form with the channel and the day kept.
// On an error nothing typed is lost.
import { useEffect, useRef, useState } from "react";

import { buttonPrimary, fieldError, hint, input, label } from "@/components/ui/styles";
import { enterChannelOpinionAction, searchChannelHouseholdsAction } from "@/lib/channels/actions";
import type { EntryContext } from "@/lib/channels/entry-context";
import { decodeMessage } from "@/lib/i18n/message-key";
import { ENTRY_CHANNELS, type EntryChannel, fillMessage } from "@/lib/channels/channel-list";

type Household = { id: string; code: string; village: { id: string; name: string }; members: { id: string; fullName: string }[] };
type Problem = { message: string; field: string | null };

const STANCES = ["SUPPORT", "OPPOSE", "OTHER"] as const;
const empty = { query: "", household: null as Household | null, residentId: "", villageId: "", displayName: "", stance: "", sectionId: "", body: "", lat: "", lng: "" };

/**
 * Texts come as props, translated by the server (README, "Client islands"): `texts` the screen's own
 * (namespace "channels"), `errors` the catalogue's error messages, `labels` the channels and stances.
 */
export function BulkEntry({
  communeId,
  communeSlug,
  context,
  texts,
  errors,
  labels,
}: {
  communeId: string;
  communeSlug: string;
  context: EntryContext;
  texts: Record<string, string>;
  errors: Record<string, string>;
  labels: Record<string, string>;
}) {
  const t = (key: string, params?: Record<string, string | number>) => fillMessage(texts[key] ?? key, params);
  const tErrors = (key: string, params?: Record<string, string | number>) => fillMessage(errors[key] ?? errors.invalidInput ?? key, params);
  const tEnum = (key: string) => labels[key] ?? key;
  const [channel, setChannel] = useState<EntryChannel>("PAPER");
  const [receivedOn, setReceivedOn] = useState(context.defaultDate);
  const [meetingId, setMeetingId] = useState("");
  const [form, setForm] = useState(empty);
  const [matches, setMatches] = useState<Household[] | null>(null);
  const [scan, setScan] = useState<{ file: File | null; id: string | null }>({ file: null, id: null });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [count, setCount] = useState(0);
  const [lastSaved, setLastSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const queryRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => queryRef.current?.focus(), []);
  const set = (patch: Partial<typeof empty>) => setForm((f) => ({ ...f, ...patch }));
  const fieldId = (name: string) => `channel-${name}`;
  const errorOf = (name: string) => (problem?.field === name ? problem.message : null);
  const describe = (name: string, hintId?: string) => ({
    "aria-invalid": errorOf(name) ? true : undefined,
    "aria-describedby": [hintId, errorOf(name) ? `${fieldId(name)}-error` : null].filter(Boolean).join(" ") || undefined,
  });

  async function lookUp() {
    const query = form.query.trim();
    if (!query) {
      set({ household: null, residentId: "" });
      setMatches(null);
      bodyRef.current?.focus();
      return;
    }
    const result = await searchChannelHouseholdsAction({ communeId, consultationId: context.id, query });
    const found = (result?.data ?? null) as Household[] | null;
    setMatches(found);
    if (found?.length) {
      set({ household: found[0]!, residentId: "" });
      setProblem(null);
      bodyRef.current?.focus();
    } else {
      setProblem({ message: found ? t("noHousehold", { query }) : tErrors(result?.serverError?.code ?? "invalidInput", result?.serverError?.params), field: "query" });
    }
  }

  async function uploadScan(): Promise<string | null | false> {
    if (scan.id || !scan.file) return scan.id;
    const body = new FormData();
    body.set("file", scan.file);
    const response = await fetch(`/api/communes/${communeSlug}/consultations/${context.id}/opinion-scans`, { method: "POST", body });
    const answer = (await response.json().catch(() => ({}))) as { id?: string; error?: string; message?: string };
    if (!response.ok || !answer.id) {
      setProblem({ message: answer.message ?? answer.error ?? tErrors("unexpected", { id: String(response.status) }), field: "scan" });
      return false;
    }
    setScan((s) => ({ ...s, id: answer.id! }));
    return answer.id;
  }

  async function save(e?: React.FormEvent) {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const photoId = await uploadScan();
      if (photoId === false) return;
      const number = (v: string) => (v.trim() === "" ? null : Number(v.replace(",", ".")));
      const result = await enterChannelOpinionAction({
        communeId,
        consultationId: context.id,
        channel,
        receivedOn,
        meetingId: channel === "MEETING" ? meetingId || null : null,
        householdId: form.household?.id ?? null,
        residentId: form.residentId || null,
        villageId: form.household ? null : form.villageId || null,
        displayName: form.displayName || null,
        body: form.body,
        stance: (form.stance || null) as (typeof STANCES)[number] | null,
        lat: number(form.lat),
        lng: number(form.lng),
        sectionId: form.sectionId || null,
        photoId,
      });
      if (result?.data) {
        setCount((n) => n + 1);
        setLastSaved(result.data.number);
        setForm(empty);
        setMatches(null);
        setScan({ file: null, id: null });
        if (fileRef.current) fileRef.current.value = "";
        queryRef.current?.focus();
        return;
      }
      const server = result?.serverError;
      const fields = result?.validationErrors?.fieldErrors as Record<string, string[] | undefined> | undefined;
      const [field, codes] = Object.entries(fields ?? {}).find(([, v]) => v?.length) ?? [null, null];
      const field2 = server?.fields ? Object.keys(server.fields)[0] ?? null : field;
      const coded = decodeMessage(codes?.[0] ?? "invalidInput");
      setProblem({ message: server ? tErrors(server.code, server.params) : tErrors(coded.key, coded.params), field: field2 === "pin" ? "lat" : field2 });
    } finally {
      setBusy(false);
    }
  }

  const bodyKeys = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save();
    }
  };
  const meetings = context.meetings;

  return (
    <form onSubmit={save} className="space-y-4" noValidate aria-describedby="entry-help">
      <p id="entry-help" className={hint}>
        {t("keys")}
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={fieldId("channel")} className={label}>
            {t("channel")}
          </label>
          <select id={fieldId("channel")} className={input} value={channel} onChange={(e) => setChannel(e.target.value as EntryChannel)}>
            {ENTRY_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {tEnum(`Channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={fieldId("receivedOn")} className={label}>
            {t("receivedOn")}
          </label>
          <input id={fieldId("receivedOn")} type="date" className={input} value={receivedOn} max={context.today} onChange={(e) => setReceivedOn(e.target.value)} {...describe("receivedOn", "received-hint")} />
          <p id="received-hint" className={hint}>
            {context.from && context.to ? t("period", { from: context.from.split("-").reverse().join("/"), to: context.to.split("-").reverse().join("/") }) : null}
          </p>
          {errorOf("receivedOn") ? <p id={`${fieldId("receivedOn")}-error`} className={fieldError}>{errorOf("receivedOn")}</p> : null}
        </div>
        {channel === "MEETING" ? (
          <Choice id={fieldId("meetingId")} label={t("meeting")} none={t("noMeeting")} value={meetingId} onChange={setMeetingId} options={meetings.map((m) => [m.id, `${m.village} · ${m.heldOn.split("-").reverse().join("/")}`])} />
        ) : null}
      </div>

      <div>
        <label htmlFor={fieldId("query")} className={label}>
          {t("household")}
        </label>
        <input
          ref={queryRef}
          id={fieldId("query")}
          className={input}
          value={form.query}
          autoComplete="off"
          onChange={(e) => set({ query: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void lookUp();
            }
          }}
          {...describe("query", "household-hint")}
        />
        <p id="household-hint" className={hint}>
          {t("householdHint")}
        </p>
        {errorOf("query") ? <p id={`${fieldId("query")}-error`} className={fieldError}>{errorOf("query")}</p> : null}
        {matches && matches.length > 1 ? (
          <fieldset className="mt-2">
            <legend className="text-sm font-medium">{t("matches", { count: matches.length })}</legend>
            {matches.map((h) => (
              <label key={h.id} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="household" checked={form.household?.id === h.id} onChange={() => set({ household: h, residentId: "" })} />
                {h.code} · {h.members.map((m) => m.fullName).join(", ")} · {h.village.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <p className="mt-1 font-medium" data-testid="chosen-household" aria-live="polite">
          {form.household ? `${form.household.code} · ${form.household.members[0]?.fullName ?? ""} · ${form.household.village.name}` : t("notIdentified")}
        </p>
      </div>

      <div className="grid gap-3 sm:grid-cols-3">
        {form.household ? (
          <Choice id={fieldId("residentId")} label={t("member")} none={t("wholeHousehold")} value={form.residentId} onChange={(v) => set({ residentId: v })} options={form.household.members.map((m) => [m.id, m.fullName])} />
        ) : context.villageFixed === null ? (
          <Choice id={fieldId("villageId")} label={t("village")} none={t("villageUnknown")} value={form.villageId} onChange={(v) => set({ villageId: v })} options={context.villages.map((v) => [v.id, v.name])} />
        ) : null}
        <div>
          <label htmlFor={fieldId("displayName")} className={label}>
            {t("displayName")}
          </label>
          <input id={fieldId("displayName")} className={input} value={form.displayName} onChange={(e) => set({ displayName: e.target.value })} aria-describedby="display-hint" />
          <p id="display-hint" className={hint}>
            {t("displayNameHint")}
          </p>
        </div>
        <Choice id={fieldId("stance")} label={t("stance")} none={t("noStance")} value={form.stance} onChange={(v) => set({ stance: v })} options={STANCES.map((v) => [v, tEnum(`Stance.${v}`)])} />
        {context.sections.length ? (
          <Choice id={fieldId("sectionId")} label={t("section")} none={t("noSection")} value={form.sectionId} onChange={(v) => set({ sectionId: v })} options={context.sections.map((v) => [v.id, v.title])} />
        ) : null}
      </div>

      <div>
        <label htmlFor={fieldId("body")} className={label}>
          {t("body")}
        </label>
        <textarea ref={bodyRef} id={fieldId("body")} className={input} rows={4} value={form.body} onChange={(e) => set({ body: e.target.value })} onKeyDown={bodyKeys} {...describe("body", "body-hint")} />
        <p id="body-hint" className={hint}>
          {t("bodyHint")}
        </p>
        {errorOf("body") ? <p id={`${fieldId("body")}-error`} className={fieldError}>{errorOf("body")}</p> : null}
      </div>

      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={fieldId("lat")} className={label}>
            {t("lat")}
          </label>
          <input id={fieldId("lat")} className={input} inputMode="decimal" value={form.lat} onChange={(e) => set({ lat: e.target.value })} {...describe("lat")} />
        </div>
        <div>
          <label htmlFor={fieldId("lng")} className={label}>
            {t("lng")}
          </label>
          <input id={fieldId("lng")} className={input} inputMode="decimal" value={form.lng} onChange={(e) => set({ lng: e.target.value })} {...describe("lat")} />
          {errorOf("lat") ? <p id={`${fieldId("lat")}-error`} className={fieldError}>{errorOf("lat")}</p> : null}
        </div>
        <div>
          <label htmlFor={fieldId("scan")} className={label}>
            {t("scan")}
          </label>
          <input ref={fileRef} id={fieldId("scan")} type="file" accept="image/jpeg,image/png,image/webp" className="min-h-11" onChange={(e) => setScan({ file: e.target.files?.[0] ?? null, id: null })} {...describe("scan")} />
          {errorOf("scan") ? <p id={`${fieldId("scan")}-error`} className={fieldError}>{errorOf("scan")}</p> : null}
        </div>
      </div>

      {problem && !["receivedOn", "query", "body", "lat", "scan"].includes(problem.field ?? "") ? (
        <p role="alert" className={fieldError}>
          {problem.message}
        </p>
      ) : null}
      {problem && ["receivedOn", "query", "body", "lat", "scan"].includes(problem.field ?? "") ? (
        <p role="alert" className="sr-only">
          {problem.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonPrimary} disabled={busy}>
          {t("save")}
        </button>
        <p role="status" data-testid="entry-counter" className="font-semibold">
          {t("counter", { count })}
          {lastSaved !== null ? ` · ${t("lastSaved", { number: lastSaved })}` : ""}
        </p>
      </div>
      {context.enteredBefore > 0 ? <p className={hint}>{t("enteredBefore", { count: context.enteredBefore })}</p> : null}
    </form>
  );
}

/** A labelled choice with a first "none" option: the optional fields of a form. */
function Choice({ id, label: text, none, value, onChange, options }: { id: string; label: string; none: string; value: string; onChange: (value: string) => void; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <select id={id} className={input} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
