-- CreateEnum
CREATE TYPE "InvitationResponse" AS ENUM ('PENDING', 'INTERESTED', 'DECLINED');

-- CreateTable
CREATE TABLE "Tender" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "reference" TEXT,
    "cpvCodes" TEXT[],
    "districtCodes" TEXT[],
    "reserved" BOOLEAN NOT NULL DEFAULT false,
    "socialClauses" TEXT[],
    "budget" DECIMAL(14,2),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderInvitation" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "sentById" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "message" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "response" "InvitationResponse" NOT NULL DEFAULT 'PENDING',
    "respondedAt" TIMESTAMP(3),
    "responseNote" TEXT,

    CONSTRAINT "TenderInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractAward" (
    "id" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "buyerName" TEXT NOT NULL,
    "supplierId" UUID,
    "supplierName" TEXT NOT NULL,
    "supplierTaxId" TEXT NOT NULL,
    "supplierIsEss" BOOLEAN NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "cpvCode" TEXT NOT NULL,
    "awardedOn" DATE NOT NULL,
    "reserved" BOOLEAN NOT NULL DEFAULT false,
    "socialClauses" TEXT[],
    "districtCode" TEXT,
    "procurementMethod" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractAward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Tender_ownerId_updatedAt_idx" ON "Tender"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "TenderInvitation_companyId_idx" ON "TenderInvitation"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "TenderInvitation_tenderId_companyId_key" ON "TenderInvitation"("tenderId", "companyId");

-- CreateIndex
CREATE INDEX "ContractAward_awardedOn_idx" ON "ContractAward"("awardedOn");

-- CreateIndex
CREATE INDEX "ContractAward_supplierId_idx" ON "ContractAward"("supplierId");

-- AddForeignKey
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderInvitation" ADD CONSTRAINT "TenderInvitation_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderInvitation" ADD CONSTRAINT "TenderInvitation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderInvitation" ADD CONSTRAINT "TenderInvitation_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAward" ADD CONSTRAINT "ContractAward_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAward" ADD CONSTRAINT "ContractAward_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;
