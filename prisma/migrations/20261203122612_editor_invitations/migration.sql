-- CreateEnum
CREATE TYPE "EditorInvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED');

-- CreateTable
CREATE TABLE "EditorInvitation" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "invitedById" UUID NOT NULL,
    "status" "EditorInvitationStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "EditorInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EditorInvitation_emailKey_status_idx" ON "EditorInvitation"("emailKey", "status");

-- CreateIndex
CREATE INDEX "EditorInvitation_companyId_status_idx" ON "EditorInvitation"("companyId", "status");

-- AddForeignKey
ALTER TABLE "EditorInvitation" ADD CONSTRAINT "EditorInvitation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
