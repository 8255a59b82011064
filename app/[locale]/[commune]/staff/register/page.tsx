import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { RegisterActionForm, type RegisterFormTexts } from "@/components/register/register-action-form";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import type { DocumentType } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import { recordRegisterNumberAction, setNumberingModeAction } from "@/lib/register/actions";
import { readRegister } from "@/lib/register/read-register";
import { REGISTER_MODE_ROLES, REGISTER_READER_ROLES } from "@/lib/register/roles";
import { NUMBERING_MODES } from "@/lib/register/schemas";

export const dynamic = "force-dynamic";

const TYPES: DocumentType[] = ["BC", "TB", "QD", "KH", "BB"];
const ERROR_KEYS = ["registerNumberInvalid", "registerModeInvalid", "registerDocumentNotFound", "registerAlreadyNumbered", "registerNumberTaken", "forbidden"] as const;

type Props = { params: Promise<{ locale: string; commune: string }>; searchParams: Promise<{ year?: string; type?: string }> };

/**
 * The commune's register of outgoing documents (Decree 30/2020 Art. 15): the numbers issued per type
 * and year, the documents waiting for the number the office's own register gave, and the commune's
 * choice of where numbers come from.
 */
export default async function DocumentRegisterPage({ params, searchParams }: Props) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, REGISTER_READER_ROLES);
  const query = await searchParams;
  const year = /^\d{4}$/.test(query.year ?? "") ? Number(query.year) : undefined;
  const type = TYPES.includes(query.type as DocumentType) ? (query.type as DocumentType) : null;
  const [t, tErrors, format, register] = await Promise.all([getTranslations("documentRegister"), getTranslations("errors"), getFormatter(), readRegister(commune.id, { year, type })]);
  const canSetMode = REGISTER_MODE_ROLES.some((r) => access.roles.includes(r));
  const date = (d: Date) => format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric" });
  const errors = Object.fromEntries(ERROR_KEYS.map((k) => [k, tErrors.raw(k) as string]));
  const base: Omit<RegisterFormTexts, "label" | "submit" | "success"> = { invalid: t("invalidInput"), unexpected: t("unexpected"), errors };
  const href = (y: number, ty: DocumentType | null) => `/${commune.slug}/staff/register?year=${y}${ty ? `&type=${ty}` : ""}`;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className={pageTitle}>{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>

      <section aria-labelledby="mode-title" className={`${card} space-y-3`} data-testid="register-mode">
        <h2 id="mode-title" className="text-xl font-bold">
          {t("modeTitle")}
        </h2>
        <p className="font-semibold">{t("modeCurrent", { mode: t(`modeName${register.mode}`) })}</p>
        <p>{t(`mode${register.mode}`)}</p>
        {canSetMode ? (
          <RegisterActionForm
            action={setNumberingModeAction}
            fixed={{ communeId: commune.id }}
            field={{ name: "mode", kind: "select", options: NUMBERING_MODES.map((m) => ({ value: m, label: t(`modeName${m}`) })), defaultValue: register.mode }}
            texts={{ ...base, label: t("modeLabel"), submit: t("modeSave"), success: t("modeSaved") }}
          />
        ) : null}
      </section>

      <section aria-labelledby="awaiting-title" className="space-y-3" data-testid="register-awaiting">
        <h2 id="awaiting-title" className="text-xl font-bold">
          {t("awaitingTitle")}
        </h2>
        {register.awaiting.length === 0 ? <p>{t("awaitingNone")}</p> : null}
        <ul className="space-y-3">
          {register.awaiting.map((line) => (
            <li key={line.id} className={`${card} space-y-2`} data-testid="register-awaiting-line">
              <p>
                <span className="font-semibold">{t(`typeName.${line.type}`)}</span> · {date(line.issuedAt)} · {line.issuedBy}
              </p>
              <p>{line.subject}</p>
              <RegisterActionForm
                action={recordRegisterNumberAction}
                fixed={{ communeId: commune.id, documentId: line.id }}
                field={{ name: "number", kind: "number" }}
                texts={{ ...base, label: t("numberLabel", { type: `…/${line.type}-UBND`, year: line.year }), submit: t("numberSave"), success: t("numberSaved") }}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="lines-title" className="space-y-3">
        <h2 id="lines-title" className="text-xl font-bold">
          {t("linesTitle", { year: register.year })}
        </h2>
        <nav aria-label={t("filterYear")} className="flex flex-wrap gap-3">
          <span className="font-medium">{t("filterYear")}:</span>
          {register.years.map((y) => (
            <Link key={y} href={href(y, type)} aria-current={y === register.year ? "page" : undefined} className={y === register.year ? "font-bold" : undefined}>
              {y}
            </Link>
          ))}
        </nav>
        <nav aria-label={t("filterType")} className="flex flex-wrap gap-3">
          <span className="font-medium">{t("filterType")}:</span>
          <Link href={href(register.year, null)} aria-current={type === null ? "page" : undefined} className={type === null ? "font-bold" : undefined}>
            {t("allTypes")}
          </Link>
          {TYPES.map((ty) => (
            <Link key={ty} href={href(register.year, ty)} aria-current={ty === type ? "page" : undefined} className={ty === type ? "font-bold" : undefined}>
              {t(`typeName.${ty}`)}
            </Link>
          ))}
        </nav>
        {register.lines.length === 0 ? (
          <p>{t("linesNone", { year: register.year })}</p>
        ) : (
          <div role="region" aria-labelledby="lines-title" tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full min-w-[40rem] border-collapse text-sm" data-testid="register-lines">
              <thead>
                <tr>
                  <th scope="col" className="border-b-2 border-stone-300 p-2 text-left">{t("colNumber")}</th>
                  <th scope="col" className="border-b-2 border-stone-300 p-2 text-left">{t("colType")}</th>
                  <th scope="col" className="border-b-2 border-stone-300 p-2 text-left">{t("colDate")}</th>
                  <th scope="col" className="border-b-2 border-stone-300 p-2 text-left">{t("colSubject")}</th>
                  <th scope="col" className="border-b-2 border-stone-300 p-2 text-left">{t("colIssuer")}</th>
                </tr>
              </thead>
              <tbody>
                {register.lines.map((line) => (
                  <tr key={line.id} data-testid="register-line">
                    <th scope="row" className="border-b border-stone-200 p-2 text-left font-semibold tabular-nums">{line.label}</th>
                    <td className="border-b border-stone-200 p-2">{t(`typeName.${line.type}`)}</td>
                    <td className="border-b border-stone-200 p-2 tabular-nums">{date(line.issuedAt)}</td>
                    <td className="border-b border-stone-200 p-2">{line.subject}</td>
                    <td className="border-b border-stone-200 p-2">{line.issuedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
