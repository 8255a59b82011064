-- CreateEnum
CREATE TYPE "WorkStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'PAUSED', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "Work" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "geometry" JSONB,
    "status" "WorkStatus" NOT NULL DEFAULT 'PLANNED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "startOn" DATE,
    "endOn" DATE,
    "consultationId" TEXT,
    "outcomeNoticeId" TEXT,
    "investor" TEXT,
    "contractor" TEXT,
    "supervisor" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Work_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkVillage" (
    "workId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,

    CONSTRAINT "WorkVillage_pkey" PRIMARY KEY ("workId","villageId")
);

-- CreateIndex
CREATE INDEX "Work_communeId_status_idx" ON "Work"("communeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Work_id_communeId_key" ON "Work"("id", "communeId");

-- CreateIndex
CREATE INDEX "WorkVillage_villageId_idx" ON "WorkVillage"("villageId");

-- AddForeignKey
ALTER TABLE "WorkVillage" ADD CONSTRAINT "WorkVillage_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;
