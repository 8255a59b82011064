-- CreateTable
CREATE TABLE "Open311Client" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contact" TEXT,
    "keyPrefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "Open311Client_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Open311Client_keyHash_key" ON "Open311Client"("keyHash");

-- CreateIndex
CREATE INDEX "Open311Client_communeId_createdAt_idx" ON "Open311Client"("communeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Open311Client_id_communeId_key" ON "Open311Client"("id", "communeId");

-- AddForeignKey
ALTER TABLE "Open311Client" ADD CONSTRAINT "Open311Client_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The Open311 request list (lib/open311/georeport.ts): public cases of a commune in a window of
-- received dates, newest first, at most 1000. Without it PostgreSQL reads every case of the commune
-- and sorts (a sequential scan over 20,000 cases in the bench). Partial: only public, unmerged cases.
CREATE INDEX "Case_public_receivedAt_idx" ON "Case"("communeId", "receivedAt" DESC) WHERE "isPublic" AND "mergedIntoId" IS NULL;
