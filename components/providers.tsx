"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

export function Providers({ children }: { children: ReactNode }) {
  // The session is read in the browser: public pages stay static and cacheable for everyone.
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
