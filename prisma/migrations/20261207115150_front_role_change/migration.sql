-- CreateEnum
CREATE TYPE "FrontRoleChangeKind" AS ENUM ('APPOINT', 'WITHDRAW');

-- CreateTable
CREATE TABLE "FrontRoleChange" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "FrontRoleChangeKind" NOT NULL,
    "membershipId" TEXT,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "confirmed" BOOLEAN,

    CONSTRAINT "FrontRoleChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FrontRoleChange_communeId_decidedAt_idx" ON "FrontRoleChange"("communeId", "decidedAt");

-- At most one open proposal per person and commune: two administrators' clicks cannot open two.
-- (Prisma's schema language has no partial unique index; it is written here by hand.)
CREATE UNIQUE INDEX "FrontRoleChange_open_key" ON "FrontRoleChange"("communeId", "userId") WHERE "decidedAt" IS NULL;
