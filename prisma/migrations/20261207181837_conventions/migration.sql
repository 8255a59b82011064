-- CreateEnum
CREATE TYPE "ConventionStatus" AS ENUM ('IN_MAKING', 'IN_FORCE', 'SUSPENDED', 'REPEALED');

-- CreateEnum
CREATE TYPE "ConventionVersionKind" AS ENUM ('NEW', 'AMENDMENT');

-- CreateEnum
CREATE TYPE "ConventionStage" AS ENUM ('PROPOSED', 'DRAFTING', 'POSTED', 'ADOPTED', 'NOT_ADOPTED', 'SUBMITTED', 'RECOGNISED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ConventionProposer" AS ENUM ('HEAD_WITH_FRONT', 'CITIZENS');

-- CreateEnum
CREATE TYPE "ConventionFileKind" AS ENUM ('REQUEST', 'MINUTES', 'ADOPTED_TEXT');

-- CreateEnum
CREATE TYPE "ConventionReviewOutcome" AS ENUM ('KEEP', 'AMEND', 'REPEAL');

-- AlterEnum
ALTER TYPE "DocumentType" ADD VALUE 'QD';

-- CreateTable
CREATE TABLE "Convention" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ConventionStatus" NOT NULL DEFAULT 'IN_MAKING',
    "inForceSince" TIMESTAMP(3),
    "currentVersionId" TEXT,
    "suspendedAt" TIMESTAMP(3),
    "repealedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Convention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionVersion" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "ConventionVersionKind" NOT NULL,
    "stage" "ConventionStage" NOT NULL DEFAULT 'PROPOSED',
    "proposer" "ConventionProposer" NOT NULL,
    "frontHeadName" TEXT,
    "signatures" INTEGER,
    "householdsAtProposal" INTEGER,
    "summary" TEXT NOT NULL,
    "draftingGroup" TEXT[],
    "consultationId" TEXT,
    "adoptionResult" JSONB,
    "adoptedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decisionReasons" TEXT,
    "decisionDocumentId" TEXT,
    "sentAt" TIMESTAMP(3),
    "postedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionDraft" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionFile" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "kind" "ConventionFileKind" NOT NULL,
    "attachmentId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionStep" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "versionId" TEXT,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3),
    "onTime" BOOLEAN,
    "actorId" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "note" TEXT,
    "documentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionReview" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "outcome" "ConventionReviewOutcome" NOT NULL,
    "note" TEXT NOT NULL,
    "reviewedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Convention_communeId_status_idx" ON "Convention"("communeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Convention_id_communeId_key" ON "Convention"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionVersion_conventionId_number_key" ON "ConventionVersion"("conventionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionVersion_id_communeId_key" ON "ConventionVersion"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionDraft_versionId_number_key" ON "ConventionDraft"("versionId", "number");

-- CreateIndex
CREATE INDEX "ConventionFile_versionId_kind_idx" ON "ConventionFile"("versionId", "kind");

-- CreateIndex
CREATE INDEX "ConventionStep_conventionId_at_idx" ON "ConventionStep"("conventionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionReview_conventionId_year_key" ON "ConventionReview"("conventionId", "year");

-- AddForeignKey
ALTER TABLE "ConventionVersion" ADD CONSTRAINT "ConventionVersion_conventionId_communeId_fkey" FOREIGN KEY ("conventionId", "communeId") REFERENCES "Convention"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionDraft" ADD CONSTRAINT "ConventionDraft_versionId_communeId_fkey" FOREIGN KEY ("versionId", "communeId") REFERENCES "ConventionVersion"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionFile" ADD CONSTRAINT "ConventionFile_versionId_communeId_fkey" FOREIGN KEY ("versionId", "communeId") REFERENCES "ConventionVersion"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionStep" ADD CONSTRAINT "ConventionStep_conventionId_communeId_fkey" FOREIGN KEY ("conventionId", "communeId") REFERENCES "Convention"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionReview" ADD CONSTRAINT "ConventionReview_conventionId_communeId_fkey" FOREIGN KEY ("conventionId", "communeId") REFERENCES "Convention"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;
