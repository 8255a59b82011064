-- AlterTable
ALTER TABLE "IssuedDocument" ADD COLUMN     "numberedAt" TIMESTAMP(3),
ADD COLUMN     "numberedById" TEXT,
ALTER COLUMN "number" DROP NOT NULL,
ALTER COLUMN "label" DROP NOT NULL;
