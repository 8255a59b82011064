import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { IntlIsland } from "@/components/intl-island";
import { VisitForm } from "@/components/supervision/visit-form";
import { card, pageTitle } from "@/components/ui/styles";
import { getSessionUser } from "@/lib/auth/session";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { toVnDate } from "@/lib/consultations/periods";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import {
  answerSupervisionRequestAction,
  dissolveSupervisionBoardAction,
  publishSupervisionFindingAction,
  recordSupervisionFindingAction,
  sendSupervisionRequestAction,
} from "@/lib/supervision/actions";
import { getBoard, mayViewBoard } from "@/lib/supervision/read";
import { ANSWER_ROLES, DISSOLVE_ROLES, OVERSEE_ROLES } from "@/lib/supervision/roles";
import { ANSWER_WITHIN_DAYS } from "@/lib/supervision/rules";
import { ADDRESSEES, REQUEST_KINDS, TOPICS } from "@/lib/supervision/schemas";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string; commune: string; boardId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supervision");
  return { title: t("boardTitle") };
}

/**
 * A supervision board's own page: its members (with their declarations), site visits with photos,
 * findings (published or not), requests with their 15-day clocks. Members record and publish; staff
 * answer requests; the Front or staff record the dissolution. Members, the Front and staff only.
 */
