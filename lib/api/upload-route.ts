// Upload routes are left out of proxy.ts's matcher (see the comment there): when a proxy runs, Next
// buffers the whole request body (up to 10 MB, then silently cuts it) before the route sees it, so the
// route could neither check the role first nor hold its own size cap. These routes therefore set the
// API security headers themselves, the ones proxy.ts sets on every other API answer.
import { env } from "@/lib/env";
import { apiSecurityHeaders } from "@/lib/security-headers";

const headers = apiSecurityHeaders({ hsts: env.HSTS });

export function withApiHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Wraps an upload route handler so that every answer, refusals included, carries the API headers. */
export function uploadRoute<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A) => withApiHeaders(await handler(request, ...rest));
}
