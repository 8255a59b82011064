// Matching a registration to the commune's list. The name is compared without diacritics, case or
// extra spaces ("NGUYEN van  an" is "Nguyễn Văn An"), together with the year of birth and the village.
// Only a single, unclaimed person on the list verifies automatically; two people with the same key,
// or one already linked to another account, are left to staff, who can check in person.
import { toSearchKey } from "@/lib/text/search-key";

export type MatchClaim = { name: string; birthYear: number; villageId: string };
export type MatchCandidate = { id: string; nameKey: string; birthYear: number | null; villageId: string; isActive: boolean; isLinked: boolean };
export type MatchOutcome = { kind: "match"; residentId: string } | { kind: "ambiguous"; count: number } | { kind: "taken" } | { kind: "none" };

export const claimKey = (claim: MatchClaim) => ({ nameKey: toSearchKey(claim.name), birthYear: claim.birthYear, villageId: claim.villageId });

export function decideMatch(claim: MatchClaim, candidates: readonly MatchCandidate[]): MatchOutcome {
  const key = claimKey(claim);
  const exact = candidates.filter((c) => c.isActive && c.nameKey === key.nameKey && c.birthYear === key.birthYear && c.villageId === key.villageId);
  if (exact.length === 0) return { kind: "none" };
  if (exact.length > 1) return { kind: "ambiguous", count: exact.length };
  return exact[0]!.isLinked ? { kind: "taken" } : { kind: "match", residentId: exact[0]!.id };
}
