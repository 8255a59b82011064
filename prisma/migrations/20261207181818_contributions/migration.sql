-- CreateEnum
CREATE TYPE "ContributionUnit" AS ENUM ('MONEY', 'LABOUR_DAYS');

-- CreateEnum
CREATE TYPE "ContributionEntryKind" AS ENUM ('RECEIPT', 'REVERSAL');

-- CreateTable
CREATE TABLE "Contribution" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "consultationId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "workId" TEXT,
    "unit" "ContributionUnit" NOT NULL,
    "levelPerHousehold" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "openedAt" TIMESTAMP(3),
    "disclosedAt" TIMESTAMP(3),
    "disclosureEndsAt" TIMESTAMP(3),
    "disclosurePostingId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionVillage" (
    "contributionId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,

    CONSTRAINT "ContributionVillage_pkey" PRIMARY KEY ("contributionId","villageId")
);

-- CreateTable
CREATE TABLE "ContributionCategory" (
    "id" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reducedLevel" INTEGER,

    CONSTRAINT "ContributionCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionExemption" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionExemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionEntry" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "kind" "ContributionEntryKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "receivedBy" TEXT NOT NULL,
    "receiptNumber" TEXT,
    "reversesId" TEXT,
    "reason" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionSpending" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "contributionId" TEXT NOT NULL,
    "spentOn" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionSpending_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "reachedAt" TIMESTAMP(3),
    "putOn" DATE,
    "putMeeting" TEXT,
    "putRecordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeSignature" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "residentId" TEXT,
    "signedOn" DATE NOT NULL,
    "onPaper" BOOLEAN NOT NULL DEFAULT false,
    "enteredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativeSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contribution_communeId_createdAt_idx" ON "Contribution"("communeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contribution_id_communeId_key" ON "Contribution"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionCategory_contributionId_name_key" ON "ContributionCategory"("contributionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionExemption_contributionId_householdId_key" ON "ContributionExemption"("contributionId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionEntry_reversesId_key" ON "ContributionEntry"("reversesId");

-- CreateIndex
CREATE INDEX "ContributionEntry_contributionId_villageId_idx" ON "ContributionEntry"("contributionId", "villageId");

-- CreateIndex
CREATE INDEX "ContributionEntry_contributionId_householdId_idx" ON "ContributionEntry"("contributionId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionEntry_contributionId_receiptNumber_key" ON "ContributionEntry"("contributionId", "receiptNumber");

-- CreateIndex
CREATE INDEX "ContributionSpending_contributionId_idx" ON "ContributionSpending"("contributionId");

-- CreateIndex
CREATE INDEX "Initiative_communeId_villageId_idx" ON "Initiative"("communeId", "villageId");

-- CreateIndex
CREATE UNIQUE INDEX "Initiative_id_communeId_key" ON "Initiative"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "InitiativeSignature_initiativeId_householdId_key" ON "InitiativeSignature"("initiativeId", "householdId");

-- AddForeignKey
ALTER TABLE "ContributionVillage" ADD CONSTRAINT "ContributionVillage_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionCategory" ADD CONSTRAINT "ContributionCategory_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionExemption" ADD CONSTRAINT "ContributionExemption_contributionId_communeId_fkey" FOREIGN KEY ("contributionId", "communeId") REFERENCES "Contribution"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionExemption" ADD CONSTRAINT "ContributionExemption_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ContributionCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionEntry" ADD CONSTRAINT "ContributionEntry_contributionId_communeId_fkey" FOREIGN KEY ("contributionId", "communeId") REFERENCES "Contribution"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionSpending" ADD CONSTRAINT "ContributionSpending_contributionId_communeId_fkey" FOREIGN KEY ("contributionId", "communeId") REFERENCES "Contribution"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSignature" ADD CONSTRAINT "InitiativeSignature_initiativeId_communeId_fkey" FOREIGN KEY ("initiativeId", "communeId") REFERENCES "Initiative"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The contribution ledger is append-only: a correction is a reversing entry, never an edit or a delete.
CREATE FUNCTION "contribution_entry_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ContributionEntry is append-only: record a reversing entry instead';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "ContributionEntry_append_only" BEFORE UPDATE OR DELETE ON "ContributionEntry"
  FOR EACH ROW EXECUTE FUNCTION "contribution_entry_append_only"();
