-- CreateTable
CREATE TABLE "DataBreach" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "discoveredAt" TIMESTAMP(3) NOT NULL,
    "description" TEXT NOT NULL,
    "dataConcerned" TEXT NOT NULL,
    "peopleAffected" INTEGER,
    "authorityNotifiedAt" TIMESTAMP(3),
    "authorityName" TEXT,
    "peopleNotifiedAt" TIMESTAMP(3),
    "peopleNotifiedHow" TEXT,
    "measures" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataBreach_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisterDataRequest" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "residentId" TEXT,
    "requesterName" TEXT NOT NULL,
    "contact" TEXT,
    "kind" "DataRequestKind" NOT NULL,
    "details" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "DataRequestStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegisterDataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DataBreach_communeId_discoveredAt_idx" ON "DataBreach"("communeId", "discoveredAt");

-- CreateIndex
CREATE INDEX "RegisterDataRequest_communeId_status_dueAt_idx" ON "RegisterDataRequest"("communeId", "status", "dueAt");
