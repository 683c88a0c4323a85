-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('PROFILE_APPROVED', 'PROFILE_REJECTED', 'CLAIM_APPROVED', 'ESG_VERIFIED', 'ESG_REJECTED', 'ESG_EXPIRING', 'ESG_EXPIRED');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "mutedNotices" "NoticeKind"[] DEFAULT ARRAY[]::"NoticeKind"[];

-- AlterTable
ALTER TABLE "EsgAssessment" ADD COLUMN     "expiredNoticeAt" TIMESTAMP(3),
ADD COLUMN     "expiringNoticeAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "EsgAssessment_status_validUntil_idx" ON "EsgAssessment"("status", "validUntil");
