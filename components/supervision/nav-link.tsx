// The supervision link in the shared navigations (commune footer, staff bar, Front page): one line there.
import { getTranslations } from "next-intl/server";

import { Link } from "@/lib/i18n/navigation";

export async function SupervisionNavLink({ href, className, labelKey = "navLink" }: { href: string; className?: string; labelKey?: "navLink" | "staffTitle" | "frontTitle" }) {
  const t = await getTranslations("supervision");
  return (
    <Link href={href} className={className}>
      {t(labelKey)}
    </Link>
  );
}
