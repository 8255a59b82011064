import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Server actions run only for posts from this site (Origin must match Host). Behind a proxy that
// changes the host, the public host names go here, from the setting (read when the server starts).
const allowedOrigins = (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The locale rewrite (proxy.ts → next-intl: /sign-in is served by /vi/sign-in) must stay internal on
  // any bind address. Next normalises a loopback host in the proxy's URLs to "localhost" (NextURL) but
  // compares the rewrite with the address it was started on (`next start -H 127.0.0.1` → 127.0.0.1):
  // the two differ, so the rewrite was taken for an external one, proxied to localhost, answered there
  // with a redirect back to /sign-in, and every page looped on a 307 (vercel/next.js#94745). Without
  // that normalisation the proxy sees the address the server compares with, and the rewrite stays
  // internal. (It also leaves /_next/data URLs as they are: those belong to the Pages Router, unused.)
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@resvg/resvg-js"],
  experimental: {
    // Server actions carry opinions with photos and GeoJSON imports. proxy.ts refuses a larger body
    // with a 413 (ACTION_BODY_LIMIT_MB there), as Next itself would answer 500.
    serverActions: { bodySizeLimit: "25mb", ...(allowedOrigins.length ? { allowedOrigins } : {}) },
    // Cached public pages live in memory only: the database is the one source of truth, and a
    // restarted (or newly added) server never serves a page rendered from older data.
    isrFlushToDisk: false,
  },
};

export default withNextIntl(nextConfig);
