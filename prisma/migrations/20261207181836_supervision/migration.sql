-- CreateEnum
CREATE TYPE "SupervisionMemberKind" AS ENUM ('FRONT', 'INSPECTION_BOARD', 'RESIDENT');

-- CreateEnum
CREATE TYPE "SupervisionTopic" AS ENUM ('DESIGN', 'MATERIALS', 'PROGRESS', 'ACCEPTANCE', 'FINAL_ACCOUNTS', 'OTHER');

-- CreateEnum
CREATE TYPE "SupervisionAddressee" AS ENUM ('COMMUNE', 'INVESTOR');

-- CreateEnum
CREATE TYPE "SupervisionRequestKind" AS ENUM ('REQUEST', 'SUSPENSION');

-- CreateTable
CREATE TABLE "SupervisionBoard" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "workId" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "supervisionStartOn" DATE NOT NULL,
    "investorNotifiedOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedOn" DATE,
    "dissolvedAt" TIMESTAMP(3),
    "dissolvedById" TEXT,

    CONSTRAINT "SupervisionBoard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionMember" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "SupervisionMemberKind" NOT NULL,
    "villageId" TEXT,
    "isHead" BOOLEAN NOT NULL DEFAULT false,
    "declarationText" TEXT NOT NULL,
    "declarationSignedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionVisit" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "visitedOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionPhoto" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "visitId" TEXT,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionFinding" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "visitId" TEXT,
    "topic" "SupervisionTopic" NOT NULL,
    "body" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,

    CONSTRAINT "SupervisionFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionRequest" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "kind" "SupervisionRequestKind" NOT NULL,
    "addressee" "SupervisionAddressee" NOT NULL,
    "body" TEXT NOT NULL,
    "sentById" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,

    CONSTRAINT "SupervisionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionBoard_workId_key" ON "SupervisionBoard"("workId");

-- CreateIndex
CREATE INDEX "SupervisionBoard_communeId_idx" ON "SupervisionBoard"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionBoard_id_communeId_key" ON "SupervisionBoard"("id", "communeId");

-- CreateIndex
CREATE INDEX "SupervisionMember_userId_idx" ON "SupervisionMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionMember_boardId_userId_key" ON "SupervisionMember"("boardId", "userId");

-- CreateIndex
CREATE INDEX "SupervisionVisit_boardId_idx" ON "SupervisionVisit"("boardId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionVisit_id_communeId_key" ON "SupervisionVisit"("id", "communeId");

-- CreateIndex
CREATE INDEX "SupervisionPhoto_boardId_idx" ON "SupervisionPhoto"("boardId");

-- CreateIndex
CREATE INDEX "SupervisionPhoto_visitId_idx" ON "SupervisionPhoto"("visitId");

-- CreateIndex
CREATE INDEX "SupervisionFinding_boardId_publishedAt_idx" ON "SupervisionFinding"("boardId", "publishedAt");

-- CreateIndex
CREATE INDEX "SupervisionRequest_boardId_idx" ON "SupervisionRequest"("boardId");

-- CreateIndex
CREATE INDEX "SupervisionRequest_communeId_answeredAt_idx" ON "SupervisionRequest"("communeId", "answeredAt");

-- AddForeignKey
ALTER TABLE "SupervisionBoard" ADD CONSTRAINT "SupervisionBoard_workId_communeId_fkey" FOREIGN KEY ("workId", "communeId") REFERENCES "Work"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionMember" ADD CONSTRAINT "SupervisionMember_boardId_communeId_fkey" FOREIGN KEY ("boardId", "communeId") REFERENCES "SupervisionBoard"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionVisit" ADD CONSTRAINT "SupervisionVisit_boardId_communeId_fkey" FOREIGN KEY ("boardId", "communeId") REFERENCES "SupervisionBoard"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionPhoto" ADD CONSTRAINT "SupervisionPhoto_boardId_communeId_fkey" FOREIGN KEY ("boardId", "communeId") REFERENCES "SupervisionBoard"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionPhoto" ADD CONSTRAINT "SupervisionPhoto_visitId_communeId_fkey" FOREIGN KEY ("visitId", "communeId") REFERENCES "SupervisionVisit"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionFinding" ADD CONSTRAINT "SupervisionFinding_boardId_communeId_fkey" FOREIGN KEY ("boardId", "communeId") REFERENCES "SupervisionBoard"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionFinding" ADD CONSTRAINT "SupervisionFinding_visitId_communeId_fkey" FOREIGN KEY ("visitId", "communeId") REFERENCES "SupervisionVisit"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionRequest" ADD CONSTRAINT "SupervisionRequest_boardId_communeId_fkey" FOREIGN KEY ("boardId", "communeId") REFERENCES "SupervisionBoard"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;
