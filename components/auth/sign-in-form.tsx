"use client";

import { useSearchParams } from "next/navigation";
import Link from "next/link";
import { useId, useState } from "react";

import { buttonPrimary, input, label } from "@/components/ui/styles";
import { signInWithCredentials } from "@/lib/auth/client-session";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export type SignInTexts = Record<"identifier" | "password" | "submit" | "submitting" | "noAccount" | "registerLink" | "invalidCredentials" | "emailUnconfirmed" | "failed", string> & {
  /** With "{minutes}" in it. */
  rateLimited: string;
};

/** An island: its texts come translated from the page, its link already localised (README, "Client islands"). */
export function SignInForm({ texts, registerHref }: { texts: SignInTexts; registerHref: string }) {
  const t = (key: Exclude<keyof SignInTexts, "rateLimited">) => texts[key];
  const params = useSearchParams();
  const ids = { identifier: useId(), password: useId(), error: useId() };
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signInWithCredentials(String(data.get("identifier") ?? ""), String(data.get("password") ?? ""));
      if (!result.ok) {
        const code = result.error ?? "";
        if (code.startsWith("rateLimited:")) {
          setError(texts.rateLimited.replace("{minutes}", String(Math.max(1, Math.ceil(Number(code.split(":")[1]) / 60)))));
        } else if (code === "emailUnconfirmed") {
          setError(t("emailUnconfirmed"));
        } else if (code === "invalidCredentials" || code === "CredentialsSignin") {
          setError(t("invalidCredentials"));
        } else {
          setError(t("failed"));
        }
        return;
      }
      // Only same-site paths are followed after signing in (lib/auth/safe-callback.ts).
      window.location.assign(safeCallbackPath(params.get("callbackUrl"), window.location.origin));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-describedby={error ? ids.error : undefined}>
      {error ? (
        <p id={ids.error} role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-flag-700">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor={ids.identifier} className={label}>
          {t("identifier")}
        </label>
        <input id={ids.identifier} name="identifier" autoComplete="username" required maxLength={200} className={input} />
      </div>
      <div>
        <label htmlFor={ids.password} className={label}>
          {t("password")}
        </label>
        <input id={ids.password} name="password" type="password" autoComplete="current-password" required maxLength={200} className={input} />
      </div>
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="text-sm">
        {t("noAccount")} <Link href={registerHref}>{t("registerLink")}</Link>
      </p>
    </form>
  );
}
