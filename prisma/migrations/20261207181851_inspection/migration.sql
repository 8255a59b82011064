-- CreateEnum
CREATE TYPE "InspectionPosition" AS ENUM ('HEAD', 'DEPUTY', 'MEMBER');

-- CreateEnum
CREATE TYPE "InspectionItemKind" AS ENUM ('PLAN', 'REQUEST', 'VERIFICATION', 'RECOMMENDATION', 'MINUTES');

-- CreateEnum
CREATE TYPE "InspectionItemStatus" AS ENUM ('DRAFT', 'SENT', 'ANSWERED', 'FINAL');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'INSPECTOR';

-- CreateTable
CREATE TABLE "InspectionBoard" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "termStart" DATE NOT NULL,
    "termEnd" DATE NOT NULL,
    "recognitionRef" TEXT NOT NULL,
    "recognisedOn" DATE NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionBoard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionMember" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "position" "InspectionPosition" NOT NULL DEFAULT 'MEMBER',
    "userId" TEXT,
    "membershipId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "InspectionMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionItem" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "kind" "InspectionItemKind" NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "InspectionItemStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "subject" TEXT,
    "startsOn" DATE,
    "endsOn" DATE,
    "caseId" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "sentAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "countersignedAt" TIMESTAMP(3),
    "countersignedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InspectionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InspectionBoard_communeId_termStart_idx" ON "InspectionBoard"("communeId", "termStart");

-- CreateIndex
CREATE INDEX "InspectionMember_boardId_idx" ON "InspectionMember"("boardId");

-- CreateIndex
CREATE INDEX "InspectionItem_communeId_kind_status_idx" ON "InspectionItem"("communeId", "kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionItem_communeId_kind_number_key" ON "InspectionItem"("communeId", "kind", "number");

-- AddForeignKey
ALTER TABLE "InspectionMember" ADD CONSTRAINT "InspectionMember_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "InspectionBoard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionItem" ADD CONSTRAINT "InspectionItem_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "InspectionBoard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
