import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { IntlIsland } from "@/components/intl-island";
import { ActionForm } from "@/components/forms/action-form";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listCategories } from "@/lib/cases/categories";
import { CASE_KINDS } from "@/lib/cases/schemas";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { vnDate as dmy } from "@/lib/participation/record-vote";
import { issueConclusionNoticeAction, openCaseFromVisitAction, recordReceptionVisitAction } from "@/lib/reception/actions";
import { bookingsOfDay } from "@/lib/reception/bookings";
import { getSession, listRegister } from "@/lib/reception/register";
import { REGISTER_KEEPER_ROLES } from "@/lib/reception/roles";
import { shownLabel } from "@/lib/register/label";


/** One reception session: its register lines, recording a visit (and its case), the conclusion notice. */
export default async function ReceptionSessionPage({ params }: { params: Promise<{ locale: string; commune: string; id: string }> }) {
  const { locale, commune: slug, id } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, REGISTER_KEEPER_ROLES);
  const session = await getSession(commune.id, id);
  if (!session) notFound();
  const day = session.heldOn.toISOString().slice(0, 10);
  const [t, lines, bookings, categories, notice] = await Promise.all([
    getTranslations("reception"),
    listRegister(access, { sessionId: session.id }),
    bookingsOfDay(commune.id, day),
    listCategories(commune.id, { activeOnly: true }),
    session.noticeDocumentId ? db.issuedDocument.findUnique({ where: { id: session.noticeDocumentId }, select: { label: true } }) : null,
  ]);
  const bookers = new Map((await db.user.findMany({ where: { id: { in: bookings.map((b) => b.userId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const kindOptions = CASE_KINDS.map((k) => ({ value: k, label: t(`kind${k}`) }));
  const categoryOptions = [{ value: "", label: t("noCategory") }, ...categories.map((c) => ({ value: c.id, label: c.name }))];
  const base = `/api/communes/${commune.slug}/reception/sessions/${session.id}/notice`;

  return (
    <IntlIsland namespaces={["errors"]}>
      <div className="space-y-8">
        <p>
          <Link href={`/${commune.slug}/staff/reception`} className="underline">
            {t("staffTitle")}
          </Link>
        </p>
        <h1 className={pageTitle}>
          {dmy(session.heldOn)} · {session.hostName}
          {session.hostTitle ? ` (${session.hostTitle})` : ""}
        </h1>
        <p>{session.place}</p>

        <section className="space-y-3" aria-labelledby="register">
          <h2 id="register" className="text-xl font-bold">
            {t("register")}
          </h2>
          {lines.length === 0 ? <p>{t("noVisits")}</p> : null}
          <ul className="space-y-3">
            {lines.map((v) => (
              <li key={v.id} className={`${card} space-y-2`} data-testid="register-line">
                <p className="font-semibold">
                  <Link href={`/${commune.slug}/staff/reception/visits/${v.id}`} className="underline">
                    {t("entry", { number: v.number })}
                  </Link>
                  {" · "}
                  {v.visitorName} · {t(`kind${v.kind}`)}
                </p>
                <p className="text-sm">
                  {t("idNumber")}: <span data-testid="masked-id">{v.idNumber ?? t("noId")}</span>
                </p>
                <p className="whitespace-pre-line">{v.summary}</p>
                {v.conclusion ? (
                  <p>
                    <strong>{t("conclusion")}:</strong> {v.conclusion}
                    {v.deadline ? ` (${dmy(v.deadline)})` : ""}
                  </p>
                ) : null}
                {v.caseNumber !== null ? (
                  <p data-testid="visit-case">{t("case", { number: v.caseNumber })}</p>
                ) : (
                  <ActionForm
                    action={openCaseFromVisitAction}
                    fixed={{ communeId: commune.id, visitId: v.id }}
                    fields={[{ name: "categoryId", label: t("category"), kind: "select", options: categoryOptions, defaultValue: "" }]}
                    submitLabel={t("openCaseButton")}
                    successMessage={t("caseOpened")}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>

        <section className={`${card} space-y-3`} aria-labelledby="notice">
          <h2 id="notice" className="text-xl font-bold">
            {t("notice")}
          </h2>
          {session.isHeadSession ? (
            <>
              <p data-testid="notice-number">{notice ? t("noticeNumber", { label: shownLabel(notice.label, "TB") }) : t("noticeDraft")}</p>
              <p className="flex flex-wrap gap-4">
                <a href={`${base}/docx`} className="font-semibold underline">
                  {t("downloadDocx")}
                </a>
                <a href={`${base}/pdf`} className="font-semibold underline" data-testid="notice-pdf">
                  {t("downloadPdf")}
                </a>
              </p>
              {!notice && lines.length ? (
                <ActionForm action={issueConclusionNoticeAction} fixed={{ communeId: commune.id, sessionId: session.id }} fields={[]} submitLabel={t("issueNotice")} successMessage={t("noticeIssued")} />
              ) : null}
            </>
          ) : (
            <p>{t("noticeHeadOnly")}</p>
          )}
        </section>

        <section className={`${card} space-y-3`} aria-labelledby="record">
          <h2 id="record" className="text-xl font-bold">
            {t("recordVisit")}
          </h2>
          <ActionForm
            action={recordReceptionVisitAction}
            fixed={{ communeId: commune.id, sessionId: session.id }}
            fields={[
              {
                name: "bookingId",
                label: t("booking"),
                kind: "select",
                options: [{ value: "", label: t("walkInOption") }, ...bookings.map((b) => ({ value: b.id, label: `${b.slotTime} · ${bookers.get(b.userId) ?? ""}${b.topic ? ` · ${b.topic}` : ""}` }))],
                defaultValue: "",
              },
              { name: "visitorName", label: t("visitorName"), kind: "text", maxLength: 120 },
              { name: "visitorAddress", label: t("visitorAddress"), kind: "text", maxLength: 300 },
              { name: "idNumber", label: t("idNumber"), kind: "text", maxLength: 20 },
              { name: "kind", label: t("kind"), kind: "select", options: kindOptions, defaultValue: "PETITION" },
              { name: "summary", label: t("summary"), kind: "textarea", maxLength: 5000 },
              { name: "peopleCount", label: t("peopleCount"), kind: "number", defaultValue: "1" },
              { name: "representatives", label: t("representatives"), kind: "textarea", maxLength: 1000 },
              { name: "handledBy", label: t("handledBy"), kind: "text", maxLength: 500 },
              { name: "competent", label: t("competent"), kind: "checkbox", defaultChecked: true },
              { name: "guidedTo", label: t("guidedTo"), kind: "text", maxLength: 500 },
              { name: "acceptedBy", label: t("acceptedBy"), kind: "text", maxLength: 500 },
              { name: "conclusion", label: t("conclusion"), kind: "textarea", maxLength: 5000 },
              { name: "deadline", label: t("deadline"), kind: "text", maxLength: 10 },
              { name: "followUp", label: t("followUp"), kind: "text", maxLength: 2000 },
              { name: "notes", label: t("notes"), kind: "text", maxLength: 2000 },
              { name: "openCase", label: t("openCase"), kind: "checkbox" },
              { name: "categoryId", label: t("category"), kind: "select", options: categoryOptions, defaultValue: "" },
            ]}
            submitLabel={t("record")}
            successMessage={t("recorded")}
          />
        </section>
      </div>
    </IntlIsland>
  );
}
