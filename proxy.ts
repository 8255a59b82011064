// Runs before every page: guards the staff and Front areas (each action and route checks again on its
// own), resolves the locale, and sets the security headers. Before API routes and feed.xml it only
// sets the headers (with a policy that loads nothing: these answers are data and files, not pages).
import { getToken } from "next-auth/jwt";
import createIntlMiddleware from "next-intl/middleware";
import { type NextRequest, NextResponse } from "next/server";

import { FRONT_ROLES, STAFF_AREA_ROLES, hasRole } from "@/lib/auth/roles";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { caseListRewrite } from "@/lib/cases/list-key";
import { env } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";
import { apiSecurityHeaders, securityHeaders } from "@/lib/security-headers";
import securityMessages from "@/messages/vi/security.json";

const intl = createIntlMiddleware(routing);
const headers = securityHeaders({ tileUrl: env.TILE_URL, hsts: env.HSTS, isDev: env.NODE_ENV === "development" });
const apiHeaders = apiSecurityHeaders({ hsts: env.HSTS });
const NOT_A_PAGE = /^\/(?:api\/|feed\.xml$)/;
/** The server actions' body limit (next.config.ts, serverActions.bodySizeLimit). */
const ACTION_BODY_LIMIT_MB = 25;
const GUARDED = /^(?:\/(vi|en))?\/([a-z0-9-]+)\/(staff|front)(?:\/|$)/;

function withHeaders(response: NextResponse, set: Record<string, string> = headers): NextResponse {
  for (const [name, value] of Object.entries(set)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (NOT_A_PAGE.test(pathname)) return withHeaders(NextResponse.next(), apiHeaders);
  // Next answers a server action over its body limit with a 500; refuse it here with a 413 and a
  // sentence instead, before anything is read.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = Number(request.headers.get("content-length"));
    if (Number.isFinite(length) && length > ACTION_BODY_LIMIT_MB * 1024 * 1024) {
      const message = securityMessages.requestTooLarge.replace("{maxMb}", String(ACTION_BODY_LIMIT_MB));
      return withHeaders(NextResponse.json({ code: "requestTooLarge", message }, { status: 413 }), apiHeaders);
    }
  }
  const guarded = GUARDED.exec(pathname);
  if (guarded) {
    const locale = guarded[1] ?? routing.defaultLocale;
    const prefix = locale === routing.defaultLocale ? "" : `/${locale}`;
    const token = await getToken({ req: request, secret: env.NEXTAUTH_SECRET });
    if (!token?.sub) {
      const url = new URL(`${prefix}/sign-in`, request.url);
      url.searchParams.set("callbackUrl", safeCallbackPath(`${pathname}${search}`));
      return withHeaders(NextResponse.redirect(url));
    }
    const roles = guarded[3] === "staff" ? STAFF_AREA_ROLES : FRONT_ROLES;
    if (!hasRole(token.memberships, guarded[2]!, roles)) {
      return withHeaders(NextResponse.rewrite(new URL(`/${locale}/forbidden`, request.url), { status: 403 }));
    }
  }
  return withHeaders(casesListRewrite(request, intl(request)));
}

/**
 * The public list of cases (`/[locale]/[commune]/cases?filters&page`) is served by the cached page of
 * its canonical address (lib/cases/list-key.ts): after the locale is resolved, the internal target
 * is swapped for that page. Redirects and every other path pass unchanged.
 */
function casesListRewrite(request: NextRequest, response: NextResponse): NextResponse {
  if (request.method !== "GET" && request.method !== "HEAD") return response;
  const rewrite = response.headers.get("x-middleware-rewrite");
  const target = rewrite ? new URL(rewrite) : response.headers.get("x-middleware-next") ? request.nextUrl : null;
  const path = target ? caseListRewrite(target.pathname, target.searchParams) : null;
  if (!target || !path) return response;
  response.headers.delete("x-middleware-next");
  response.headers.set("x-middleware-rewrite", new URL(path, target).toString());
  return response;
}

export const config = {
  // Pages (not Next's assets, not files with an extension such as icons), the API and the feed.
  // Upload routes are left out: with a proxy in front, Next buffers a request's body (up to 10 MB, then
  // cuts it silently) before the route runs, so an upload would be read before its role check and a
  // file between 10 MB and MAX_UPLOAD_MB would arrive truncated. They set their own API headers
  // (lib/api/upload-route.ts); e2e/privacy.spec.ts sends them a chunked body that never ends.
  matcher: [
    "/((?!api|_next|.*\\..*).*)",
    "/api/((?!consultations/[^/]+/(?:attachments|opinion-photos)$|communes/[^/]+/(?:disclosure/photos|residents/import|dialogues/[^/]+/minutes|conventions/versions/[^/]+/files)$|participation/minutes$).*)",
    "/feed.xml",
  ],
};
