// Proposals to appoint or withdraw a Front reviewer that wait for the Front: on the Front's page with
// the buttons to confirm or decline them, on the officials page for the administrator to follow.
import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { card } from "@/components/ui/styles";
import type { OpenFrontChange } from "@/lib/people/front-appointments";
import { decideFrontChangeAction } from "@/lib/people/official-actions";

export async function FrontChanges({ communeId, changes, canDecide }: { communeId: string; changes: OpenFrontChange[]; canDecide: boolean }) {
  const [t, format] = await Promise.all([getTranslations("frontAppointments"), getFormatter()]);
  return (
    <section aria-labelledby="front-changes" className="space-y-2">
      <h2 id="front-changes" className="text-xl font-semibold">
        {t("pendingHeading", { count: changes.length })}
      </h2>
      <p className="text-sm text-stone-700">{canDecide ? t("frontHint") : t("officialsHint")}</p>
      {changes.length === 0 ? <p>{t("pendingNone")}</p> : null}
      <ul className="space-y-2">
        {changes.map((c) => (
          <li key={c.id} className={card} data-testid="front-change">
            <p className="font-semibold">{t("kind", { kind: c.kind, name: c.name })}</p>
            <p className="text-sm text-stone-700">{t("requestedAt", { at: format.dateTime(c.requestedAt, { dateStyle: "short", timeStyle: "short" }) })}</p>
            {canDecide ? (
              <div className="mt-2 flex flex-wrap gap-4">
                <ActionForm
                  action={decideFrontChangeAction}
                  fixed={{ communeId, changeId: c.id, decision: "CONFIRM" }}
                  fields={[]}
                  submitLabel={t("confirm")}
                  successMessage={t("confirmed")}
                  confirmText={t("confirmText", { kind: c.kind, name: c.name })}
                />
                <ActionForm action={decideFrontChangeAction} fixed={{ communeId, changeId: c.id, decision: "DECLINE" }} fields={[]} submitLabel={t("decline")} successMessage={t("declined")} danger />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
