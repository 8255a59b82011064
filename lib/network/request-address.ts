import "server-only";

import { headers } from "next/headers";

import { env } from "@/lib/env";

import { clientAddress } from "./client-address";

/** The requesting client's address (lib/network/client-address.ts), from the request's headers. */
export function addressFromHeaders(get: (name: string) => string | null | undefined): string {
  return clientAddress(get("x-forwarded-for"), env.TRUSTED_PROXIES);
}

/** The same, inside a server action or a server component. */
export async function requestAddress(): Promise<string> {
  const h = await headers();
  return addressFromHeaders((name) => h.get(name));
}
