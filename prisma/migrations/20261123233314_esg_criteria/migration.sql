-- CreateEnum
CREATE TYPE "EsgPillar" AS ENUM ('ENVIRONMENTAL', 'SOCIAL', 'GOVERNANCE');

-- CreateTable
CREATE TABLE "EsgCriterion" (
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "pillar" "EsgPillar" NOT NULL,
    "weight" INTEGER NOT NULL,
    "questionCa" TEXT NOT NULL,
    "questionEs" TEXT NOT NULL,
    "questionEn" TEXT NOT NULL,
    "evidenceRequired" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "EsgCriterion_pkey" PRIMARY KEY ("code")
);
