-- CreateTable
CREATE TABLE "Shortlist" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tenderReference" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shortlist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistEntry" (
    "shortlistId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "note" TEXT,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortlistEntry_pkey" PRIMARY KEY ("shortlistId","companyId")
);

-- CreateTable
CREATE TABLE "ShortlistShare" (
    "shortlistId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortlistShare_pkey" PRIMARY KEY ("shortlistId","accountId")
);

-- CreateTable
CREATE TABLE "ShortlistSnapshot" (
    "id" UUID NOT NULL,
    "shortlistId" UUID NOT NULL,
    "takenById" UUID NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rows" JSONB NOT NULL,
    "entryCount" INTEGER NOT NULL,

    CONSTRAINT "ShortlistSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Shortlist_ownerId_updatedAt_idx" ON "Shortlist"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "ShortlistEntry_shortlistId_addedAt_idx" ON "ShortlistEntry"("shortlistId", "addedAt");

-- CreateIndex
CREATE INDEX "ShortlistEntry_companyId_idx" ON "ShortlistEntry"("companyId");

-- CreateIndex
CREATE INDEX "ShortlistShare_accountId_idx" ON "ShortlistShare"("accountId");

-- CreateIndex
CREATE INDEX "ShortlistSnapshot_shortlistId_takenAt_idx" ON "ShortlistSnapshot"("shortlistId", "takenAt");

-- AddForeignKey
ALTER TABLE "Shortlist" ADD CONSTRAINT "Shortlist_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEntry" ADD CONSTRAINT "ShortlistEntry_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEntry" ADD CONSTRAINT "ShortlistEntry_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistShare" ADD CONSTRAINT "ShortlistShare_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistShare" ADD CONSTRAINT "ShortlistShare_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistSnapshot" ADD CONSTRAINT "ShortlistSnapshot_shortlistId_fkey" FOREIGN KEY ("shortlistId") REFERENCES "Shortlist"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistSnapshot" ADD CONSTRAINT "ShortlistSnapshot_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
