import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { card } from "@/components/ui/styles";
import { requestHouseholdCorrectionAction } from "@/lib/households/actions";
import { getMyHousehold } from "@/lib/households/corrections";

/** On the account page: the household and village the list has the resident in, and a way to ask for a correction. */
export async function MyHousehold({ userId, communeId }: { userId: string; communeId: string }) {
  const [mine, t, tEnums, format] = await Promise.all([getMyHousehold(userId, communeId), getTranslations("households.mine"), getTranslations("enums"), getFormatter()]);
  return (
    <section aria-labelledby="my-household-title" className={`${card} space-y-3`} data-testid="my-household">
      <h2 id="my-household-title" className="text-xl font-bold">{t("title")}</h2>
      {!mine ? (
        <p>{t("notListed")}</p>
      ) : (
        <>
          {!mine.isActive ? <p role="note">{t("offList")}</p> : null}
          <dl className="grid gap-2 sm:grid-cols-2">
            <div><dt className="text-sm text-stone-600">{t("household")}</dt><dd data-testid="my-household-code">{mine.household.code}</dd></div>
            <div><dt className="text-sm text-stone-600">{t("village")}</dt><dd data-testid="my-household-village">{mine.village.name}</dd></div>
            <div><dt className="text-sm text-stone-600">{t("address")}</dt><dd>{mine.household.address ?? "—"}</dd></div>
            <div><dt className="text-sm text-stone-600">{t("representative")}</dt><dd>{mine.household.representative?.fullName ?? "—"}</dd></div>
          </dl>
          <div>
            <h3 className="font-semibold">{t("members")}</h3>
            <ul className="list-disc pl-6">
              {mine.household.members.map((m, i) => (
                <li key={i}>{m.fullName} ({m.birthYear ?? "—"})</li>
              ))}
            </ul>
          </div>
          <ActionForm
            action={requestHouseholdCorrectionAction}
            fixed={{ communeId }}
            legend={t("ask")}
            fields={[{ name: "body", label: t("askLabel"), kind: "textarea", required: true, maxLength: 2000 }]}
            submitLabel={t("send")}
            successMessage={t("sent")}
          />
          {mine.requests.length > 0 ? (
            <div>
              <h3 className="font-semibold">{t("requests")}</h3>
              <ul className="space-y-2">
                {mine.requests.map((r) => (
                  <li key={r.id} className="rounded-lg border border-stone-200 p-2" data-testid="my-correction">
                    <p className="text-sm text-stone-600">{format.dateTime(r.createdAt, { dateStyle: "medium" })} · {tEnums(`HouseholdCorrectionStatus.${r.status}`)}</p>
                    <p className="whitespace-pre-line">{r.body}</p>
                    {r.answer ? <p className="border-l-4 border-brand-700 pl-3">{t("answer", { answer: r.answer })}</p> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
