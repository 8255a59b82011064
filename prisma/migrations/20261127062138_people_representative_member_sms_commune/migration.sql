-- AlterTable
ALTER TABLE "SmsMessage" ADD COLUMN     "communeId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Resident_id_householdId_key" ON "Resident"("id", "householdId");

-- CreateIndex
CREATE INDEX "SmsMessage_communeId_createdAt_idx" ON "SmsMessage"("communeId", "createdAt");

-- Added by hand (Prisma cannot express it): a household's representative must be one of its own
-- members. Household.representativeId is already unique, so each resident represents at most one
-- household, and this key makes the representative a member of that household. A representative
-- who is not a member (possible before this key) is cleared first, for staff to mark again.
-- (No semicolons in these comments: the migration engine splits the script on them.)
UPDATE "Household" h SET "representativeId" = NULL
WHERE h."representativeId" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Resident" r WHERE r."id" = h."representativeId" AND r."householdId" = h."id");

ALTER TABLE "Household" ADD CONSTRAINT "Household_representative_member_fkey"
  FOREIGN KEY ("representativeId", "id") REFERENCES "Resident"("id", "householdId")
  ON DELETE RESTRICT ON UPDATE RESTRICT;
