import { getTranslations } from "next-intl/server";

import type { Role } from "@/lib/generated/prisma/enums";
import { HOUSEHOLD_ROLES } from "@/lib/households/roles";
import { Link } from "@/lib/i18n/navigation";
import { PEOPLE_ROLES } from "@/lib/people/roles";

type Section = "residents" | "import" | "pending" | "outbox" | "corrections" | "villages";

const SECTIONS: { key: Section; path: string; roles: readonly Role[]; ns?: "households.nav" }[] = [
  { key: "residents", path: "residents", roles: PEOPLE_ROLES.searchResidents },
  { key: "import", path: "residents/import", roles: PEOPLE_ROLES.importList },
  { key: "pending", path: "residents/pending", roles: PEOPLE_ROLES.verifyRegistration },
  { key: "outbox", path: "residents/outbox", roles: PEOPLE_ROLES.readOutbox },
  // The living household list (lib/households).
  { key: "corrections", path: "households/corrections", roles: HOUSEHOLD_ROLES.answerCorrection, ns: "households.nav" },
  { key: "villages", path: "villages", roles: HOUSEHOLD_ROLES.changeVillages, ns: "households.nav" },
];

/** The people section's own tabs, those the user's roles open. */
export async function PeopleNav({ slug, active, roles }: { slug: string; active: Section; roles: readonly Role[] }) {
  const [t, tHouseholds] = await Promise.all([getTranslations("people.nav"), getTranslations("households.nav")]);
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-2">
      {SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r))).map((s) => (
        <Link
          key={s.key}
          href={`/${slug}/staff/${s.path}`}
          aria-current={s.key === active ? "page" : undefined}
          className={`inline-flex min-h-11 items-center rounded-lg px-3 font-medium ${s.key === active ? "bg-brand-700 text-white no-underline" : "border border-stone-300 bg-white"}`}
        >
          {s.ns ? tHouseholds(s.key) : t(s.key)}
        </Link>
      ))}
    </nav>
  );
}
