-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "permissionsIndex" TEXT NOT NULL DEFAULT '';

-- Backfill: the permission list as "|a|b|" text for existing keys
UPDATE "ApiKey" SET "permissionsIndex" = '|' || (SELECT string_agg(x, '|') FROM jsonb_array_elements_text("permissions") AS x) || '|';
