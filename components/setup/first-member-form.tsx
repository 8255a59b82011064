"use client";

// The commune's first administrator or staff member, named by the platform administrator.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary, hint, input, label } from "@/components/ui/styles";
import { grantFirstMemberAction } from "@/lib/setup/actions";

import { type ErrorTexts, failureOf, fill } from "@/components/forms/server-texts";

export function FirstMemberForm({
  communeId,
  texts,
  errorTexts,
}: {
  communeId: string;
  texts: { identifier: string; identifierHint: string; role: string; admin: string; staff: string; submit: string; granted: string };
  errorTexts: ErrorTexts;
}) {
  const router = useRouter();
  const [identifier, setIdentifier] = useState("");
  const [role, setRole] = useState<"ADMIN" | "STAFF">("ADMIN");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const result = await grantFirstMemberAction({ communeId, identifier, role });
      const failed = failureOf(result, errorTexts);
      if (failed) {
        setMessage({ ok: false, text: failed.banner });
        return;
      }
      setMessage({ ok: true, text: fill(texts.granted, { name: result!.data!.name }) });
      setIdentifier("");
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div>
        <label htmlFor="first-identifier" className={label}>{texts.identifier}</label>
        <input id="first-identifier" value={identifier} maxLength={200} onChange={(e) => setIdentifier(e.target.value)} className={input} aria-describedby="first-identifier-hint" />
        <p id="first-identifier-hint" className={hint}>{texts.identifierHint}</p>
      </div>
      <div>
        <label htmlFor="first-role" className={label}>{texts.role}</label>
        <select id="first-role" value={role} onChange={(e) => setRole(e.target.value as "ADMIN" | "STAFF")} className={input}>
          <option value="ADMIN">{texts.admin}</option>
          <option value="STAFF">{texts.staff}</option>
        </select>
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>{texts.submit}</button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "font-medium text-green-900" : "font-medium text-flag-700"}>{message.text}</p> : null}
    </form>
  );
}
