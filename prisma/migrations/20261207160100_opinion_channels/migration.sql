-- AlterTable
ALTER TABLE "Opinion" ADD COLUMN     "meetingId" TEXT,
ADD COLUMN     "receivedOn" DATE;

-- CreateIndex
CREATE INDEX "Opinion_meetingId_idx" ON "Opinion"("meetingId");

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_meetingId_communeId_fkey" FOREIGN KEY ("meetingId", "communeId") REFERENCES "MeetingRecord"("id", "communeId") ON DELETE RESTRICT ON UPDATE CASCADE;
