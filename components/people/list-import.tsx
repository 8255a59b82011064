"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";

import { buttonPrimary, buttonSecondary, label } from "@/components/ui/styles";
import type { ImportSummary } from "@/lib/people/import/import-resident-list";

type Result = { summary: ImportSummary & { batchId?: string } } | { error: { code: string; params?: Record<string, string | number> } };

/**
 * Choose a file, preview what it would change and every row that would be left out, then confirm.
 * The file stays in the page between the two steps: nothing is stored until the import is confirmed.
 */
export function ListImport({ slug, today }: { slug: string; today: string }) {
  const t = useTranslations("people.import");
  const tMissing = useTranslations("households.import");
  const tErrors = useTranslations("errors");
  const tColumns = useTranslations("people.import.columnNames");
  const format = useFormatter();
  const id = useId();
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  // Those on the list but not in the file stay on it unless staff tick this, with the day (lib/households/list-diff.ts).
  const [markGone, setMarkGone] = useState(false);
  const [goneOn, setGoneOn] = useState(today);

  async function send(mode: "preview" | "import", chosen: File, sha256?: string): Promise<Result> {
    const query = new URLSearchParams({ mode, ...(sha256 ? { sha256 } : {}), ...(mode === "import" && markGone ? { markGoneOn: goneOn } : {}) });
    try {
      const response = await fetch(`/api/communes/${slug}/residents/import?${query}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(chosen.name) },
        body: chosen,
      });
      return (await response.json()) as Result;
    } catch {
      return { error: { code: "unexpected", params: { id: "network" } } };
    }
  }

  async function onPreview(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    setPreview(null);
    setMarkGone(false);
    const chosen = fileInput.current?.files?.[0] ?? null;
    setFile(chosen);
    if (!chosen) {
      setProblem(t("chooseFile"));
      return;
    }
    setBusy("preview");
    const result = await send("preview", chosen);
    setBusy(null);
    if ("error" in result) setProblem(tErrors(result.error.code, result.error.params));
    else setPreview(result.summary);
  }

  async function onImport() {
    if (!file || !preview) return;
    setProblem(null);
    setBusy("import");
    const result = await send("import", file, preview.sha256);
    setBusy(null);
    if ("error" in result) setProblem(tErrors(result.error.code, result.error.params));
    else {
      setDone(result.summary);
      setPreview(null);
      // The import history below comes from the server.
      router.refresh();
    }
  }

  const toImport = preview ? preview.created + preview.updated + preview.unchanged : 0;

  return (
    <div className="space-y-4">
      <form onSubmit={onPreview} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <div>
          <label htmlFor={`${id}-file`} className={label}>
            {t("file")}
          </label>
          <input
            id={`${id}-file`}
            ref={fileInput}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block min-h-11 w-full text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-stone-400 file:bg-white file:px-4 file:font-medium"
            aria-describedby={`${id}-file-hint`}
            onChange={() => {
              setPreview(null);
              setDone(null);
            }}
          />
          <p id={`${id}-file-hint`} className="mt-1 text-sm text-stone-600">
            {t("fileHint")}
          </p>
        </div>
        <button type="submit" className={buttonPrimary} disabled={busy !== null}>
          {busy === "preview" ? t("previewing") : t("preview")}
        </button>
      </form>

      {problem ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {problem}
        </p>
      ) : null}

      {preview ? (
        <section aria-labelledby={`${id}-preview`} className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id={`${id}-preview`} className="text-xl font-semibold">
            {t("previewTitle", { name: preview.fileName })}
          </h2>
          <p>{t("nothingWritten")}</p>
          <Counts summary={preview} future />
          {preview.ignoredColumns.length > 0 ? <p className="text-sm">{t("ignoredColumns", { columns: preview.ignoredColumns.join(", ") })}</p> : null}
          {preview.errorCount > 0 ? (
            <div className="space-y-2">
              <h3 className="font-semibold">{t("errorsTitle", { rows: preview.skippedRows })}</h3>
              <div className="max-h-96 overflow-auto rounded-lg border border-stone-300 bg-white">
                <table className="w-full border-collapse text-left text-sm" data-testid="import-errors">
                  <caption className="sr-only">{t("errorsTitle", { rows: preview.skippedRows })}</caption>
                  <thead className="sticky top-0 bg-stone-100">
                    <tr>
                      <th scope="col" className="p-2">{t("row")}</th>
                      <th scope="col" className="p-2">{t("column")}</th>
                      <th scope="col" className="p-2">{t("problem")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((e, i) => (
                      <tr key={`${e.row}-${i}`} className="border-t border-stone-200">
                        <td className="p-2">{e.row}</td>
                        <td className="p-2">{e.column ? tColumns(e.column) : "—"}</td>
                        <td className="p-2">{tErrors(e.code, e.params)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.errorCount > preview.errors.length ? <p className="text-sm">{t("moreErrors", { count: preview.errorCount - preview.errors.length })}</p> : null}
            </div>
          ) : (
            <p className="font-medium text-green-900">{t("noErrors")}</p>
          )}
          {preview.missing && preview.missing.householdCount + preview.missing.peopleCount > 0 ? (
            <div className="space-y-2 bg-white p-3" data-testid="import-missing">
              <h3 id="import-missing-title" className="font-semibold">
                {tMissing("missingTitle", { households: preview.missing.householdCount, people: preview.missing.peopleCount })}
              </h3>
              <p>{tMissing("missingIntro")}</p>
              {/* A long list scrolls in its box: focusable, so that it scrolls from the keyboard too (WCAG 2.1.1). */}
              <ul tabIndex={0} aria-labelledby="import-missing-title" className="max-h-60 list-disc overflow-auto pl-6 text-sm">
                {preview.missing.households.map((h) => <li key={h.id}>{tMissing("household", h)}</li>)}
                {preview.missing.people.map((p) => <li key={p.id}>{tMissing("person", p)}</li>)}
              </ul>
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" checked={markGone} onChange={(e) => setMarkGone(e.target.checked)} /> {tMissing("markGone")}
              </label>
              <label className="flex items-center gap-2">
                {tMissing("goneOn")} <input type="date" className="min-h-11 border px-2" value={goneOn} max={today} onChange={(e) => setGoneOn(e.target.value)} />
              </label>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <button type="button" className={buttonPrimary} onClick={onImport} disabled={busy !== null || toImport === 0}>
              {busy === "import" ? t("importing") : t("confirm", { count: toImport })}
            </button>
            <button type="button" className={buttonSecondary} onClick={() => setPreview(null)} disabled={busy !== null}>
              {t("cancel")}
            </button>
          </div>
        </section>
      ) : null}

      {done ? (
        <section role="status" aria-labelledby={`${id}-done`} className="space-y-2 rounded-xl border border-green-300 bg-green-50 p-4">
          <h2 id={`${id}-done`} className="text-xl font-semibold">
            {t("doneTitle")}
          </h2>
          <Counts summary={done} />
          {done.markedGone ? <p data-testid="import-marked-gone">{tMissing("markedGone", done.markedGone)}</p> : null}
          {done.skippedRows > 0 ? <p>{t("skipped", { count: done.skippedRows })}</p> : null}
          <p className="text-sm">{t("doneAt", { date: format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short" }) })}</p>
        </section>
      ) : null}
    </div>
  );
}

function Counts({ summary, future = false }: { summary: ImportSummary; future?: boolean }) {
  const t = useTranslations("people.import");
  const items = [
    ["rows", summary.totalRows],
    ["created", summary.created],
    ["updated", summary.updated],
    ["unchanged", summary.unchanged],
    ["householdsCreated", summary.householdsCreated],
    ["householdsUpdated", summary.householdsUpdated],
    ["representativesSet", summary.representativesSet],
    ["skippedRows", summary.skippedRows],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="import-counts">
      {items.map(([key, value]) => (
        <div key={key} className="rounded-lg bg-white p-2">
          <dt className="text-sm text-stone-700">{t(`counts.${key}`, { future: String(future) })}</dt>
          <dd className="text-2xl font-bold" data-testid={`count-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
