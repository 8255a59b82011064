"use client";

import { useTranslations } from "next-intl";

import type { MissingFromFile as Missing } from "@/lib/households/list-diff";

/**
 * On the list but not in the re-imported file (lib/households/list-diff.ts): listed, kept on the list
 * unless staff tick the box and give the day they left.
 */
export function MissingFromFile({
  missing,
  today,
  markGone,
  goneOn,
  onMarkGone,
  onGoneOn,
}: {
  missing: Missing;
  today: string;
  markGone: boolean;
  goneOn: string;
  onMarkGone: (v: boolean) => void;
  onGoneOn: (v: string) => void;
}) {
  const tMissing = useTranslations("households.import");
  return (
    <div className="space-y-2 rounded-lg border border-stone-300 bg-white p-3" data-testid="import-missing">
      <h3 className="font-semibold">{tMissing("missingTitle")}</h3>
      <p className="text-sm">{tMissing("missingIntro")}</p>
      {missing.householdCount > 0 ? <p className="font-medium">{tMissing("missingHouseholds", { count: missing.householdCount })}</p> : null}
      <ul className="max-h-60 list-disc overflow-auto pl-6 text-sm">
        {missing.households.map((h) => (
          <li key={h.id}>{tMissing("household", { code: h.code, village: h.village, people: h.people })}</li>
        ))}
        {missing.householdCount > missing.households.length ? <li>{tMissing("more", { count: missing.householdCount - missing.households.length })}</li> : null}
      </ul>
      {missing.peopleCount > 0 ? <p className="font-medium">{tMissing("missingPeople", { count: missing.peopleCount })}</p> : null}
      <ul className="max-h-60 list-disc overflow-auto pl-6 text-sm">
        {missing.people.map((p) => (
          <li key={p.id}>{tMissing("person", { name: p.fullName, code: p.code })}</li>
        ))}
        {missing.peopleCount > missing.people.length ? <li>{tMissing("more", { count: missing.peopleCount - missing.people.length })}</li> : null}
      </ul>
      <p className="flex flex-wrap items-center gap-3">
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="checkbox" className="h-5 w-5" checked={markGone} onChange={(e) => onMarkGone(e.target.checked)} />
          {tMissing("markGone")}
        </label>
        <label className="inline-flex items-center gap-2">
          {tMissing("goneOn")}
          <input type="date" className="min-h-11 rounded-lg border border-stone-400 px-2" value={goneOn} max={today} onChange={(e) => onGoneOn(e.target.value)} disabled={!markGone} />
        </label>
      </p>
    </div>
  );
}
