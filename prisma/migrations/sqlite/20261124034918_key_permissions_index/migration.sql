-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "partnerId" TEXT,
    "name" TEXT NOT NULL,
    "permissions" JSONB NOT NULL,
    "permissionsIndex" TEXT NOT NULL DEFAULT '',
    "preset" TEXT,
    "expiresAt" DATETIME,
    "rateLimitPerHour" INTEGER,
    "createdByType" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT NOT NULL,
    "lastUsedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiKey" ("createdAt", "createdById", "createdByLabel", "createdByType", "deletedAt", "expiresAt", "id", "lastUsedAt", "name", "organizationId", "partnerId", "permissions", "preset", "rateLimitPerHour", "updatedAt") SELECT "createdAt", "createdById", "createdByLabel", "createdByType", "deletedAt", "expiresAt", "id", "lastUsedAt", "name", "organizationId", "partnerId", "permissions", "preset", "rateLimitPerHour", "updatedAt" FROM "ApiKey";
DROP TABLE "ApiKey";
ALTER TABLE "new_ApiKey" RENAME TO "ApiKey";
CREATE INDEX "ApiKey_organizationId_deletedAt_createdAt_idx" ON "ApiKey"("organizationId", "deletedAt", "createdAt");
CREATE INDEX "ApiKey_organizationId_name_idx" ON "ApiKey"("organizationId", "name");
CREATE INDEX "ApiKey_partnerId_idx" ON "ApiKey"("partnerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: the permission list as "|a|b|" text for existing keys
UPDATE "ApiKey" SET "permissionsIndex" = '|' || (SELECT group_concat(value, '|') FROM json_each("ApiKey"."permissions")) || '|';
