-- Shares name an email address instead of an account (no enumeration of accounts); existing
-- shares keep their account's address.
ALTER TABLE "ShortlistShare" ADD COLUMN "email" TEXT;
UPDATE "ShortlistShare" s SET "email" = a."email" FROM "Account" a WHERE a."id" = s."accountId";

-- DropForeignKey
ALTER TABLE "ShortlistShare" DROP CONSTRAINT "ShortlistShare_accountId_fkey";

-- DropIndex
DROP INDEX "ShortlistShare_accountId_idx";

-- AlterTable
ALTER TABLE "ShortlistShare" DROP CONSTRAINT "ShortlistShare_pkey",
DROP COLUMN "accountId",
ALTER COLUMN "email" SET NOT NULL,
ADD CONSTRAINT "ShortlistShare_pkey" PRIMARY KEY ("shortlistId", "email");

-- CreateIndex
CREATE INDEX "ShortlistShare_email_idx" ON "ShortlistShare"("email");
