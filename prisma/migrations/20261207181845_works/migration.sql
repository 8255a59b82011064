-- CreateEnum
CREATE TYPE "WorkFundSource" AS ENUM ('STATE_BUDGET', 'RESIDENT_CASH', 'LABOUR_DAYS', 'SPONSOR', 'OTHER');

-- CreateTable
CREATE TABLE "WorkBudgetLine" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "workId" TEXT NOT NULL,
    "source" "WorkFundSource" NOT NULL,
    "amountVnd" BIGINT,
    "labourDays" INTEGER,
    "spentVnd" BIGINT,
    "spentDays" INTEGER,
    "note" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WorkBudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkMilestone" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "workId" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "progress" INTEGER,
    "fromStatus" "WorkStatus",
    "toStatus" "WorkStatus",
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkMilestonePhoto" (
    "attachmentId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WorkMilestonePhoto_pkey" PRIMARY KEY ("attachmentId")
);

-- CreateTable
CREATE TABLE "WorkFollow" (
    "userId" TEXT NOT NULL,
    "workId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkFollow_pkey" PRIMARY KEY ("userId","workId")
);

-- CreateTable
CREATE TABLE "WorkComment" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "workId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "moderationState" "ModerationState" NOT NULL DEFAULT 'VISIBLE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkCommentModeration" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "action" "ModerationActionKind" NOT NULL,
    "reason" "ModerationReason" NOT NULL,
    "details" TEXT,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkCommentModeration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOpinion" (
    "workId" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,

    CONSTRAINT "WorkOpinion_pkey" PRIMARY KEY ("workId","opinionId")
);

-- CreateIndex
CREATE INDEX "WorkBudgetLine_workId_idx" ON "WorkBudgetLine"("workId");

-- CreateIndex
CREATE INDEX "WorkMilestone_workId_occurredOn_idx" ON "WorkMilestone"("workId", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "WorkMilestone_id_communeId_key" ON "WorkMilestone"("id", "communeId");

-- CreateIndex
CREATE INDEX "WorkMilestonePhoto_milestoneId_idx" ON "WorkMilestonePhoto"("milestoneId");

-- CreateIndex
CREATE INDEX "WorkFollow_workId_idx" ON "WorkFollow"("workId");

-- CreateIndex
CREATE INDEX "WorkComment_milestoneId_createdAt_idx" ON "WorkComment"("milestoneId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkComment_communeId_moderationState_idx" ON "WorkComment"("communeId", "moderationState");

-- CreateIndex
CREATE INDEX "WorkCommentModeration_commentId_createdAt_idx" ON "WorkCommentModeration"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkOpinion_opinionId_idx" ON "WorkOpinion"("opinionId");

-- AddForeignKey
ALTER TABLE "WorkBudgetLine" ADD CONSTRAINT "WorkBudgetLine_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkMilestone" ADD CONSTRAINT "WorkMilestone_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkMilestonePhoto" ADD CONSTRAINT "WorkMilestonePhoto_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "WorkMilestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkFollow" ADD CONSTRAINT "WorkFollow_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkComment" ADD CONSTRAINT "WorkComment_milestoneId_communeId_fkey" FOREIGN KEY ("milestoneId", "communeId") REFERENCES "WorkMilestone"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkCommentModeration" ADD CONSTRAINT "WorkCommentModeration_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "WorkComment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOpinion" ADD CONSTRAINT "WorkOpinion_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;
