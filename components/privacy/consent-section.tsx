import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { giveConsentAction, withdrawConsentAction } from "@/lib/privacy/actions";
import { VERIFICATION } from "@/lib/privacy/consent-purposes";
import { listMyConsents } from "@/lib/privacy/consents";

/**
 * The account page's consents: one block per purpose with the text agreed to, a button to agree (never
 * a pre-ticked box) or to withdraw, and the history of each. Its own component so that the account
 * page only places it.
 */
export async function ConsentSection({ userId, communeId, communeName }: { userId: string; communeId: string; communeName: string }) {
  const [consents, t, tRegister, format] = await Promise.all([listMyConsents(userId, communeId), getTranslations("privacy.consents"), getTranslations("register"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="consents-title" className="space-y-3" data-testid="consents">
      <h3 id="consents-title" className="font-semibold">{t("title")}</h3>
      <p className="text-sm">{t("intro")}</p>
      <ul className="space-y-3">
        {consents.map((c) => (
          <li key={c.purpose} className="space-y-2 rounded-lg border border-stone-200 p-3" data-testid={`consent-${c.purpose}`}>
            <p className="flex flex-wrap items-center gap-x-3">
              <strong>{t(`purpose.${c.purpose}`)}</strong>
              <span className={c.isGiven ? "font-medium text-green-900" : "text-stone-700"}>{c.isGiven ? t("given") : t("notGiven")}</span>
            </p>
            <p className="text-sm">{c.purpose === VERIFICATION ? tRegister("consent", { name: communeName }) : t(`text.${c.purpose}`)}</p>
            {c.isGiven && c.purpose === VERIFICATION ? <p className="text-sm">{t("withdrawVerificationWarning")}</p> : null}
            <ActionForm
              action={c.isGiven ? withdrawConsentAction : giveConsentAction}
              fixed={{ communeId, purpose: c.purpose }}
              fields={[]}
              submitLabel={c.isGiven ? t("withdraw") : t("give")}
              successMessage={t("done")}
              danger={c.isGiven && c.purpose === VERIFICATION}
              confirmText={c.isGiven && c.purpose === VERIFICATION ? t("withdrawVerificationWarning") : undefined}
            />
            {c.history.length > 0 ? (
              <details>
                <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm">{t("history")}</summary>
                <ul className="list-disc pl-6 text-sm">
                  {c.history.map((h) => (
                    <li key={h.id}>
                      {t("givenAt", { date: date(h.givenAt), version: h.textVersion })}
                      {h.withdrawnAt ? ` · ${t("withdrawnAt", { date: date(h.withdrawnAt) })}` : ""}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
