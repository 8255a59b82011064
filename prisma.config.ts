// Prisma 7 reads no .env file by itself, and env() throws when a variable is unset: load .env here
// and fall back to the embedded database's address so that `prisma generate` always works.
import { defineConfig } from "prisma/config";

try {
  process.loadEnvFile();
} catch {
  // no .env: fine
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed/index.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:54329/postgres" },
});
