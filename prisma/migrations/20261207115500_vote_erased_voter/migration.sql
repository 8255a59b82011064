-- Erasure (lib/people/erase-links.ts): once a consultation's outcome is published, an erased person's
-- resident vote stays in the count without its link to the resident register. Its key becomes
-- 'erased:' || id, which is unique per vote (so "one row per key and question" still holds) and names no one.
-- The check keeps what 20261207114018 allows: a voided vote's key moved aside ("…#void:<vote id>").
ALTER TABLE "Vote" DROP CONSTRAINT "Vote_voterKey_matches_unit";
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_voterKey_matches_unit" CHECK (
  ("voterKey" = 'erased:' || "id" AND "residentId" IS NULL)
  OR ("voidedAt" IS NULL AND ("voterKey" = 'H:' || COALESCE("householdId", '') OR "voterKey" = 'R:' || COALESCE("residentId", '')))
  OR ("voidedAt" IS NOT NULL AND ("voterKey" = 'H:' || COALESCE("householdId", '') || '#void:' || "id" OR "voterKey" = 'R:' || COALESCE("residentId", '') || '#void:' || "id"))
);
