-- CreateTable
CREATE TABLE "OnlineDeciding" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "agreedOn" TIMESTAMP(3),
    "villageHeadName" TEXT,
    "frontCommitteeName" TEXT,
    "notifiedOn" TIMESTAMP(3),
    "minutesSentOn" TIMESTAMP(3),
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnlineDeciding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnlineVotingTeamMember" (
    "id" TEXT NOT NULL,
    "onlineDecidingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "isLeader" BOOLEAN NOT NULL DEFAULT false,
    "isFrontRepresentative" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "OnlineVotingTeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnlineFormPollAnswer" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "choosesOnline" BOOLEAN NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnlineFormPollAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OnlineDeciding_consultationId_villageId_key" ON "OnlineDeciding"("consultationId", "villageId");

-- CreateIndex
CREATE INDEX "OnlineVotingTeamMember_onlineDecidingId_idx" ON "OnlineVotingTeamMember"("onlineDecidingId");

-- CreateIndex
CREATE INDEX "OnlineFormPollAnswer_consultationId_villageId_idx" ON "OnlineFormPollAnswer"("consultationId", "villageId");

-- CreateIndex
CREATE UNIQUE INDEX "OnlineFormPollAnswer_consultationId_householdId_key" ON "OnlineFormPollAnswer"("consultationId", "householdId");

-- AddForeignKey
ALTER TABLE "OnlineDeciding" ADD CONSTRAINT "OnlineDeciding_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnlineVotingTeamMember" ADD CONSTRAINT "OnlineVotingTeamMember_onlineDecidingId_fkey" FOREIGN KEY ("onlineDecidingId") REFERENCES "OnlineDeciding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnlineFormPollAnswer" ADD CONSTRAINT "OnlineFormPollAnswer_consultationId_communeId_fkey" FOREIGN KEY ("consultationId", "communeId") REFERENCES "Consultation"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnlineFormPollAnswer" ADD CONSTRAINT "OnlineFormPollAnswer_householdId_communeId_fkey" FOREIGN KEY ("householdId", "communeId") REFERENCES "Household"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;
