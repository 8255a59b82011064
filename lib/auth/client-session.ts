"use client";

// The session as the browser sees it, without next-auth's client library and without a provider in
// the root layout: public pages are the same static HTML for everyone, and the few islands that
// depend on who is signed in (the user menu, the opinion form, the ballot) ask once per page load.
import { useSyncExternalStore } from "react";

import type { SessionMembership } from "./roles";
import { safeCallbackPath } from "./safe-callback";

export type ClientSessionUser = { id: string; name: string; isPlatformAdmin: boolean; memberships: SessionMembership[] };
/** The shape of next-auth's useSession(), so that islands read it the same way. */
export type ClientSession = { status: "loading" | "authenticated" | "unauthenticated"; data: { user: ClientSessionUser } | null };

let pending: Promise<ClientSessionUser | null> | null = null;
let current: ClientSessionUser | null | undefined;
const listeners = new Set<() => void>();

function load(): Promise<ClientSessionUser | null> {
  if (pending) return pending;
  const request = fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" })
    .then((res): Promise<{ user?: ClientSessionUser }> | object => (res.ok ? res.json() : {}))
    .then((session): ClientSessionUser | null => {
      const user = (session as { user?: ClientSessionUser }).user ?? null;
      current = user;
      for (const listener of listeners) listener();
      return user;
    })
    .catch(() => {
      pending = null;
      return null;
    });
  pending = request;
  return request;
}

/** Reads the session again (after signing in without a page load), and tells every island. */
export function refreshSession(): Promise<ClientSessionUser | null> {
  pending = null;
  return load();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (current === undefined) void load();
  return () => void listeners.delete(listener);
}

export function useSession(): ClientSession {
  // On the server and while hydrating: "loading", the same for everyone, so pages stay static.
  const user = useSyncExternalStore(
    subscribe,
    () => current,
    () => undefined,
  );
  if (user === undefined) return { status: "loading", data: null };
  return user ? { status: "authenticated", data: { user } } : { status: "unauthenticated", data: null };
}

/** Signs out through next-auth's route (with its CSRF token), then loads `callbackUrl`. */
export async function signOut(callbackUrl = "/") {
  const { csrfToken } = (await fetch("/api/auth/csrf", { credentials: "same-origin" }).then((r) => r.json())) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
}

/**
 * Signs in with next-auth's credentials provider as its client library does (CSRF token, then the
 * callback route answering with JSON), without shipping that library. `error` is the provider's
 * reason ("invalidCredentials", "rateLimited:<seconds>"…) or null when signed in.
 */
export async function signInWithCredentials(identifier: string, password: string): Promise<{ ok: boolean; error: string | null }> {
  const { csrfToken } = (await fetch("/api/auth/csrf", { credentials: "same-origin" }).then((r) => r.json())) as { csrfToken: string };
  const res = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ identifier, password, csrfToken, callbackUrl: window.location.href, json: "true" }),
  });
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  const error = data.url ? new URL(data.url, window.location.href).searchParams.get("error") : "failed";
  if (res.ok && !error) {
    await refreshSession();
    return { ok: true, error: null };
  }
  return { ok: false, error: error ?? "failed" };
}
