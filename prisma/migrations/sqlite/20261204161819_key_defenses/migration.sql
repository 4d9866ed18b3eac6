-- AlterTable
ALTER TABLE "ApiKeySecret" ADD COLUMN "leakedAt" DATETIME;
ALTER TABLE "ApiKeySecret" ADD COLUMN "leakedSource" TEXT;
ALTER TABLE "ApiKeySecret" ADD COLUMN "leakedUrl" TEXT;

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
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "canary" BOOLEAN NOT NULL DEFAULT false,
    "allowedIps" JSONB,
    "canaryMailedAt" DATETIME,
    "canaryUnmailed" INTEGER NOT NULL DEFAULT 0,
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
INSERT INTO "new_ApiKey" ("createdAt", "createdById", "createdByLabel", "createdByType", "deletedAt", "expiresAt", "id", "lastUsedAt", "name", "organizationId", "partnerId", "permissions", "permissionsIndex", "preset", "rateLimitPerHour", "updatedAt") SELECT "createdAt", "createdById", "createdByLabel", "createdByType", "deletedAt", "expiresAt", "id", "lastUsedAt", "name", "organizationId", "partnerId", "permissions", "permissionsIndex", "preset", "rateLimitPerHour", "updatedAt" FROM "ApiKey";
DROP TABLE "ApiKey";
ALTER TABLE "new_ApiKey" RENAME TO "ApiKey";
CREATE INDEX "ApiKey_organizationId_deletedAt_createdAt_idx" ON "ApiKey"("organizationId", "deletedAt", "createdAt");
CREATE INDEX "ApiKey_organizationId_name_idx" ON "ApiKey"("organizationId", "name");
CREATE INDEX "ApiKey_partnerId_idx" ON "ApiKey"("partnerId");
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT 'professional',
    "requireApiToken" BOOLEAN NOT NULL DEFAULT false,
    "allowQueryKeys" BOOLEAN NOT NULL DEFAULT true,
    "defaultRateLimitPerHour" INTEGER NOT NULL DEFAULT 1000,
    "revealPolicy" TEXT NOT NULL DEFAULT 'reveal',
    "leakedKeyAction" TEXT NOT NULL DEFAULT 'revoke',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organization" ("allowQueryKeys", "createdAt", "defaultRateLimitPerHour", "id", "name", "plan", "requireApiToken", "revealPolicy", "slug", "updatedAt") SELECT "allowQueryKeys", "createdAt", "defaultRateLimitPerHour", "id", "name", "plan", "requireApiToken", "revealPolicy", "slug", "updatedAt" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE TABLE "new_Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "lastActivityAt" DATETIME,
    "claimedAt" DATETIME,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Partner_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Partner" ("claimedAt", "createdAt", "deletedAt", "email", "id", "lastActivityAt", "level", "name", "organizationId", "updatedAt") SELECT "claimedAt", "createdAt", "deletedAt", "email", "id", "lastActivityAt", "level", "name", "organizationId", "updatedAt" FROM "Partner";
DROP TABLE "Partner";
ALTER TABLE "new_Partner" RENAME TO "Partner";
CREATE INDEX "Partner_organizationId_deletedAt_idx" ON "Partner"("organizationId", "deletedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
