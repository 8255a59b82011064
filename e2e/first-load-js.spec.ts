// First-load JavaScript on the real production build (the one this e2e run serves): every route
// outside the map stays under 150 KB gzipped (product.md). Reads the build output; no browser needed.
import { expect, test } from "@playwright/test";

import { FIRST_LOAD_LIMIT_BYTES, firstLoadJs, formatKb, overLimit } from "../scripts/bench/first-load-js";

test("every route outside the map loads under 150 KB of JavaScript, gzipped", () => {
  const routes = firstLoadJs(process.cwd());
  // The build has its pages: a parser that finds nothing must not pass.
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.every((r) => r.gzipBytes > 50 * 1024), "every route carries at least the framework").toBe(true);
  const over = overLimit(routes).map((r) => `${r.route}: ${formatKb(r.gzipBytes)}`);
  expect(over, `routes at or over ${formatKb(FIRST_LOAD_LIMIT_BYTES)} of first-load JavaScript`).toEqual([]);
});
