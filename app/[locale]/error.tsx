"use client";

import { useParams } from "next/navigation";

import en from "@/messages/en/common.json";
import vi from "@/messages/vi/common.json";

// The error boundary has no server component above it to hand it texts, and there is no translation
// provider in the layout: it reads its three texts from the common catalogue of the page's language.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = locale === "en" ? en : vi;
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-3 px-4 py-8">
      <h1 className="text-2xl font-bold">{t.errorTitle}</h1>
      <p>{t.errorBody}</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white">
        {t.tryAgain}
      </button>
    </main>
  );
}
