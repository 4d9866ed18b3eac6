-- CreateEnum
CREATE TYPE "LeakedKeyAction" AS ENUM ('revoke', 'notify');

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "allowedIps" JSONB,
ADD COLUMN     "canary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "canaryMailedAt" TIMESTAMP(3),
ADD COLUMN     "canaryUnmailed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ApiKeySecret" ADD COLUMN     "leakedAt" TIMESTAMP(3),
ADD COLUMN     "leakedSource" TEXT,
ADD COLUMN     "leakedUrl" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "leakedKeyAction" "LeakedKeyAction" NOT NULL DEFAULT 'revoke';

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "disabled" BOOLEAN NOT NULL DEFAULT false;
