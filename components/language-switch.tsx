"use client";

import { useLocale, useTranslations } from "next-intl";

import { Link, usePathname } from "@/lib/i18n/navigation";

export function LanguageSwitch() {
  const locale = useLocale();
  const pathname = usePathname();
  const t = useTranslations("common");
  const other = locale === "vi" ? "en" : "vi";
  return (
    <Link
      href={pathname}
      locale={other}
      lang={other}
      className="rounded px-2 py-1 text-sm font-medium text-white underline-offset-2 hover:underline"
    >
      {other === "en" ? t("switchToEnglish") : t("switchToVietnamese")}
    </Link>
  );
}
