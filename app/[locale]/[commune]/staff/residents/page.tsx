import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";

import { ConfirmIdentityButton } from "@/components/people/confirm-identity-button";
import { InviteButton } from "@/components/people/invite-button";
import { PeopleNav } from "@/components/people/people-nav";
import { RepresentativeButton } from "@/components/people/representative-button";
import { ResidentSearchForm } from "@/components/people/resident-search-form";
import { Pagination } from "@/components/ui/pagination";
import { card, pageTitle } from "@/components/ui/styles";
import { requirePageAccess } from "@/lib/auth/page-access";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { listVillages } from "@/lib/communes/get-commune";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { headedVillages } from "@/lib/people/invites";
import { PEOPLE_ROLES } from "@/lib/people/roles";
import { residentSearchSchema } from "@/lib/people/schemas";
import { searchResidents } from "@/lib/people/search-residents";

/** The commune's list: staff see every village, a village head their own, with invitation codes. */
export default async function ResidentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const { commune, access } = await requirePageAccess(locale, slug, PEOPLE_ROLES.searchResidents);
  const isStaff = access.roles.some((r) => STAFF_ROLES.includes(r));
  const ownVillages = isStaff ? undefined : headedVillages(access);
  const canInvite = access.roles.includes("VILLAGE_HEAD");
  const invitable = new Set(headedVillages(access));
  const search = residentSearchSchema.parse(await searchParams);
  const [result, villages, t, tEnums, tIdentity, messages] = await Promise.all([
    searchResidents(commune.id, search, ownVillages),
    listVillages(commune.id),
    getTranslations("people.residents"),
    getTranslations("enums"),
    getTranslations("people.identity"),
    getMessages(),
  ]);
  const prefix = locale === "vi" ? "" : `/${locale}`;
  const action = `${prefix}/${commune.slug}/staff/residents`;
  const query = (page: number) => `${action}?${new URLSearchParams({ ...(search.q && { q: search.q }), ...(search.code && { code: search.code }), ...(search.village && { village: search.village }), page: String(page) })}`;
  // The printed slip carries the whole address: the site's configured one, or the one in use.
  const h = await headers();
  const origin = env.NEXTAUTH_URL ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host")}`;
  const registerUrl = `${origin.replace(/\/$/, "")}${prefix}/${commune.slug}/register`;

  return (
    <div className="space-y-4">
      <h1 className={pageTitle}>{t("title")}</h1>
      <PeopleNav slug={commune.slug} active="residents" roles={access.roles} />
      {ownVillages ? <p>{t("ownVillageOnly")}</p> : null}
      <ResidentSearchForm action={action} search={search} villages={villages.filter((v) => !ownVillages || ownVillages.includes(v.id))} />
      <p role="status">{t("found", { count: result.total })}</p>
      <NextIntlClientProvider messages={pickMessages(messages, ["errors", "people.residents", "people.invite", "people.identity"])}>
        <ul className="space-y-3" aria-label={t("households")}>
          {result.households.map((h) => (
            <li key={h.id} className={card} data-testid="household">
              <h2 className="text-lg font-semibold">
                {isStaff ? <Link href={`/${commune.slug}/staff/households/${h.id}`} className="underline">{t("household", { code: h.code })}</Link> : t("household", { code: h.code })} <span className="font-normal text-stone-700">· {h.village.name}</span>
              </h2>
              {h.address ? <p className="text-sm text-stone-700">{h.address}</p> : null}
              <div className="mt-2 overflow-x-auto">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">{t("membersOf", { code: h.code })}</caption>
                  <thead>
                    <tr className="border-b border-stone-300">
                      <th scope="col" className="p-2">{t("name")}</th>
                      <th scope="col" className="p-2">{t("birthYear")}</th>
                      <th scope="col" className="p-2">{t("account")}</th>
                      <th scope="col" className="p-2">{t("role")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.members.map((m) => (
                      <tr key={m.id} className={`border-b border-stone-200 ${m.isMatch ? "bg-amber-50" : ""}`} data-testid="member">
                        <td className="p-2 font-medium">{m.fullName}</td>
                        <td className="p-2">{m.birthYear ?? "—"}</td>
                        <td className="p-2">
                          {m.account ? tEnums(`MembershipStatus.${m.account.status}`) : t("noAccount")}
                          {m.account?.status === "VERIFIED" && m.account.verificationMethod === "LIST_MATCH" ? (
                            <>
                              <span className="block text-stone-700">{tIdentity("listMatchOnly")}</span>
                              {isStaff || invitable.has(h.village.id) ? <ConfirmIdentityButton communeId={commune.id} residentId={m.id} name={m.fullName} /> : null}
                            </>
                          ) : null}
                        </td>
                        <td className="p-2">
                          {h.representativeId === m.id ? (
                            <strong data-testid="representative">{t("representative")}</strong>
                          ) : isStaff ? (
                            <RepresentativeButton communeId={commune.id} householdId={h.id} residentId={m.id} name={m.fullName} />
                          ) : null}
                          {canInvite && !m.account && invitable.has(h.village.id) ? (
                            <InviteButton communeId={commune.id} communeName={commune.name} residentId={m.id} name={m.fullName} registerUrl={registerUrl} />
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </li>
          ))}
        </ul>
      </NextIntlClientProvider>
      <Pagination page={search.page} pageCount={result.pageCount} hrefFor={query} />
    </div>
  );
}
