"use client";

import { useSession } from "@/lib/auth/client-session";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";

import type { MyParticipation } from "@/lib/participation/get-my-participation";

type MeState = {
  /** A verified resident of this commune, and the consultation is open. */
  canTakePart: boolean;
  me: MyParticipation | null;
  refresh: () => void;
};

const MeContext = createContext<MeState>({ canTakePart: false, me: null, refresh: () => {} });

export const useMe = () => useContext(MeContext);

/** Loads the signed-in person's reactions and editable opinions once for the whole opinion list. */
export function OpinionMeProvider({
  communeId,
  communeSlug,
  consultationId,
  isOpen,
  children,
}: {
  communeId: string;
  communeSlug: string;
  consultationId: string;
  isOpen: boolean;
  children: ReactNode;
}) {
  const { data: session } = useSession();
  const [me, setMe] = useState<MyParticipation | null>(null);
  const isResident = Boolean(
    session?.user?.memberships.some((m) => m.communeId === communeId && m.role === "RESIDENT" && m.status === "VERIFIED"),
  );
  const refresh = useCallback(() => {
    if (!session?.user) return;
    void fetch(`/api/communes/${communeSlug}/consultations/${consultationId}/me`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: (MyParticipation & { signedIn: boolean }) | null) => setMe(data?.signedIn ? data : null))
      .catch(() => setMe(null));
  }, [session?.user, communeSlug, consultationId]);
  useEffect(refresh, [refresh]);
  return <MeContext.Provider value={{ canTakePart: isResident && isOpen, me, refresh }}>{children}</MeContext.Provider>;
}
