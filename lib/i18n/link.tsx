import { useLocale } from "next-intl";
import NextLink from "next/link";
import type { ComponentProps } from "react";

import { getPathname } from "./pathname";

type Props = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string; locale?: string };

/**
 * A link to a page of the site in the current (or the given) language: `next/link` with the localised
 * address. Unlike next-intl's Link it renders no client component of its own, so a server component's
 * links need no translation provider in the browser (README, "Client islands"). In a server component
 * the locale comes from the request; in a client island, from the island's provider.
 */
export function Link({ href, locale, ...rest }: Props) {
  const current = useLocale();
  return <NextLink href={getPathname({ href, locale: locale ?? current })} {...rest} />;
}
