-- CreateEnum
CREATE TYPE "HouseholdChangeKind" AS ENUM ('ADDRESS', 'REPRESENTATIVE', 'PERSON_MOVED', 'HOUSEHOLD_MOVED', 'SPLIT', 'DIED', 'MOVED_AWAY', 'MARKED_GONE', 'VILLAGES_MERGED', 'VILLAGE_SPLIT');

-- CreateEnum
CREATE TYPE "HouseholdCorrectionStatus" AS ENUM ('OPEN', 'ANSWERED');

-- AlterTable
ALTER TABLE "Village" ADD COLUMN     "establishedOn" DATE,
ADD COLUMN     "retiredOn" DATE;

-- CreateTable
CREATE TABLE "HouseholdPeriod" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "HouseholdPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidentPeriod" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "ResidentPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdChange" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "kind" "HouseholdChangeKind" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "householdId" TEXT,
    "residentId" TEXT,
    "villageId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdCorrection" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "HouseholdCorrectionStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HouseholdPeriod_communeId_villageId_validFrom_idx" ON "HouseholdPeriod"("communeId", "villageId", "validFrom");

-- CreateIndex
CREATE INDEX "HouseholdPeriod_householdId_validTo_idx" ON "HouseholdPeriod"("householdId", "validTo");

-- CreateIndex
CREATE INDEX "ResidentPeriod_communeId_villageId_validFrom_idx" ON "ResidentPeriod"("communeId", "villageId", "validFrom");

-- CreateIndex
CREATE INDEX "ResidentPeriod_residentId_validTo_idx" ON "ResidentPeriod"("residentId", "validTo");

-- CreateIndex
CREATE INDEX "HouseholdChange_communeId_householdId_effectiveOn_idx" ON "HouseholdChange"("communeId", "householdId", "effectiveOn");

-- CreateIndex
CREATE INDEX "HouseholdChange_communeId_residentId_idx" ON "HouseholdChange"("communeId", "residentId");

-- CreateIndex
CREATE INDEX "HouseholdChange_communeId_kind_effectiveOn_idx" ON "HouseholdChange"("communeId", "kind", "effectiveOn");

-- CreateIndex
CREATE INDEX "HouseholdCorrection_communeId_status_createdAt_idx" ON "HouseholdCorrection"("communeId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "HouseholdCorrection_userId_createdAt_idx" ON "HouseholdCorrection"("userId", "createdAt");

-- Written by hand: periods on the list kept by the database itself, whichever code changes a household or a
-- person (the import, staff's changes, the seed). The day a change takes effect is the transaction's
-- setting danban.list_day (lib/households/list-day.ts); without it an insert counts from the start of the
-- list (1900-01-01: a first import is the list as it has been) and a change from today in Vietnam.
ALTER TABLE "HouseholdPeriod" ADD CONSTRAINT "HouseholdPeriod_order" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "ResidentPeriod" ADD CONSTRAINT "ResidentPeriod_order" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");

CREATE FUNCTION "danban_list_day"(is_insert boolean) RETURNS date LANGUAGE plpgsql STABLE AS $$
DECLARE
  setting text := current_setting('danban.list_day', true);
BEGIN
  IF setting IS NOT NULL AND setting <> '' THEN RETURN setting::date; END IF;
  IF is_insert THEN RETURN DATE '1900-01-01'; END IF;
  RETURN (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
END $$;

CREATE FUNCTION "danban_household_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  day date := "danban_list_day"(TG_OP = 'INSERT');
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."isActive" AND (NOT NEW."isActive" OR NEW."villageId" <> OLD."villageId") THEN
    IF EXISTS (SELECT 1 FROM "HouseholdPeriod" WHERE "householdId" = NEW.id AND "validTo" IS NULL AND "validFrom" > day) THEN
      RAISE EXCEPTION 'list day % is before the household''s last change', day USING ERRCODE = 'P0001', HINT = 'danban:listDayBeforeLastChange';
    END IF;
    UPDATE "HouseholdPeriod" SET "validTo" = day WHERE "householdId" = NEW.id AND "validTo" IS NULL;
  END IF;
  IF NEW."isActive" AND (TG_OP = 'INSERT' OR NOT OLD."isActive" OR NEW."villageId" <> OLD."villageId") THEN
    INSERT INTO "HouseholdPeriod" (id, "communeId", "householdId", "villageId", "validFrom")
    VALUES (gen_random_uuid()::text, NEW."communeId", NEW.id, NEW."villageId", day);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Household_period" AFTER INSERT OR UPDATE OF "isActive", "villageId" ON "Household"
  FOR EACH ROW EXECUTE FUNCTION "danban_household_period"();

CREATE FUNCTION "danban_resident_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  day date := "danban_list_day"(TG_OP = 'INSERT');
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."isActive" AND (NOT NEW."isActive" OR NEW."villageId" <> OLD."villageId" OR NEW."householdId" <> OLD."householdId") THEN
    IF EXISTS (SELECT 1 FROM "ResidentPeriod" WHERE "residentId" = NEW.id AND "validTo" IS NULL AND "validFrom" > day) THEN
      RAISE EXCEPTION 'list day % is before the person''s last change', day USING ERRCODE = 'P0001', HINT = 'danban:listDayBeforeLastChange';
    END IF;
    UPDATE "ResidentPeriod" SET "validTo" = day WHERE "residentId" = NEW.id AND "validTo" IS NULL;
  END IF;
  IF NEW."isActive" AND (TG_OP = 'INSERT' OR NOT OLD."isActive" OR NEW."villageId" <> OLD."villageId" OR NEW."householdId" <> OLD."householdId") THEN
    INSERT INTO "ResidentPeriod" (id, "communeId", "residentId", "householdId", "villageId", "validFrom")
    VALUES (gen_random_uuid()::text, NEW."communeId", NEW.id, NEW."householdId", NEW."villageId", day);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Resident_period" AFTER INSERT OR UPDATE OF "isActive", "villageId", "householdId" ON "Resident"
  FOR EACH ROW EXECUTE FUNCTION "danban_resident_period"();

-- The list as it stands: on it from the start.
INSERT INTO "HouseholdPeriod" (id, "communeId", "householdId", "villageId", "validFrom")
  SELECT gen_random_uuid()::text, "communeId", id, "villageId", DATE '1900-01-01' FROM "Household" WHERE "isActive";
INSERT INTO "ResidentPeriod" (id, "communeId", "residentId", "householdId", "villageId", "validFrom")
  SELECT gen_random_uuid()::text, "communeId", id, "householdId", "villageId", DATE '1900-01-01' FROM "Resident" WHERE "isActive";
