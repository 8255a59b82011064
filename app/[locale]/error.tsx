"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-3 px-4 py-8">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p>{t("errorBody")}</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white">
        {t("tryAgain")}
      </button>
    </main>
  );
}
