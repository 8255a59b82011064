"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { signOut, useSession } from "@/lib/auth/client-session";
import { FRONT_ROLES, STAFF_AREA_ROLES, hasRole } from "@/lib/auth/roles";

const linkClass = "rounded px-2 py-1 text-sm font-medium text-white underline-offset-2 hover:underline";

export type UserMenuTexts = { signIn: string; register: string; staffArea: string; frontArea: string; signOut: string };

/**
 * Who is signed in, read in the browser so that the page around it stays static. A small island: its
 * texts come from the server component as props and its links are already localised (`prefix` is ""
 * for Vietnamese, "/en" for English), so it needs no translation runtime and no provider.
 */
export function UserMenu({ communeSlug, prefix, texts }: { communeSlug?: string; prefix: string; texts: UserMenuTexts }) {
  const { data, status } = useSession();
  // Re-rendered on every navigation, so the link below always names the page the person is on.
  const pathname = usePathname();
  if (status === "loading") return <span className="inline-block w-24" aria-hidden="true" />;
  const user = data?.user;
  if (!user) {
    return (
      <div className="flex items-center gap-1">
        <Link href={signInHref(prefix, pathname)} className={linkClass}>
          {texts.signIn}
        </Link>
        {communeSlug ? (
          <Link href={`${prefix}/${communeSlug}/register`} className={linkClass}>
            {texts.register}
          </Link>
        ) : null}
      </div>
    );
  }
  const slug = communeSlug ?? user.memberships[0]?.communeSlug;
  return (
    <div className="flex flex-wrap items-center gap-1">
      {slug ? (
        <Link href={`${prefix}/${slug}/account`} className={linkClass} data-testid="signed-in-as">
          {user.name}
        </Link>
      ) : (
        <span className="px-2 text-sm text-brand-100" data-testid="signed-in-as">
          {user.name}
        </span>
      )}
      {slug && hasRole(user.memberships, slug, STAFF_AREA_ROLES) ? (
        <Link href={`${prefix}/${slug}/staff`} className={linkClass}>
          {texts.staffArea}
        </Link>
      ) : null}
      {slug && hasRole(user.memberships, slug, FRONT_ROLES) ? (
        <Link href={`${prefix}/${slug}/front`} className={linkClass}>
          {texts.frontArea}
        </Link>
      ) : null}
      <button type="button" onClick={() => void signOut(prefix || "/")} className={`${linkClass} cursor-pointer`}>
        {texts.signOut}
      </button>
    </div>
  );
}

/**
 * The sign-in page, told to come back here afterwards (not to the commune chooser). Only rendered once
 * the session is known, in the browser, so the query and fragment of the current address are at hand.
 */
function signInHref(prefix: string, pathname: string): string {
  const { search, hash } = window.location;
  if (/\/sign-in$/.test(pathname) || pathname === "/" || pathname === prefix) return `${prefix}/sign-in`;
  return `${prefix}/sign-in?callbackUrl=${encodeURIComponent(`${pathname}${search}${hash}`)}`;
}
