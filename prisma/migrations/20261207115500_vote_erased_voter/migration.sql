-- Erasure (lib/people/erase-links.ts): once a consultation's outcome is published, an erased person's
-- resident vote stays in the count without its link to the resident register. Its key becomes
-- 'erased:' || id, which is unique per vote (so "one row per key and question" still holds) and names no one.
ALTER TABLE "Vote" DROP CONSTRAINT "Vote_voterKey_matches_unit";
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_voterKey_matches_unit"
  CHECK ("voterKey" = 'H:' || COALESCE("householdId", '') OR "voterKey" = 'R:' || COALESCE("residentId", '')
         OR ("voterKey" = 'erased:' || "id" AND "residentId" IS NULL));
