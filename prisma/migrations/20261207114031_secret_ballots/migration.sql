-- AlterTable
ALTER TABLE "BallotQuestion" ADD COLUMN     "secret" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SecretBallotBox" (
    "communeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "optionId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SecretBallotBox_pkey" PRIMARY KEY ("questionId","villageId","channel","optionId")
);

-- AddForeignKey
ALTER TABLE "SecretBallotBox" ADD CONSTRAINT "SecretBallotBox_questionId_communeId_fkey" FOREIGN KEY ("questionId", "communeId") REFERENCES "BallotQuestion"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretBallotBox" ADD CONSTRAINT "SecretBallotBox_optionId_communeId_fkey" FOREIGN KEY ("optionId", "communeId") REFERENCES "BallotOption"("id", "communeId") ON DELETE CASCADE ON UPDATE CASCADE;

-- A count never goes below zero, and only the two channels where a secret choice arrives have a box.
ALTER TABLE "SecretBallotBox" ADD CONSTRAINT "SecretBallotBox_count_check" CHECK ("count" >= 0);
ALTER TABLE "SecretBallotBox" ADD CONSTRAINT "SecretBallotBox_channel_check" CHECK ("channel" IN ('WEB', 'PAPER'));
