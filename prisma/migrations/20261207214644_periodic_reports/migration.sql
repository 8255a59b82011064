-- CreateEnum
CREATE TYPE "PeriodicReportStatus" AS ENUM ('DRAFT', 'ISSUED');

-- CreateTable
CREATE TABLE "PeriodicReport" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" "PeriodicReportStatus" NOT NULL DEFAULT 'DRAFT',
    "texts" JSONB NOT NULL DEFAULT '{}',
    "snapshot" JSONB,
    "documentId" TEXT,
    "numberLabel" TEXT,
    "issuedAt" TIMESTAMP(3),
    "issuedById" TEXT,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeriodicReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PeriodicReport_documentId_key" ON "PeriodicReport"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodicReport_communeId_period_key" ON "PeriodicReport"("communeId", "period");
