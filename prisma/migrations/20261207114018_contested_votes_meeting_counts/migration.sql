-- CreateEnum
CREATE TYPE "VoteDisputeStatus" AS ENUM ('OPEN', 'PROPOSED', 'VOIDED', 'REJECTED');

-- CreateEnum
CREATE TYPE "MeetingCountStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'REJECTED');

-- CreateTable
CREATE TABLE "VoteDispute" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "voteId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "householdId" TEXT,
    "disputedById" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "status" "VoteDisputeStatus" NOT NULL DEFAULT 'OPEN',
    "proposedById" TEXT,
    "proposedAt" TIMESTAMP(3),
    "proposalReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VoteDispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteNotice" (
    "voteId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoteNotice_pkey" PRIMARY KEY ("voteId")
);

-- CreateTable
CREATE TABLE "MeetingCountProposal" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "MeetingCountStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,

    CONSTRAINT "MeetingCountProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VoteDispute_voteId_key" ON "VoteDispute"("voteId");

-- CreateIndex
CREATE INDEX "VoteDispute_communeId_status_idx" ON "VoteDispute"("communeId", "status");

-- CreateIndex
CREATE INDEX "VoteDispute_householdId_idx" ON "VoteDispute"("householdId");

-- CreateIndex
CREATE INDEX "VoteNotice_sentAt_createdAt_idx" ON "VoteNotice"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "MeetingCountProposal_communeId_status_idx" ON "MeetingCountProposal"("communeId", "status");

-- CreateIndex
CREATE INDEX "MeetingCountProposal_consultationId_villageId_idx" ON "MeetingCountProposal"("consultationId", "villageId");

-- Every vote recorded in a household's name, whatever the channel or the code path that wrote it,
-- leaves a notice for the household in the same transaction: the job queue sends it (inbox and text
-- message), and nothing is lost if the sender is down. Resident-unit votes carry their household too.
CREATE FUNCTION "vote_notice_enqueue"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "VoteNotice" ("voteId", "communeId", "createdAt")
  VALUES (NEW."id", NEW."communeId", (now() AT TIME ZONE 'UTC'))
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Vote_notice_enqueue" AFTER INSERT ON "Vote"
  FOR EACH ROW WHEN (NEW."householdId" IS NOT NULL) EXECUTE FUNCTION "vote_notice_enqueue"();

-- A voided vote keeps its row but moves its key aside ("H:<household>#void:<vote id>"), so the unique
-- key (questionId, voterKey) lets the household vote again and still allows one live vote only. The key
-- still names the vote's own household or person; only a voided vote may carry the suffix.
ALTER TABLE "Vote" DROP CONSTRAINT "Vote_voterKey_matches_unit";
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_voterKey_matches_unit" CHECK (
  ("voidedAt" IS NULL AND ("voterKey" = 'H:' || COALESCE("householdId", '') OR "voterKey" = 'R:' || COALESCE("residentId", '')))
  OR ("voidedAt" IS NOT NULL AND ("voterKey" = 'H:' || COALESCE("householdId", '') || '#void:' || "id" OR "voterKey" = 'R:' || COALESCE("residentId", '') || '#void:' || "id"))
);
