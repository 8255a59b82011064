// Navigation in the current language, for server components and islands alike. Written here rather
// than taken from next-intl's createNavigation: importing that from a server component registers its
// client Link, which ships the translation runtime (about 18 KB) to every page (README, "Client
// islands"). Client islands that need a router use ./client-navigation.
import { redirect as nextRedirect } from "next/navigation";

import { getPathname } from "./pathname";

export { Link } from "./link";
export { getPathname };

/** Redirects to `href` in `locale`. */
export function redirect({ href, locale }: { href: string; locale: string }): never {
  return nextRedirect(getPathname({ href, locale }));
}
