-- CreateEnum
CREATE TYPE "CompanyStatus" AS ENUM ('PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ValueSource" AS ENUM ('IMPORT', 'COMPANY', 'STAFF');

-- CreateTable
CREATE TABLE "Company" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "taxId" TEXT NOT NULL,
    "legalFormCode" TEXT NOT NULL,
    "status" "CompanyStatus" NOT NULL DEFAULT 'PENDING_REVIEW',
    "website" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "employees" INTEGER,
    "foundedYear" INTEGER,
    "descriptionCa" TEXT,
    "descriptionEs" TEXT,
    "descriptionEn" TEXT,
    "street" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "districtCode" TEXT,
    "neighbourhoodCode" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "locationApproximate" BOOLEAN NOT NULL DEFAULT false,
    "cpvCodes" TEXT[],
    "insertionCompany" BOOLEAN NOT NULL DEFAULT false,
    "specialEmploymentCentre" BOOLEAN NOT NULL DEFAULT false,
    "fieldSources" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanySector" (
    "companyId" UUID NOT NULL,
    "sectorCode" TEXT NOT NULL,

    CONSTRAINT "CompanySector_pkey" PRIMARY KEY ("companyId","sectorCode")
);

-- CreateTable
CREATE TABLE "CompanyCertification" (
    "companyId" UUID NOT NULL,
    "certificationCode" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "validUntil" DATE,
    "source" "ValueSource" NOT NULL,

    CONSTRAINT "CompanyCertification_pkey" PRIMARY KEY ("companyId","certificationCode")
);

-- CreateIndex
CREATE UNIQUE INDEX "Company_slug_key" ON "Company"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Company_taxId_key" ON "Company"("taxId");

-- CreateIndex
CREATE INDEX "Company_status_name_idx" ON "Company"("status", "name");

-- CreateIndex
CREATE INDEX "Company_districtCode_idx" ON "Company"("districtCode");

-- CreateIndex
CREATE INDEX "Company_neighbourhoodCode_idx" ON "Company"("neighbourhoodCode");

-- CreateIndex
CREATE INDEX "Company_legalFormCode_idx" ON "Company"("legalFormCode");

-- CreateIndex
CREATE INDEX "Company_cpvCodes_idx" ON "Company" USING GIN ("cpvCodes");

-- CreateIndex
CREATE INDEX "CompanySector_sectorCode_idx" ON "CompanySector"("sectorCode");

-- CreateIndex
CREATE INDEX "CompanyCertification_certificationCode_idx" ON "CompanyCertification"("certificationCode");

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_legalFormCode_fkey" FOREIGN KEY ("legalFormCode") REFERENCES "LegalForm"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_neighbourhoodCode_fkey" FOREIGN KEY ("neighbourhoodCode") REFERENCES "Neighbourhood"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanySector" ADD CONSTRAINT "CompanySector_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanySector" ADD CONSTRAINT "CompanySector_sectorCode_fkey" FOREIGN KEY ("sectorCode") REFERENCES "Sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyCertification" ADD CONSTRAINT "CompanyCertification_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyCertification" ADD CONSTRAINT "CompanyCertification_certificationCode_fkey" FOREIGN KEY ("certificationCode") REFERENCES "Certification"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
