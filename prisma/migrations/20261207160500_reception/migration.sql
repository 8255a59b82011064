-- CreateTable
CREATE TABLE "ReceptionSchedule" (
    "communeId" TEXT NOT NULL,
    "weekdays" INTEGER[],
    "place" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "slotCapacity" INTEGER NOT NULL DEFAULT 2,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceptionSchedule_pkey" PRIMARY KEY ("communeId")
);

-- CreateTable
CREATE TABLE "ReceptionBooking" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "slotTime" TEXT NOT NULL,
    "topic" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "ReceptionBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionSession" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "hostId" TEXT NOT NULL,
    "hostName" TEXT NOT NULL,
    "hostTitle" TEXT,
    "isHeadSession" BOOLEAN NOT NULL DEFAULT false,
    "place" TEXT NOT NULL,
    "noticeDocumentId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceptionSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionCounter" (
    "communeId" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReceptionCounter_pkey" PRIMARY KEY ("communeId")
);

-- CreateTable
CREATE TABLE "ReceptionVisit" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "visitorName" TEXT NOT NULL,
    "visitorAddress" TEXT NOT NULL,
    "idNumber" TEXT,
    "summary" TEXT NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "peopleCount" INTEGER NOT NULL DEFAULT 1,
    "representatives" TEXT[],
    "handledBy" TEXT,
    "competent" BOOLEAN NOT NULL,
    "guidedTo" TEXT,
    "acceptedBy" TEXT,
    "followUp" TEXT,
    "notes" TEXT,
    "conclusion" TEXT,
    "deadline" DATE,
    "caseId" TEXT,
    "bookingId" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceptionVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReceptionBooking_communeId_day_slotTime_idx" ON "ReceptionBooking"("communeId", "day", "slotTime");

-- CreateIndex
CREATE INDEX "ReceptionBooking_userId_idx" ON "ReceptionBooking"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionBooking_id_communeId_key" ON "ReceptionBooking"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionSession_noticeDocumentId_key" ON "ReceptionSession"("noticeDocumentId");

-- CreateIndex
CREATE INDEX "ReceptionSession_communeId_heldOn_idx" ON "ReceptionSession"("communeId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionSession_id_communeId_key" ON "ReceptionSession"("id", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionVisit_caseId_key" ON "ReceptionVisit"("caseId");

-- CreateIndex
CREATE INDEX "ReceptionVisit_communeId_visitedAt_idx" ON "ReceptionVisit"("communeId", "visitedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionVisit_communeId_number_key" ON "ReceptionVisit"("communeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionVisit_id_communeId_key" ON "ReceptionVisit"("id", "communeId");

-- AddForeignKey
ALTER TABLE "ReceptionVisit" ADD CONSTRAINT "ReceptionVisit_sessionId_communeId_fkey" FOREIGN KEY ("sessionId", "communeId") REFERENCES "ReceptionSession"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionVisit" ADD CONSTRAINT "ReceptionVisit_bookingId_communeId_fkey" FOREIGN KEY ("bookingId", "communeId") REFERENCES "ReceptionBooking"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionVisit" ADD CONSTRAINT "ReceptionVisit_caseId_communeId_fkey" FOREIGN KEY ("caseId", "communeId") REFERENCES "Case"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One booking a person a reception day, among those not cancelled (lib/reception/bookings.ts).
CREATE UNIQUE INDEX "ReceptionBooking_one_per_person_day" ON "ReceptionBooking"("communeId", "userId", "day") WHERE "cancelledAt" IS NULL;
