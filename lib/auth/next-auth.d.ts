import type { SessionMembership } from "./roles";

declare module "next-auth" {
  interface Session {
    user?: { id: string; name: string; isPlatformAdmin: boolean; memberships: SessionMembership[] };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    memberships?: SessionMembership[];
    isPlatformAdmin?: boolean;
    refreshedAt?: number;
    /** User.sessionVersion when this session signed in. */
    sessionVersion?: number;
  }
}
