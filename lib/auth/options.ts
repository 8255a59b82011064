import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { addressFromHeaders } from "@/lib/network/request-address";

import { loadMemberships } from "./memberships";
import { safeCallbackPath } from "./safe-callback";
import { checkCredentials } from "./sign-in";

/** Memberships in the token are refreshed this often, so a new role shows within a minute. */
const REFRESH_MS = 60_000;

function clientIp(headers: Record<string, unknown> | undefined): string {
  return addressFromHeaders((name) => {
    const value = headers?.[name];
    return typeof value === "string" ? value : undefined;
  });
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { identifier: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const identifier = credentials?.identifier ?? "";
        const password = credentials?.password ?? "";
        if (!identifier || !password || identifier.length > 200 || password.length > 200) {
          throw new Error("invalidCredentials");
        }
        const result = await checkCredentials(identifier, password, clientIp(req?.headers));
        if (!result.ok) throw new Error(result.reason);
        const user = await db.user.findUniqueOrThrow({
          where: { id: result.userId },
          select: { id: true, name: true, displayName: true },
        });
        return { id: user.id, name: user.displayName };
      },
    }),
  ],
  callbacks: {
    // next-auth's own check lets `/\evil.com` and encoded variants through; only same-site paths.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, new URL(baseUrl).origin)}`;
    },
    async jwt({ token, user }) {
      const userId = user?.id ?? token.sub;
      if (!userId) return token;
      if (user || !token.refreshedAt || Date.now() - token.refreshedAt > REFRESH_MS) {
        const row = await db.user.findUnique({
          where: { id: userId },
          select: { displayName: true, anonymisedAt: true, isPlatformAdmin: true, sessionVersion: true },
        });
        // A deleted (anonymised) account loses its session at the next refresh, and so does a session
        // signed in before the password last changed (lib/accounts/password-change.ts): within a minute.
        if (!row || row.anonymisedAt) return { ...token, sub: undefined, memberships: [] };
        if (user) token.sessionVersion = row.sessionVersion;
        else if ((token.sessionVersion ?? 0) !== row.sessionVersion) return { ...token, sub: undefined, memberships: [] };
        token.name = row.displayName;
        token.isPlatformAdmin = row.isPlatformAdmin;
        token.memberships = await loadMemberships(userId);
        token.refreshedAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      if (!token.sub) return { ...session, user: undefined };
      session.user = {
        id: token.sub,
        name: token.name ?? "",
        isPlatformAdmin: token.isPlatformAdmin ?? false,
        memberships: token.memberships ?? [],
      };
      return session;
    },
  },
};
