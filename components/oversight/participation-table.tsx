import { getTranslations } from "next-intl/server";

import type { VillageParticipation } from "@/lib/oversight/participation";

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : "—");

/** Households taking part per village, each against all households of the village. */
export async function ParticipationTable({ rows }: { rows: VillageParticipation[] }) {
  const t = await getTranslations("front");
  const total = rows.reduce(
    (a, r) => ({ households: a.households + r.households, withOpinion: a.withOpinion + r.withOpinion, voted: a.voted + r.voted }),
    { households: 0, withOpinion: 0, voted: 0 },
  );
  return (
    <section aria-labelledby="participation-title" className="space-y-2">
      <h2 id="participation-title" className="text-xl font-bold">
        {t("participationTitle")}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">{t("village")}</th>
              <th scope="col" className="p-2 text-right">{t("households")}</th>
              <th scope="col" className="p-2 text-right">{t("withOpinion")}</th>
              <th scope="col" className="p-2 text-right">{t("voted")}</th>
              <th scope="col" className="p-2 text-right">{t("meetingPresent")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.villageId} className="border-b border-stone-200">
                <th scope="row" className="p-2 font-normal">{r.village}</th>
                <td className="p-2 text-right tabular-nums">{r.households}</td>
                <td className="p-2 text-right tabular-nums">
                  {r.withOpinion} ({pct(r.withOpinion, r.households)})
                </td>
                <td className="p-2 text-right tabular-nums">
                  {r.voted} ({pct(r.voted, r.households)})
                </td>
                <td className="p-2 text-right tabular-nums">{r.meetingPresent === null ? "—" : `${r.meetingPresent} (${pct(r.meetingPresent, r.households)})`}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="p-2">Σ</th>
              <td className="p-2 text-right tabular-nums">{total.households}</td>
              <td className="p-2 text-right tabular-nums">
                {total.withOpinion} ({pct(total.withOpinion, total.households)})
              </td>
              <td className="p-2 text-right tabular-nums">
                {total.voted} ({pct(total.voted, total.households)})
              </td>
              <td className="p-2" />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