export default async function BoardPage({ params }: Params) {
  const { locale, commune: slug, boardId } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune || boardId.length > 40) notFound();
  const user = await getSessionUser();
  if (!user) redirect(`${locale === "vi" ? "" : `/${locale}`}/sign-in`);
  const viewer = await mayViewBoard(commune.id, boardId, user.id);
  if (!viewer) notFound();
  const board = await getBoard(commune.id, boardId);
  if (!board) notFound();
  const roles = (await db.membership.findMany({ where: { userId: user.id, communeId: commune.id, status: "VERIFIED" }, select: { role: true } })).map((m) => m.role);
  const mayAnswer = roles.some((r) => ANSWER_ROLES.includes(r));
  const mayDissolve = roles.some((r) => DISSOLVE_ROLES.includes(r));
  const mayOversee = roles.some((r) => OVERSEE_ROLES.includes(r));
  const tn = await getTranslations("supervisionNotice");
  const active = board.dissolvedAt === null;
  const canAct = viewer.member && active;
  const t = await getTranslations("supervision");
  const date = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "medium" });
  const instant = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "medium" });
  const today = toVnDate(new Date());

  return (
    <IntlIsland namespaces={["errors", "supervision"]}>
      <article className="space-y-8">
        <div className="space-y-2">
          <p>
            <Link href={`/${commune.slug}/supervision`}>{t("title")}</Link>
          </p>
          <h1 className={pageTitle}>{t("boardHeading", { work: board.work.title })}</h1>
          <p>{board.dissolvedAt ? t("dissolvedNote", { date: date.format(board.acceptedOn!) }) : t("activeNote")}</p>
          <dl className="grid gap-1 sm:grid-cols-2">
            <dt className="font-medium">{t("investor")}</dt>
            <dd>{board.work.investor ?? "—"}</dd>
            <dt className="font-medium">{t("contractor")}</dt>
            <dd>{board.work.contractor ?? "—"}</dd>
            <dt className="font-medium">{t("supervisor")}</dt>
            <dd>{board.work.supervisor ?? "—"}</dd>
            <dt className="font-medium">{t("investorNotifiedOn")}</dt>
            <dd>{date.format(board.investorNotifiedOn)}</dd>
            <dt className="font-medium">{t("supervisionStartOn")}</dt>
            <dd>{date.format(board.supervisionStartOn)}</dd>
          </dl>
          {mayOversee ? (
            // The Front's notice to the investor (Law 10/2022 Art. 45.1.b) in the Decree 30 layout (lib/supervision/investor-notice.ts).
            <p className="flex flex-wrap gap-x-4" data-testid="investor-notice">
              <span>{tn("label")}</span>
              <a href={`/api/communes/${commune.slug}/supervision/${board.id}/investor-notice/pdf`} className="inline-flex min-h-11 items-center underline">{tn("pdf")}</a>
              <a href={`/api/communes/${commune.slug}/supervision/${board.id}/investor-notice/docx`} className="inline-flex min-h-11 items-center underline">{tn("docx")}</a>
            </p>
          ) : null}
          <details className={card}>
            <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("plan")}</summary>
            <p className="whitespace-pre-line">{board.plan}</p>
          </details>
        </div>

        <section aria-labelledby="members-title" className="space-y-3">
          <h2 id="members-title" className="text-xl font-semibold">{t("membersTitle")}</h2>
          <ul className="space-y-2">
            {board.members.map((m) => (
              <li key={m.id} className={card}>
                <p className="font-semibold">
                  {m.name} — {t(`kind.${m.kind}`)}
                  {m.village ? ` (${m.village})` : ""}
                  {m.isHead ? ` · ${t("head")}` : ""}
                </p>
                <p className="text-sm">{t("declaredLine", { date: date.format(m.declarationSignedOn) })}</p>
                <details>
                  <summary className="min-h-11 cursor-pointer py-2 text-sm">{t("declarationText")}</summary>
                  <p className="text-sm">{m.declarationText}</p>
                </details>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="visits-title" className="space-y-3">
          <h2 id="visits-title" className="text-xl font-semibold">{t("visitsTitle")}</h2>
          {board.visits.length === 0 ? <p>{t("noVisits")}</p> : null}
          <ul className="space-y-3">
            {board.visits.map((v) => (
              <li key={v.id} className={card} data-testid="supervision-visit">
                <p className="font-semibold">{t("visitOn", { date: date.format(v.visitedOn), place: v.place })}</p>
                <p className="whitespace-pre-line">{v.notes}</p>
                {v.photos.length ? (
                  <ul className="mt-2 flex flex-wrap gap-2">
                    {v.photos.map((p, i) => (
                      <li key={p.id}>
                        {/* eslint-disable-next-line @next/next/no-img-element -- a private photo served by its own route */}
                        <img src={`/api/communes/${commune.slug}/supervision/photos/${p.id}`} alt={t("photoAlt", { n: i + 1, place: v.place })} className="h-32 w-32 rounded object-cover" />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          {canAct ? (
            <div className={card}>
              <h3 className="mb-2 text-lg font-semibold">{t("recordVisit")}</h3>
              <VisitForm communeId={commune.id} slug={commune.slug} boardId={board.id} today={today} />
            </div>
          ) : null}
        </section>

        <section aria-labelledby="findings-title" className="space-y-3">
          <h2 id="findings-title" className="text-xl font-semibold">{t("findingsTitle")}</h2>
          {board.findings.length === 0 ? <p>{t("noFindings")}</p> : null}
          <ul className="space-y-3">
            {board.findings.map((f) => (
              <li key={f.id} className={card} data-testid="supervision-finding">
                <p className="font-semibold">{t(`topic.${f.topic}`)}</p>
                <p className="whitespace-pre-line">{f.body}</p>
                <p className="text-sm">{f.publishedAt ? t("publishedOn", { date: instant.format(f.publishedAt) }) : t("notPublished")}</p>
                {canAct && !f.publishedAt ? (
                  <ActionForm action={publishSupervisionFindingAction} fixed={{ communeId: commune.id, findingId: f.id }} fields={[]} submitLabel={t("publish")} successMessage={t("publishedOk")} />
                ) : null}
              </li>
            ))}
          </ul>
          {canAct ? (
            <div className={card}>
              <h3 className="mb-2 text-lg font-semibold">{t("recordFinding")}</h3>
              <ActionForm
                action={recordSupervisionFindingAction}
                fixed={{ communeId: commune.id, boardId: board.id }}
                fields={[
                  { name: "topic", label: t("topicLabel"), kind: "select", options: TOPICS.map((k) => ({ value: k, label: t(`topic.${k}`) })) },
                  { name: "visitId", label: t("fromVisit"), kind: "select", options: [{ value: "", label: t("noVisit") }, ...board.visits.map((v) => ({ value: v.id, label: t("visitOn", { date: date.format(v.visitedOn), place: v.place }) }))] },
                  { name: "body", label: t("findingBody"), kind: "textarea", maxLength: 5000, rows: 4 },
                ]}
                submitLabel={t("recordFinding")}
                successMessage={t("findingRecorded")}
              />
            </div>
          ) : null}
        </section>

        <section aria-labelledby="requests-title" className="space-y-3">
          <h2 id="requests-title" className="text-xl font-semibold">{t("requestsTitle")}</h2>
          <p>{t("requestsIntro", { days: ANSWER_WITHIN_DAYS })}</p>
          {board.requests.length === 0 ? <p>{t("noRequests")}</p> : null}
          <ul className="space-y-3">
            {board.requests.map((r) => (
              <li key={r.id} className={card} data-testid="supervision-request">
                <p className="font-semibold">
                  {t(`requestKind.${r.kind}`)} — {t(`addressee.${r.addressee}`)}
                </p>
                <p className="whitespace-pre-line">{r.body}</p>
                <p className="text-sm">
                  {t("sentOn", { date: instant.format(r.sentAt) })} ·{" "}
                  {r.clock.state === "answered"
                    ? t(r.clock.onTime ? "answeredOnTime" : "answeredLate", { date: instant.format(r.clock.answeredAt) })
                    : r.clock.state === "overdue"
                      ? <strong className="text-flag-700">{t("overdue", { days: r.clock.daysLate, date: instant.format(r.clock.deadline) })}</strong>
                      : t("dueBy", { date: instant.format(r.clock.deadline), days: r.clock.daysLeft })}
                </p>
                {r.answer ? <p className="mt-1 whitespace-pre-line border-l-4 border-stone-300 pl-3">{r.answer}</p> : null}
                {mayAnswer && active && !r.answeredAt ? (
                  <ActionForm
                    action={answerSupervisionRequestAction}
                    fixed={{ communeId: commune.id, requestId: r.id }}
                    fields={[{ name: "answer", label: t("answerLabel"), kind: "textarea", maxLength: 5000, rows: 3 }]}
                    submitLabel={t("answerSubmit")}
                    successMessage={t("answeredOk")}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {canAct ? (
            <div className={card}>
              <h3 className="mb-2 text-lg font-semibold">{t("sendRequest")}</h3>
              <ActionForm
                action={sendSupervisionRequestAction}
                fixed={{ communeId: commune.id, boardId: board.id }}
                fields={[
                  { name: "kind", label: t("requestKindLabel"), kind: "select", options: REQUEST_KINDS.map((k) => ({ value: k, label: t(`requestKind.${k}`) })) },
                  { name: "addressee", label: t("addresseeLabel"), kind: "select", options: ADDRESSEES.map((k) => ({ value: k, label: t(`addressee.${k}`) })) },
                  { name: "body", label: t("requestBody"), kind: "textarea", maxLength: 5000, rows: 4 },
                ]}
                submitLabel={t("sendRequest")}
                successMessage={t("requestSent")}
              />
            </div>
          ) : null}
        </section>

        {mayDissolve && active ? (
          <section aria-labelledby="dissolve-title" className={`${card} space-y-2`}>
            <h2 id="dissolve-title" className="text-xl font-semibold">{t("dissolveTitle")}</h2>
            <p>{t("dissolveIntro")}</p>
            <ActionForm
              action={dissolveSupervisionBoardAction}
              fixed={{ communeId: commune.id, boardId: board.id }}
              fields={[{ name: "acceptedOn", label: t("acceptedOn"), kind: "date", defaultValue: today }]}
              submitLabel={t("dissolveSubmit")}
              successMessage={t("dissolvedOk")}
              danger
            />
          </section>
        ) : null}
      </article>
    </IntlIsland>
  );
}
