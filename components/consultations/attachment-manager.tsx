"use client";

import { useLocale, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";

import { buttonPrimary, buttonSecondary, hint, input, label } from "@/components/ui/styles";
import { removeAttachmentAction, renameAttachmentAction } from "@/lib/consultations/actions";

type Item = { id: string; title: string; fileName: string; type: string; size: string };
type Message = { ok: boolean; text: string } | null;

/**
 * Staff upload, rename and remove a consultation's attachments. Uploads go to a route handler (not a
 * server action), so that a file over the limit is refused before it is read, with our message; the
 * size is also checked here first, to spare a slow connection a useless upload.
 */
export function AttachmentManager({
  communeId,
  consultationId,
  items,
  maxMb,
  isPublished,
}: {
  communeId: string;
  consultationId: string;
  items: Item[];
  maxMb: number;
  isPublished: boolean;
}) {
  const t = useTranslations("publishing");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const rename = useAction(renameAttachmentAction);
  const remove = useAction(removeAttachmentAction);

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: tErrors("uploadMissing") });
    const refuse = (reason: string) => setMessage({ ok: false, text: t("uploadRefused", { name: file.name, reason }) });
    if (file.size > maxMb * 1024 * 1024) return refuse(tErrors("uploadTooLarge", { maxMb }));
    setBusy(true);
    setMessage(null);
    try {
      const body = new FormData();
      body.set("file", file);
      body.set("title", title);
      const response = await fetch(`/api/consultations/${consultationId}/attachments?commune=${communeId}&locale=${locale}`, { method: "POST", body });
      const result = (await response.json().catch(() => null)) as { title?: string; message?: string } | null;
      if (!response.ok) return refuse(result?.message ?? tErrors("uploadFailed"));
      setMessage({ ok: true, text: t("uploaded", { title: result?.title ?? file.name }) });
      // The title is cleared with the file: the next upload starts blank.
      setTitle("");
      if (fileRef.current) fileRef.current.value = "";
      router.refresh();
    } catch {
      refuse(tErrors("uploadFailed"));
    } finally {
      setBusy(false);
    }
  }

  async function saveTitle(item: Item, newTitle: string) {
    const result = await rename.executeAsync({ communeId, attachmentId: item.id, title: newTitle });
    if (result?.serverError) setMessage({ ok: false, text: tErrors(result.serverError.code, result.serverError.params) });
    else if (result?.validationErrors) setMessage({ ok: false, text: tErrors("invalidInput") });
    else {
      setMessage({ ok: true, text: t("renamed", { title: newTitle.trim() }) });
      router.refresh();
    }
  }

  async function removeItem(item: Item) {
    if (!window.confirm(t(isPublished ? "removeConfirmPublished" : "removeConfirmDraft", { title: item.title }))) return;
    const result = await remove.executeAsync({ communeId, attachmentId: item.id });
    if (result?.serverError) setMessage({ ok: false, text: tErrors(result.serverError.code, result.serverError.params) });
    else {
      setMessage({ ok: true, text: t("removed", { title: item.title }) });
      router.refresh();
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("attachmentsTitle")}
      </h2>
      <p className={hint}>{t("attachmentsHint", { maxMb })}</p>
      {isPublished ? <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-950">{t("attachmentsPublishedHint")}</p> : null}

      {items.length === 0 ? <p>{t("noAttachments")}</p> : null}
      <ul className="space-y-3" data-testid="staff-attachments">
        {items.map((item) => (
          <AttachmentRow key={item.id} item={item} onSave={saveTitle} onRemove={removeItem} disabled={rename.isPending || remove.isPending} />
        ))}
      </ul>

      <form onSubmit={upload} className="grid gap-3 border-t border-stone-200 pt-4 sm:grid-cols-2" noValidate>
        <div>
          <label htmlFor={`${id}-file`} className={label}>
            {t("chooseFile")}
          </label>
          <input
            id={`${id}-file`}
            ref={fileRef}
            type="file"
            name="file"
            accept="application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp"
            className="block min-h-11 w-full text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-stone-400 file:bg-white file:px-4 file:font-medium"
          />
        </div>
        <div>
          <label htmlFor={`${id}-title-input`} className={label}>
            {t("fileTitle")}
          </label>
          <input id={`${id}-title-input`} className={input} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className={buttonPrimary} disabled={busy}>
            {busy ? t("uploading") : t("upload")}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {message ? (
          <p role={message.ok ? "status" : "alert"} data-testid="attachment-message" className={`font-medium ${message.ok ? "text-green-900" : "text-flag-700"}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}

function AttachmentRow({
  item,
  onSave,
  onRemove,
  disabled,
}: {
  item: Item;
  onSave: (item: Item, title: string) => Promise<void>;
  onRemove: (item: Item) => Promise<void>;
  disabled: boolean;
}) {
  const t = useTranslations("publishing");
  const id = useId();
  const [value, setValue] = useState(item.title);
  return (
    <li className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 p-3">
      <div className="min-w-48 flex-1">
        <label htmlFor={id} className="mb-1 block text-sm font-medium">
          {t("attachmentTitle", { fileName: item.fileName })}{" "}
          <span className="font-normal text-stone-700">
            ({item.type}, {item.size})
          </span>
        </label>
        <input id={id} className={input} value={value} maxLength={200} onChange={(e) => setValue(e.target.value)} />
      </div>
      <button type="button" className={buttonSecondary} disabled={disabled || !value.trim() || value === item.title} onClick={() => void onSave(item, value)}>
        {t("saveTitle")}
      </button>
      <button
        type="button"
        aria-label={t("removeLabel", { title: item.title })}
        className="inline-flex min-h-11 items-center rounded-lg border border-flag-700 bg-white px-4 font-medium text-flag-700 hover:bg-red-50 disabled:opacity-60"
        disabled={disabled}
        onClick={() => void onRemove(item)}
      >
        {t("remove")}
      </button>
    </li>
  );
}
