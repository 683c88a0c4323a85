-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "address" TEXT;
