import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { IntlIsland } from "@/components/intl-island";
import { ActionForm } from "@/components/forms/action-form";
import { pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { listDataRequests } from "@/lib/people/data-rights";
import { resolveDataRequestAction } from "@/lib/people/data-rights-actions";

/** Requests to see, correct or delete personal data, with their 2-working-day deadlines. */
export default async function DataRequests({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune } = await requirePageAccess(locale, slug, STAFF_ROLES);
  const [requests, t, format] = await Promise.all([listDataRequests(commune.id), getTranslations(), getFormatter()]);
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: requests.map((r) => r.userId) } }, select: { id: true, name: true, phone: true } })).map((u) => [u.id, u]),
  );
  const now = new Date();
  return (
    <IntlIsland namespaces={["common", "errors", "staff", "answers", "moderation", "enums"]}>
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("moderation.dataRequests")}</h1>
      {requests.length === 0 ? <p>{t("moderation.nothing")}</p> : null}
      <ul className="space-y-3">
        {requests.map((r) => {
          const overdue = r.status === "OPEN" && r.dueAt < now;
          const user = users.get(r.userId);
          return (
            <li key={r.id} className="space-y-2 rounded-xl border border-stone-200 bg-white p-4" data-testid="data-request">
              <p className="flex flex-wrap gap-x-3 text-sm">
                <strong>{t(`enums.DataRequestKind.${r.kind}`)}</strong>
                <span>{t(`enums.DataRequestStatus.${r.status}`)}</span>
                <span>
                  {t("moderation.dueAt")}: {format.dateTime(r.dueAt, { dateStyle: "medium", timeStyle: "short" })}
                </span>
                {overdue ? <span className="font-bold text-flag-700">{t("moderation.overdue")}</span> : null}
                <span>{user ? `${user.name}${user.phone ? ` · ${user.phone}` : ""}` : ""}</span>
              </p>
              {r.details ? <p className="whitespace-pre-line">{r.details}</p> : null}
              {r.resolution ? <p className="italic">{r.resolution}</p> : null}
              {r.status === "OPEN" ? (
                <div className="grid gap-3 sm:grid-cols-2">
                  {(["DONE", "REFUSED"] as const).map((status) => (
                    <ActionForm
                      key={status}
                      action={resolveDataRequestAction}
                      fixed={{ communeId: commune.id, requestId: r.id, status }}
                      fields={[{ name: "resolution", label: t("moderation.resolution"), kind: "textarea", maxLength: 2000 }]}
                      submitLabel={status === "DONE" ? t("moderation.resolveDone") : t("moderation.resolveRefused")}
                      successMessage={t("moderation.done")}
                      danger={status === "DONE" && r.kind === "DELETION"}
                      confirmText={status === "DONE" && r.kind === "DELETION" ? t("moderation.deletionWarning") : undefined}
                    />
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
    </IntlIsland>
  );
}
