-- CreateEnum
CREATE TYPE "VillageKind" AS ENUM ('THON', 'TO_DAN_PHO');

-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "address" TEXT,
ADD COLUMN     "committeeName" TEXT,
ADD COLUMN     "frontName" TEXT;

-- AlterTable
ALTER TABLE "Village" ADD COLUMN     "kind" "VillageKind" NOT NULL DEFAULT 'THON';
