-- CreateTable
CREATE TABLE "ClosedVillageCount" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "eligible" INTEGER NOT NULL,
    "frozenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClosedVillageCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClosedVillageCount_questionId_villageId_key" ON "ClosedVillageCount"("questionId", "villageId");

-- AddForeignKey
ALTER TABLE "ClosedVillageCount" ADD CONSTRAINT "ClosedVillageCount_questionId_communeId_fkey" FOREIGN KEY ("questionId", "communeId") REFERENCES "BallotQuestion"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;
