import { getTranslations } from "next-intl/server";

import { Link } from "@/lib/i18n/navigation";

type Page = "ballot" | "meetings" | "votes" | "online";

/** The staff pages of a consultation's ballot, and its public results. */
export async function BallotStaffNav({
  communeSlug,
  consultationId,
  current,
  isPublic,
  online = false,
}: {
  communeSlug: string;
  consultationId: string;
  current?: Page;
  isPublic: boolean;
  /** An Art. 15.6 matter: the online-deciding page (Decree 59/2023 Art. 5) is offered. */
  online?: boolean;
}) {
  const t = await getTranslations("ballotStaff.nav");
  const tOnline = await getTranslations("onlineDeciding");
  const base = `/${communeSlug}/staff/consultations/${consultationId}`;
  const pages: [Page, string][] = [
    ["ballot", `${base}/ballot`],
    ["meetings", `${base}/meetings`],
    ["votes", `${base}/votes`],
  ];
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-x-4 gap-y-1 rounded-xl border border-stone-200 bg-white p-2">
      {pages.map(([page, href]) => (
        <Link key={page} href={href} aria-current={current === page ? "page" : undefined} className="inline-flex min-h-11 items-center px-2 aria-[current=page]:font-bold aria-[current=page]:no-underline">
          {t(page)}
        </Link>
      ))}
      {online ? (
        <Link href={`${base}/online-deciding`} aria-current={current === "online" ? "page" : undefined} className="inline-flex min-h-11 items-center px-2 aria-[current=page]:font-bold aria-[current=page]:no-underline">
          {tOnline("title")}
        </Link>
      ) : null}
      {isPublic ? (
        <Link href={`/${communeSlug}/consultations/${consultationId}/results`} prefetch={false} className="inline-flex min-h-11 items-center px-2">
          {t("results")}
        </Link>
      ) : null}
    </nav>
  );
}
