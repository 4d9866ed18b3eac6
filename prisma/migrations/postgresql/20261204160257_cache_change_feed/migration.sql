-- CreateTable
CREATE TABLE "CacheChange" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CacheChange_createdAt_idx" ON "CacheChange"("createdAt");
