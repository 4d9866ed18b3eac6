-- AlterTable
ALTER TABLE "ClaimToken" ADD COLUMN     "sentByLabel" TEXT NOT NULL DEFAULT '';
