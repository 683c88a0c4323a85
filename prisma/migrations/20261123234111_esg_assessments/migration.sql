-- CreateEnum
CREATE TYPE "EsgStatus" AS ENUM ('SUBMITTED', 'VERIFIED', 'REJECTED', 'EXPIRED');

-- CreateTable
CREATE TABLE "EsgAssessment" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "criteriaVersion" INTEGER NOT NULL,
    "status" "EsgStatus" NOT NULL DEFAULT 'SUBMITTED',
    "score" INTEGER NOT NULL,
    "pillarScores" JSONB NOT NULL,
    "answers" JSONB NOT NULL,
    "submittedById" UUID,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "reason" TEXT,
    "validUntil" TIMESTAMP(3),

    CONSTRAINT "EsgAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EsgAssessment_companyId_submittedAt_idx" ON "EsgAssessment"("companyId", "submittedAt");

-- CreateIndex
CREATE INDEX "EsgAssessment_status_submittedAt_idx" ON "EsgAssessment"("status", "submittedAt");

-- AddForeignKey
ALTER TABLE "EsgAssessment" ADD CONSTRAINT "EsgAssessment_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
