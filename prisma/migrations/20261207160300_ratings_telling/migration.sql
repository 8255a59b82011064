-- CreateEnum
CREATE TYPE "RatingSubjectType" AS ENUM ('CONSULTATION', 'CASE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "textMessages" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RatingInvite" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "subjectType" "RatingSubjectType" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ratedAt" TIMESTAMP(3),

    CONSTRAINT "RatingInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingAnswer" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "subjectType" "RatingSubjectType" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "informedInTime" INTEGER NOT NULL,
    "ableToTakePart" INTEGER NOT NULL,
    "opinionAnswered" INTEGER,
    "outcomeUnderstood" INTEGER NOT NULL,
    "overall" INTEGER NOT NULL,
    "comment" TEXT,

    CONSTRAINT "RatingAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueuedText" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "householdId" TEXT,
    "noticeId" TEXT,
    "userId" TEXT,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "smsMessageId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "QueuedText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RatingInvite_userId_ratedAt_idx" ON "RatingInvite"("userId", "ratedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RatingInvite_subjectType_subjectId_userId_key" ON "RatingInvite"("subjectType", "subjectId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingInvite_id_communeId_key" ON "RatingInvite"("id", "communeId");

-- CreateIndex
CREATE INDEX "RatingAnswer_communeId_subjectType_subjectId_idx" ON "RatingAnswer"("communeId", "subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "RatingAnswer_communeId_quarter_idx" ON "RatingAnswer"("communeId", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "RatingAnswer_id_communeId_key" ON "RatingAnswer"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "QueuedText_key_key" ON "QueuedText"("key");

-- CreateIndex
CREATE INDEX "QueuedText_status_createdAt_idx" ON "QueuedText"("status", "createdAt");

-- CreateIndex
CREATE INDEX "QueuedText_noticeId_idx" ON "QueuedText"("noticeId");

-- CreateIndex
CREATE UNIQUE INDEX "QueuedText_id_communeId_key" ON "QueuedText"("id", "communeId");

-- Each answer is on the 1–5 scale (checked by the database as well as the form).
ALTER TABLE "RatingAnswer" ADD CONSTRAINT "RatingAnswer_scale_check" CHECK (
  "informedInTime" BETWEEN 1 AND 5 AND "ableToTakePart" BETWEEN 1 AND 5 AND ("opinionAnswered" IS NULL OR "opinionAnswered" BETWEEN 1 AND 5)
  AND "outcomeUnderstood" BETWEEN 1 AND 5 AND "overall" BETWEEN 1 AND 5
);
