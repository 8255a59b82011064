import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { card, pageTitle } from "@/components/ui/styles";
import { FRONT_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { vnDate } from "@/lib/participation/record-vote";
import { listRegister } from "@/lib/reception/register";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reception" });
  return { title: t("register") };
}

/** The Front supervises the reception register: no ID number, no denouncer's identity (lib/reception/register.ts). */
export default async function FrontReception({ params }: { params: Promise<{ locale: string; commune: string }> }) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { access } = await requirePageAccess(locale, slug, FRONT_ROLES);
  const [lines, t] = await Promise.all([listRegister(access), getTranslations("reception")]);
  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("register")}</h1>
      {lines.length === 0 ? <p>{t("noVisits")}</p> : null}
      <ul className="space-y-3">
        {lines.map((v) => (
          <li key={v.id} className={`${card} space-y-1`} data-testid="register-line">
            <p className="font-semibold">
              {t("entry", { number: v.number })} · {vnDate(v.visitedAt)} · {t(`kind${v.kind}`)}
            </p>
            <p>{v.visitorName ? `${v.visitorName}, ${v.visitorAddress}` : t("denouncerHidden")}</p>
            <p className="whitespace-pre-line">{v.summary}</p>
            {v.conclusion ? (
              <p>
                <strong>{t("conclusion")}:</strong> {v.conclusion}
                {v.deadline ? ` (${vnDate(v.deadline)})` : ""}
              </p>
            ) : null}
            {v.caseNumber !== null ? <p>{t("case", { number: v.caseNumber })}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
