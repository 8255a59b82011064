import { routing } from "./routing";

/** The address of `href` (a path of the site, without language) in `locale`: no prefix for Vietnamese. */
export function getPathname({ href, locale }: { href: string; locale: string }): string {
  if (locale === routing.defaultLocale) return href || "/";
  if (href === "/" || href === "") return `/${locale}`;
  return `/${locale}${href}`;
}
