import { getFormatter, getTranslations } from "next-intl/server";

import type { ConsultationAttachment } from "@/lib/consultations/attachments/list-attachments";

const TYPE_KEYS: Record<string, string> = { "application/pdf": "pdf", "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" };

/** A file's kind and size as people read them: "PDF", "2,4 MB". */
export async function describeFile(file: { mimeType: string; sizeBytes: number }) {
  const [t, format] = await Promise.all([getTranslations("attachments"), getFormatter()]);
  const size =
    file.sizeBytes >= 1024 * 1024
      ? format.number(file.sizeBytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
      : format.number(Math.max(1, Math.round(file.sizeBytes / 1024)), { style: "unit", unit: "kilobyte" });
  return { type: t(`types.${TYPE_KEYS[file.mimeType] ?? "other"}`), size };
}

/** The documents and images of a consultation, each with its type and size, to download. */
export async function AttachmentList({ attachments }: { attachments: ConsultationAttachment[] }) {
  if (attachments.length === 0) return null;
  const t = await getTranslations("attachments");
  const items = await Promise.all(
    attachments.map(async (a) => ({ ...a, ...(await describeFile(a)) })),
  );
  return (
    <section aria-labelledby="attachments-title" className="space-y-2">
      <h2 id="attachments-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white" data-testid="attachment-list">
        {items.map((a) => {
          const title = a.title ?? a.fileName;
          return (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span className="min-w-0 break-words">
                <span className="font-medium">{title}</span>{" "}
                <span className="text-sm text-stone-700">
                  ({a.type}, {a.size})
                </span>
              </span>
              <a
                href={`/api/attachments/${a.id}`}
                download={a.fileName}
                aria-label={t("downloadLabel", { title, type: a.type, size: a.size })}
                className="inline-flex min-h-11 items-center rounded-lg border border-brand-700 px-4 font-semibold text-brand-800 no-underline hover:bg-brand-50"
              >
                {t("download")}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
