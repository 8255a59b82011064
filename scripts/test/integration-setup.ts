// Vitest global setup for integration tests: one fresh, migrated database per run.
import type { TestProject } from "vitest/node";

import { createTestDatabase } from "../db/test-database";

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("danban_test");
  process.env.DATABASE_URL = database.url;
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
