-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "removedAt" TIMESTAMP(3),
ADD COLUMN     "removedById" TEXT;
