"use client";

import { signOut, useSession } from "next-auth/react";
import { useTranslations } from "next-intl";

import { FRONT_ROLES, STAFF_AREA_ROLES, hasRole } from "@/lib/auth/roles";
import { Link } from "@/lib/i18n/navigation";

const linkClass = "rounded px-2 py-1 text-sm font-medium text-white underline-offset-2 hover:underline";

export function UserMenu({ communeSlug }: { communeSlug?: string }) {
  const { data, status } = useSession();
  const t = useTranslations("common");
  if (status === "loading") return <span className="inline-block w-24" aria-hidden="true" />;
  const user = data?.user;
  if (!user) {
    return (
      <div className="flex items-center gap-1">
        <Link href="/sign-in" className={linkClass}>
          {t("signIn")}
        </Link>
        {communeSlug ? (
          <Link href={`/${communeSlug}/register`} className={linkClass}>
            {t("register")}
          </Link>
        ) : null}
      </div>
    );
  }
  const slug = communeSlug ?? user.memberships[0]?.communeSlug;
  return (
    <div className="flex flex-wrap items-center gap-1">
      {slug ? (
        <Link href={`/${slug}/account`} className={linkClass} data-testid="signed-in-as">
          {user.name}
        </Link>
      ) : (
        <span className="px-2 text-sm text-brand-100" data-testid="signed-in-as">
          {user.name}
        </span>
      )}
      {slug && hasRole(user.memberships, slug, STAFF_AREA_ROLES) ? (
        <Link href={`/${slug}/staff`} className={linkClass}>
          {t("staffArea")}
        </Link>
      ) : null}
      {slug && hasRole(user.memberships, slug, FRONT_ROLES) ? (
        <Link href={`/${slug}/front`} className={linkClass}>
          {t("frontArea")}
        </Link>
      ) : null}
      <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className={`${linkClass} cursor-pointer`}>
        {t("signOut")}
      </button>
    </div>
  );
}
