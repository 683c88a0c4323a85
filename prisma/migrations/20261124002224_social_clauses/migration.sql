-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "socialClauses" TEXT[];

-- CreateTable
CREATE TABLE "SocialClause" (
    "code" TEXT NOT NULL,
    "nameCa" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionCa" TEXT NOT NULL,
    "descriptionEs" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SocialClause_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "Company_socialClauses_idx" ON "Company" USING GIN ("socialClauses");
