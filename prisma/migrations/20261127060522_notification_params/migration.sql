-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "params" JSONB NOT NULL DEFAULT '{}';
