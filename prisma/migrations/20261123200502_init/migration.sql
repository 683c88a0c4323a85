-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('CA', 'ES', 'EN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN');

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "locale" "Locale" NOT NULL DEFAULT 'CA',
    "emailVerifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "boundary" JSONB NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Neighbourhood" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "population" INTEGER NOT NULL,
    "districtCode" TEXT NOT NULL,
    "boundary" JSONB NOT NULL,

    CONSTRAINT "Neighbourhood_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Sector" (
    "code" TEXT NOT NULL,
    "nameCa" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LegalForm" (
    "code" TEXT NOT NULL,
    "nameCa" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "iso20275Elf" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LegalForm_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Certification" (
    "code" TEXT NOT NULL,
    "nameCa" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Certification_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");

-- CreateIndex
CREATE INDEX "Neighbourhood_districtCode_idx" ON "Neighbourhood"("districtCode");

-- AddForeignKey
ALTER TABLE "Neighbourhood" ADD CONSTRAINT "Neighbourhood_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
