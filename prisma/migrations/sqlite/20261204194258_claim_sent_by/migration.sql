-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ClaimToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "voidedAt" DATETIME,
    "claimIp" TEXT,
    "claimUserAgent" TEXT,
    "mailStatus" TEXT NOT NULL DEFAULT 'pending',
    "mailError" TEXT,
    "sentByLabel" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimToken_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimToken_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ClaimToken" ("claimIp", "claimUserAgent", "createdAt", "expiresAt", "id", "keyId", "mailError", "mailStatus", "organizationId", "partnerId", "tokenHash", "usedAt", "voidedAt") SELECT "claimIp", "claimUserAgent", "createdAt", "expiresAt", "id", "keyId", "mailError", "mailStatus", "organizationId", "partnerId", "tokenHash", "usedAt", "voidedAt" FROM "ClaimToken";
DROP TABLE "ClaimToken";
ALTER TABLE "new_ClaimToken" RENAME TO "ClaimToken";
CREATE UNIQUE INDEX "ClaimToken_tokenHash_key" ON "ClaimToken"("tokenHash");
CREATE INDEX "ClaimToken_partnerId_idx" ON "ClaimToken"("partnerId");
CREATE INDEX "ClaimToken_keyId_idx" ON "ClaimToken"("keyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
