import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { answerSupervisionNoteAction, writeSupervisionNoteAction } from "@/lib/oversight/actions";
import type { SupervisionNoteRow } from "@/lib/oversight/list-for-review";

/** Supervision notes of a consultation: the Front writes them, staff answer each one. */
export async function NotesPanel({
  notes,
  communeId,
  consultationId,
  viewer,
}: {
  notes: SupervisionNoteRow[];
  communeId: string;
  consultationId: string;
  viewer: "staff" | "front";
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section id="notes" aria-labelledby="notes-title" className="space-y-3">
      <h2 id="notes-title" className="text-xl font-bold">
        {t("moderation.notesTitle")}
      </h2>
      {viewer === "front" ? (
        <div className="rounded-xl border border-stone-200 bg-white p-4">
          <ActionForm
            action={writeSupervisionNoteAction}
            fixed={{ communeId, consultationId, opinionId: null }}
            legend={t("moderation.noteOnConsultation")}
            fields={[
              { name: "body", label: t("front.noteBody"), kind: "textarea", maxLength: 5000 },
              { name: "isPublicFlag", label: t("front.makePublic"), kind: "checkbox" },
            ]}
            submitLabel={t("front.sendNote")}
            successMessage={t("front.noteSent")}
          />
        </div>
      ) : null}
      {notes.length === 0 ? <p>{t("moderation.noNotesYet")}</p> : null}
      <ul className="space-y-3">
        {notes.map((n) => (
          <li key={n.id} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="supervision-note">
            <p className="text-sm text-stone-600">
              {format.dateTime(n.createdAt, { dateStyle: "medium" })} · {n.opinion ? t("moderation.noteOn", { number: n.opinion.number }) : t("moderation.noteOnConsultation")}
              {n.isPublicFlag ? ` · ${t("moderation.publicFlag")}` : ""}
            </p>
            <p className="whitespace-pre-line">{n.body}</p>
            {n.respondedAt ? (
              <div className="mt-2 border-l-4 border-brand-700 pl-3">
                <p className="text-sm font-semibold">{t("moderation.answered", { date: format.dateTime(n.respondedAt, { dateStyle: "medium" }) })}</p>
                <p className="whitespace-pre-line">{n.response}</p>
              </div>
            ) : viewer === "staff" ? (
              <div className="mt-2">
                <ActionForm
                  action={answerSupervisionNoteAction}
                  fixed={{ communeId, noteId: n.id }}
                  fields={[{ name: "response", label: t("moderation.answerLabel"), kind: "textarea", maxLength: 5000 }]}
                  submitLabel={t("moderation.sendAnswer")}
                  successMessage={t("moderation.done")}
                />
              </div>
            ) : (
              <p className="mt-2 font-medium text-amber-900">{t("moderation.unanswered")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
