import { getLocale, getTranslations } from "next-intl/server";

import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

import { LanguageSwitch } from "./language-switch";
import { TextSizeSwitch } from "./text-size-switch";
import { UserMenu } from "./user-menu";

export async function SiteHeader({ commune }: { commune?: { slug: string; name: string } }) {
  const t = await getTranslations("common");
  const tr = await getTranslations("readAloud");
  const locale = await getLocale();
  const prefix = locale === routing.defaultLocale ? "" : `/${locale}`;
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link href={commune ? `/${commune.slug}` : "/"} className="flex flex-col text-white no-underline hover:no-underline">
          <span className="text-lg font-bold leading-tight">{t("appName")}</span>
          {commune ? <span className="text-sm text-brand-100">{t("peoplesCommittee", { name: commune.name })}</span> : null}
        </Link>
        <nav aria-label={t("account")} className="flex flex-wrap items-center gap-1">
          <UserMenu
            communeSlug={commune?.slug}
            prefix={prefix}
            texts={{ signIn: t("signIn"), register: t("register"), staffArea: t("staffArea"), frontArea: t("frontArea"), signOut: t("signOut") }}
          />
          <TextSizeSwitch label={tr("textSize")} />
          <LanguageSwitch locale={locale} label={locale === "vi" ? t("switchToEnglish") : t("switchToVietnamese")} />
        </nav>
      </div>
    </header>
  );
}
