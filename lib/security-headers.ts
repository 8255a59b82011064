// Security headers for every page, computed at run time so that the configured tile server is the
// only outside origin the browser may load from.

export function contentSecurityPolicy(tileUrl: string | undefined, isDev: boolean): string {
  let tileOrigin = "";
  if (tileUrl) {
    try {
      // "{s}.tile.example.org" becomes "*.tile.example.org".
      tileOrigin = new URL(tileUrl.replace("{s}", "sub")).origin.replace("//sub.", "//*.");
    } catch {
      tileOrigin = "";
    }
  }
  return [
    "default-src 'self'",
    // Next.js bootstraps hydration with inline scripts; pages are static, so no per-request nonce.
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    // Leaflet positions tiles and markers with inline styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: { tileUrl?: string; hsts: boolean; isDev: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options.tileUrl, options.isDev),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(self)",
    ...(options.hsts ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * For API answers, downloads and the feed: nothing in them may load or run anything, nor be framed.
 * A route that sets its own policy (downloads add "sandbox") keeps it.
 */
export function apiSecurityHeaders(options: { hsts: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(options.hsts ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
