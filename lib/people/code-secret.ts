import "server-only";

import { env } from "@/lib/env";

/** The key of code hashes: the session secret (required in production), a fixed key in development. */
export const codeSecret = () => env.NEXTAUTH_SECRET ?? "dan-ban-development-only-code-key";
