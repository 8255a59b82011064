"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * The same page in the other language. Vietnamese addresses carry no prefix, English ones start with
 * /en. The label comes from the server component; the island only reads the current path.
 */
export function LanguageSwitch({ locale, label }: { locale: string; label: string }) {
  const pathname = usePathname() ?? "/";
  const other = locale === "vi" ? "en" : "vi";
  // next/navigation gives the address as the browser shows it.
  const bare = pathname.replace(/^\/(vi|en)(?=\/|$)/, "") || "/";
  const href = other === "vi" ? bare : `/en${bare === "/" ? "" : bare}`;
  return (
    <Link href={href} lang={other} hrefLang={other} className="rounded px-2 py-1 text-sm font-medium text-white underline-offset-2 hover:underline">
      {label}
    </Link>
  );
}
