-- AlterTable
ALTER TABLE "PeriodicReport" DROP COLUMN "numberLabel";

-- AddForeignKey
ALTER TABLE "PeriodicReport" ADD CONSTRAINT "PeriodicReport_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "IssuedDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;
