// Navigation in the current language. `Link` is our own (see ./link.tsx); the rest is next-intl's.
export { getPathname, redirect, usePathname, useRouter } from "./navigation-base";
export { Link } from "./link";
