-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('CREATION', 'UPDATE', 'CLAIM');

-- CreateEnum
CREATE TYPE "RevisionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "CompanyRevision" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "kind" "RevisionKind" NOT NULL,
    "status" "RevisionStatus" NOT NULL DEFAULT 'PENDING',
    "proposed" JSONB,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "message" TEXT,
    "submittedById" UUID,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "reason" TEXT,

    CONSTRAINT "CompanyRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CompanyRevision_status_submittedAt_idx" ON "CompanyRevision"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "CompanyRevision_companyId_idx" ON "CompanyRevision"("companyId");

-- AddForeignKey
ALTER TABLE "CompanyRevision" ADD CONSTRAINT "CompanyRevision_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyRevision" ADD CONSTRAINT "CompanyRevision_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyRevision" ADD CONSTRAINT "CompanyRevision_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;
