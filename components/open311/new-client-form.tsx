"use client";

// Creates an Open311 client and shows its API key, this once: it is stored hashed and cannot be shown again.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { useActionOutcome } from "@/components/accounts/use-action-state";
import { buttonPrimary, fieldError, input, label } from "@/components/ui/styles";
import { createOpen311ClientAction } from "@/lib/open311/actions";

export function NewOpen311ClientForm({ communeId }: { communeId: string }) {
  const t = useTranslations("open311");
  const id = useId();
  const router = useRouter();
  const { pending, banner, fields, run } = useActionOutcome();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const element = event.currentTarget;
    const data = await run(() => createOpen311ClientAction({ communeId, name: String(form.get("name") ?? ""), contact: String(form.get("contact") ?? "") }));
    if (data) {
      setCreated({ name: data.name, key: data.key });
      element.reset();
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div>
        <label htmlFor={`${id}-name`} className={label}>{t("name")}</label>
        <input id={`${id}-name`} name="name" className={input} required maxLength={120} aria-invalid={fields.name ? true : undefined} aria-describedby={fields.name ? `${id}-name-error` : undefined} />
        {fields.name ? <p id={`${id}-name-error`} className={fieldError}>{fields.name}</p> : null}
      </div>
      <div>
        <label htmlFor={`${id}-contact`} className={label}>{t("contact")}</label>
        <input id={`${id}-contact`} name="contact" className={input} maxLength={200} />
      </div>
      <button type="submit" className={buttonPrimary} disabled={pending}>{t("create")}</button>
      <div role="status" aria-live="polite">
        {banner ? <p className={fieldError}>{banner}</p> : null}
        {created ? (
          <div className="rounded-lg border border-stone-300 bg-stone-50 p-3">
            <p className="font-medium">{t("created", { name: created.name })}</p>
            <p className="mt-2 break-all font-mono text-sm" data-testid="open311-key">{created.key}</p>
            <p className="mt-2 text-sm">{t("keyOnce")}</p>
          </div>
        ) : null}
      </div>
    </form>
  );
}
