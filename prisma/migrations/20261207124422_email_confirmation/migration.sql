-- An email is used for sign-in and role grants only once confirmed by a link; digests are off by default.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3),
ALTER COLUMN "emailOptOut" SET DEFAULT true;

-- CreateTable
CREATE TABLE "EmailConfirmation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailConfirmation_tokenHash_key" ON "EmailConfirmation"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailConfirmation_userId_idx" ON "EmailConfirmation"("userId");

-- AddForeignKey
ALTER TABLE "EmailConfirmation" ADD CONSTRAINT "EmailConfirmation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Addresses that exist before this change and were proved otherwise stay usable: a platform
-- administrator's (typed on the server by `npm run admin:create`, and their only way to sign in) and the
-- demo communes' officials' (as the seed now marks them). Any other address waits for its owner's link.
UPDATE "User" u SET "emailVerifiedAt" = now()
WHERE u.email IS NOT NULL AND (
  u."isPlatformAdmin"
  OR EXISTS (
    SELECT 1 FROM "Membership" m JOIN "Commune" c ON c.id = m."communeId"
    WHERE m."userId" = u.id AND c."isDemo" AND m.role <> 'RESIDENT'
  )
);
