import { getFormatter, getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { card } from "@/components/ui/styles";
import { answerRegisterRequestAction, recordRegisterRequestAction } from "@/lib/privacy/actions";
import type { listRegisterRequests } from "@/lib/privacy/register-requests";

type Request = Awaited<ReturnType<typeof listRegisterRequests>>[number];

/** Requests from people on the household list without an account: recorded by staff, answered within 2 working days. */
export async function RegisterRequests({ communeId, requests }: { communeId: string; requests: Request[] }) {
  const [t, tKind, tStatus, format] = await Promise.all([
    getTranslations("privacy.staff"),
    getTranslations("enums.DataRequestKind"),
    getTranslations("enums.DataRequestStatus"),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="register-requests-title" className="space-y-4">
      <h2 id="register-requests-title" className="text-xl font-bold">{t("requests")}</h2>
      <p>{t("requestsIntro")}</p>
      {requests.length === 0 ? <p>{t("noRequests")}</p> : null}
      <ul className="space-y-3">
        {requests.map((r) => (
          <li key={r.id} className={`${card} space-y-2`} data-testid="register-request">
            <p className="flex flex-wrap gap-x-3 text-sm">
              <strong>{tKind(r.kind)}</strong>
              <span>{tStatus(r.status)}</span>
              <span>{t("dueAt", { date: date(r.dueAt) })}</span>
              {r.isOverdue ? <span className="font-bold text-flag-700">{t("overdue")}</span> : null}
              {r.answeredLate ? <span className="font-bold text-flag-700">{t("answeredLate")}</span> : null}
            </p>
            <p>
              {r.requesterName}
              {r.contact ? ` · ${r.contact}` : ""}
            </p>
            {r.details ? <p className="whitespace-pre-line">{r.details}</p> : null}
            {r.answer && r.answeredAt ? (
              <p className="italic">
                {t("answeredAt", { date: date(r.answeredAt) })}: {r.answer}
              </p>
            ) : null}
            {r.status === "OPEN" ? (
              <div className="grid gap-3 sm:grid-cols-2">
                {(["DONE", "REFUSED"] as const).map((status) => (
                  <ActionForm
                    key={status}
                    action={answerRegisterRequestAction}
                    fixed={{ communeId, requestId: r.id, status }}
                    fields={[{ name: "answer", label: t("answer"), kind: "textarea", maxLength: 4000 }]}
                    submitLabel={status === "DONE" ? t("answerDone") : t("answerRefused")}
                    successMessage={t("saved")}
                  />
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <div className={card}>
        <ActionForm
          action={recordRegisterRequestAction}
          fixed={{ communeId }}
          legend={t("recordRequest")}
          fields={[
            { name: "requesterName", label: t("requesterName"), kind: "text", maxLength: 100 },
            { name: "contact", label: t("contact"), kind: "text", maxLength: 200 },
            { name: "kind", label: t("kind"), kind: "select", options: (["ACCESS", "CORRECTION", "DELETION"] as const).map((k) => ({ value: k, label: tKind(k) })) },
            { name: "details", label: t("details"), kind: "textarea", maxLength: 2000 },
            { name: "receivedAt", label: t("receivedAt"), kind: "datetime-local" },
          ]}
          submitLabel={t("recordRequest")}
          successMessage={t("recorded")}
        />
      </div>
    </section>
  );
}
