import path from "node:path";

import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "scripts/test/empty-module.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // Some unit tests render whole DOCX/PDF documents (fonts parsed on first use): seconds of CPU on a
          // loaded 2-core machine. Speed is measured by `npm run bench`, never by a test's timeout.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          globalSetup: ["scripts/test/integration-setup.ts"],
          setupFiles: ["scripts/test/integration-env.ts"],
          // One database for the run: files run one after another so that each test sees only its own writes.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Crash, restart, several instances, backup: the production build served by `next start` in child
        // processes against databases of their own (run after `npm run build`).
        resolve: { alias },
        test: {
          name: "reliability",
          include: ["e2e/reliability/**/*.rel.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
