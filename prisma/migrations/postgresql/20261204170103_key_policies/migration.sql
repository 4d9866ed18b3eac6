-- AlterTable
ALTER TABLE "ApiKeySecret" ADD COLUMN     "retireWhenIdleHours" INTEGER;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "idleKeyDays" INTEGER,
ADD COLUMN     "maxKeyLifetimeDays" INTEGER;

-- CreateTable
CREATE TABLE "KeyNotice" (
    "id" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "stamp" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeyNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KeyNotice_createdAt_idx" ON "KeyNotice"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "KeyNotice_keyId_kind_stamp_key" ON "KeyNotice"("keyId", "kind", "stamp");
