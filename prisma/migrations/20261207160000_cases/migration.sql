-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('PETITION', 'FEEDBACK', 'COMPLAINT', 'DENUNCIATION');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('RECEIVED', 'CLASSIFIED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'REFUSED', 'TRANSFERRED');

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('WEB', 'STAFF', 'RECEPTION', 'OPEN311', 'PAPER');

-- CreateEnum
CREATE TYPE "CaseFixAnswer" AS ENUM ('YES', 'NO', 'DONT_KNOW');

-- AlterEnum
ALTER TYPE "AttachmentKind" ADD VALUE 'CASE_PHOTO';

-- CreateTable
CREATE TABLE "CaseCategory" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "description" TEXT,
    "expectedResolutionDays" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCounter" (
    "communeId" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseCounter_pkey" PRIMARY KEY ("communeId")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "categoryId" TEXT,
    "kind" "CaseKind" NOT NULL,
    "state" "CaseState" NOT NULL DEFAULT 'RECEIVED',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "address" TEXT,
    "villageId" TEXT,
    "source" "CaseSource" NOT NULL,
    "filedById" TEXT,
    "enteredById" TEXT,
    "senderName" TEXT,
    "senderPhone" TEXT,
    "senderAddress" TEXT,
    "notifyBySms" BOOLEAN NOT NULL DEFAULT false,
    "handlerId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "replyDueAt" TIMESTAMP(3) NOT NULL,
    "repliedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "resolveDueAt" TIMESTAMP(3),
    "isComplex" BOOLEAN NOT NULL DEFAULT false,
    "expectedResolvedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "transferredTo" TEXT,
    "refusalReason" TEXT,
    "mergedIntoId" TEXT,
    "fixCheckDueAt" TIMESTAMP(3),
    "fixAskedAt" TIMESTAMP(3),
    "fixAnswer" "CaseFixAnswer",
    "fixAnsweredAt" TIMESTAMP(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "externalClientId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseUpdate" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT,
    "isPublic" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "fromState" "CaseState",
    "toState" "CaseState",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CasePhoto" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "updateId" TEXT,
    "attachmentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CasePhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseFollow" (
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseFollow_pkey" PRIMARY KEY ("userId","caseId")
);

-- CreateTable
CREATE TABLE "CaseReplyTemplate" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "state" "CaseState" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseReplyTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseCategory_communeId_code_key" ON "CaseCategory"("communeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCategory_id_communeId_key" ON "CaseCategory"("id", "communeId");

-- CreateIndex
CREATE INDEX "Case_communeId_isPublic_state_idx" ON "Case"("communeId", "isPublic", "state");

-- CreateIndex
CREATE INDEX "Case_communeId_state_replyDueAt_idx" ON "Case"("communeId", "state", "replyDueAt");

-- CreateIndex
CREATE INDEX "Case_state_fixCheckDueAt_idx" ON "Case"("state", "fixCheckDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Case_communeId_number_key" ON "Case"("communeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Case_id_communeId_key" ON "Case"("id", "communeId");

-- CreateIndex
CREATE INDEX "CaseUpdate_caseId_createdAt_idx" ON "CaseUpdate"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CasePhoto_attachmentId_key" ON "CasePhoto"("attachmentId");

-- CreateIndex
CREATE INDEX "CasePhoto_caseId_idx" ON "CasePhoto"("caseId");

-- CreateIndex
CREATE INDEX "CaseFollow_caseId_idx" ON "CaseFollow"("caseId");

-- CreateIndex
CREATE INDEX "CaseReplyTemplate_communeId_state_idx" ON "CaseReplyTemplate"("communeId", "state");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_categoryId_communeId_fkey" FOREIGN KEY ("categoryId", "communeId") REFERENCES "CaseCategory"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseUpdate" ADD CONSTRAINT "CaseUpdate_caseId_communeId_fkey" FOREIGN KEY ("caseId", "communeId") REFERENCES "Case"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasePhoto" ADD CONSTRAINT "CasePhoto_caseId_communeId_fkey" FOREIGN KEY ("caseId", "communeId") REFERENCES "Case"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasePhoto" ADD CONSTRAINT "CasePhoto_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "CaseUpdate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseFollow" ADD CONSTRAINT "CaseFollow_caseId_communeId_fkey" FOREIGN KEY ("caseId", "communeId") REFERENCES "Case"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;
