-- CreateEnum
CREATE TYPE "DialogueQuestionSource" AS ENUM ('BEFOREHAND', 'ON_THE_DAY');

-- CreateEnum
CREATE TYPE "DialogueAnswerStatus" AS ENUM ('UNANSWERED', 'ANSWERED', 'IN_PROGRESS', 'DONE');

-- CreateTable
CREATE TABLE "DialogueRequest" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "reachedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DialogueRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueSignature" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "enteredById" TEXT NOT NULL,
    "onPaper" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DialogueSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueConference" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "onlineLink" TEXT,
    "topics" TEXT NOT NULL,
    "officials" TEXT NOT NULL,
    "requestId" TEXT,
    "announcedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    "minutesText" TEXT,
    "minutesAttachmentId" TEXT,
    "attendanceCount" INTEGER,
    "recordedAt" TIMESTAMP(3),
    "resultsPublishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DialogueConference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueConferenceVillage" (
    "conferenceId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "attended" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DialogueConferenceVillage_pkey" PRIMARY KEY ("conferenceId","villageId")
);

-- CreateTable
CREATE TABLE "DialogueQuestion" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "conferenceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" "DialogueQuestionSource" NOT NULL,
    "authorId" TEXT,
    "askedBy" TEXT,
    "body" TEXT NOT NULL,
    "agreeCount" INTEGER NOT NULL DEFAULT 0,
    "moderationState" "ModerationState" NOT NULL DEFAULT 'VISIBLE',
    "answer" TEXT,
    "responsible" TEXT,
    "deadline" TIMESTAMP(3),
    "status" "DialogueAnswerStatus" NOT NULL DEFAULT 'UNANSWERED',
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DialogueQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueQuestionAgree" (
    "questionId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DialogueQuestionAgree_pkey" PRIMARY KEY ("questionId","userId")
);

-- CreateTable
CREATE TABLE "DialogueModeration" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "action" "ModerationActionKind" NOT NULL,
    "reason" "ModerationReason" NOT NULL,
    "details" TEXT,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DialogueModeration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DialogueRequest_communeId_createdAt_idx" ON "DialogueRequest"("communeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueRequest_id_communeId_key" ON "DialogueRequest"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueSignature_requestId_residentId_key" ON "DialogueSignature"("requestId", "residentId");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueSignature_id_communeId_key" ON "DialogueSignature"("id", "communeId");

-- CreateIndex
CREATE INDEX "DialogueConference_communeId_startsAt_idx" ON "DialogueConference"("communeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueConference_id_communeId_key" ON "DialogueConference"("id", "communeId");

-- CreateIndex
CREATE INDEX "DialogueQuestion_communeId_status_deadline_idx" ON "DialogueQuestion"("communeId", "status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueQuestion_conferenceId_number_key" ON "DialogueQuestion"("conferenceId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueQuestion_id_communeId_key" ON "DialogueQuestion"("id", "communeId");

-- CreateIndex
CREATE INDEX "DialogueModeration_questionId_createdAt_idx" ON "DialogueModeration"("questionId", "createdAt");

-- AddForeignKey
ALTER TABLE "DialogueSignature" ADD CONSTRAINT "DialogueSignature_requestId_communeId_fkey" FOREIGN KEY ("requestId", "communeId") REFERENCES "DialogueRequest"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueConferenceVillage" ADD CONSTRAINT "DialogueConferenceVillage_conferenceId_communeId_fkey" FOREIGN KEY ("conferenceId", "communeId") REFERENCES "DialogueConference"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestion" ADD CONSTRAINT "DialogueQuestion_conferenceId_communeId_fkey" FOREIGN KEY ("conferenceId", "communeId") REFERENCES "DialogueConference"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueQuestionAgree" ADD CONSTRAINT "DialogueQuestionAgree_questionId_communeId_fkey" FOREIGN KEY ("questionId", "communeId") REFERENCES "DialogueQuestion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueModeration" ADD CONSTRAINT "DialogueModeration_questionId_communeId_fkey" FOREIGN KEY ("questionId", "communeId") REFERENCES "DialogueQuestion"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: the links to shared tables, composite with the commune so that no row points into
-- another commune (kept out of schema.prisma so that Commune, Village and Resident gain no fields).
ALTER TABLE "DialogueRequest" ADD CONSTRAINT "DialogueRequest_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DialogueConference" ADD CONSTRAINT "DialogueConference_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DialogueConference" ADD CONSTRAINT "DialogueConference_requestId_communeId_fkey" FOREIGN KEY ("requestId", "communeId") REFERENCES "DialogueRequest"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DialogueSignature" ADD CONSTRAINT "DialogueSignature_residentId_communeId_fkey" FOREIGN KEY ("residentId", "communeId") REFERENCES "Resident"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DialogueConferenceVillage" ADD CONSTRAINT "DialogueConferenceVillage_villageId_communeId_fkey" FOREIGN KEY ("villageId", "communeId") REFERENCES "Village"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;
