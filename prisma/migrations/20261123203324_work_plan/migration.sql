-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "FigureKind" AS ENUM ('BUDGET_EUR', 'PROJECTS', 'SHOPS', 'PEOPLE_HIRED', 'DISTRICTS', 'PEOPLE', 'SERVICES', 'EDITIONS');

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "accountId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkPlan" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "titleCa" TEXT NOT NULL,
    "titleEs" TEXT,
    "titleEn" TEXT,
    "missionCa" TEXT NOT NULL,
    "missionEs" TEXT,
    "missionEn" TEXT,
    "authorCa" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Axis" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleCa" TEXT NOT NULL,
    "titleEs" TEXT,
    "titleEn" TEXT,
    "purposeCa" TEXT,
    "purposeEs" TEXT,
    "purposeEn" TEXT,

    CONSTRAINT "Axis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" UUID NOT NULL,
    "axisId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleCa" TEXT NOT NULL,
    "titleEs" TEXT,
    "titleEn" TEXT,

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "objectiveId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "letter" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "titleCa" TEXT NOT NULL,
    "titleEs" TEXT,
    "titleEn" TEXT,
    "status" "MeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureAction" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "titleCa" TEXT NOT NULL,
    "titleEs" TEXT,
    "titleEn" TEXT,

    CONSTRAINT "MeasureAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HighlightedAction" (
    "id" UUID NOT NULL,
    "objectiveId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "titleCa" TEXT NOT NULL,
    "titleEs" TEXT,
    "titleEn" TEXT,

    CONSTRAINT "HighlightedAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanFigure" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "actionId" UUID,
    "kind" "FigureKind" NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "sourceText" TEXT NOT NULL,

    CONSTRAINT "PlanFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureStatusChange" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "from" "MeasureStatus" NOT NULL,
    "to" "MeasureStatus" NOT NULL,
    "comment" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" UUID,

    CONSTRAINT "MeasureStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentPlan" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "nameCa" TEXT NOT NULL,
    "yearApproved" INTEGER,

    CONSTRAINT "DevelopmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentPlanDistrict" (
    "developmentPlanId" UUID NOT NULL,
    "districtCode" TEXT NOT NULL,

    CONSTRAINT "DevelopmentPlanDistrict_pkey" PRIMARY KEY ("developmentPlanId","districtCode")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameCa" TEXT NOT NULL,
    "nameEs" TEXT,
    "nameEn" TEXT,
    "measureCode" TEXT,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "developmentPlanId" UUID,
    "nameCa" TEXT NOT NULL,
    "nameEs" TEXT,
    "nameEn" TEXT,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceDistrict" (
    "serviceId" UUID NOT NULL,
    "districtCode" TEXT NOT NULL,

    CONSTRAINT "ServiceDistrict_pkey" PRIMARY KEY ("serviceId","districtCode")
);

-- CreateTable
CREATE TABLE "SubsidyCall" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "nameCa" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "budgetEur" DECIMAL(14,2),
    "projectsFunded" INTEGER,
    "measureCode" TEXT,

    CONSTRAINT "SubsidyCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "nameCa" TEXT NOT NULL,
    "nameEs" TEXT,
    "nameEn" TEXT,
    "unit" TEXT NOT NULL,
    "districtCode" TEXT,
    "measureId" UUID,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistrictAssessment" (
    "id" UUID NOT NULL,
    "districtCode" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "textCa" TEXT NOT NULL,
    "textEs" TEXT,
    "textEn" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "authorId" UUID,

    CONSTRAINT "DistrictAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_DistrictToMeasure" (
    "A" TEXT NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_DistrictToMeasure_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkPlan_year_key" ON "WorkPlan"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Axis_planId_code_key" ON "Axis"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Objective_axisId_code_key" ON "Objective"("axisId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_objectiveId_code_key" ON "Measure"("objectiveId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureAction_measureId_position_key" ON "MeasureAction"("measureId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "HighlightedAction_objectiveId_position_key" ON "HighlightedAction"("objectiveId", "position");

-- CreateIndex
CREATE INDEX "MeasureStatusChange_measureId_at_idx" ON "MeasureStatusChange"("measureId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_planId_code_key" ON "Programme"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyCall_planId_nameCa_year_key" ON "SubsidyCall"("planId", "nameCa", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_planId_code_key" ON "Indicator"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_indicatorId_period_key" ON "IndicatorValue"("indicatorId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictAssessment_districtCode_period_key" ON "DistrictAssessment"("districtCode", "period");

-- CreateIndex
CREATE INDEX "_DistrictToMeasure_B_index" ON "_DistrictToMeasure"("B");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Axis" ADD CONSTRAINT "Axis_planId_fkey" FOREIGN KEY ("planId") REFERENCES "WorkPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_axisId_fkey" FOREIGN KEY ("axisId") REFERENCES "Axis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureAction" ADD CONSTRAINT "MeasureAction_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HighlightedAction" ADD CONSTRAINT "HighlightedAction_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanFigure" ADD CONSTRAINT "PlanFigure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanFigure" ADD CONSTRAINT "PlanFigure_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "MeasureAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureStatusChange" ADD CONSTRAINT "MeasureStatusChange_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureStatusChange" ADD CONSTRAINT "MeasureStatusChange_byId_fkey" FOREIGN KEY ("byId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlan" ADD CONSTRAINT "DevelopmentPlan_planId_fkey" FOREIGN KEY ("planId") REFERENCES "WorkPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlanDistrict" ADD CONSTRAINT "DevelopmentPlanDistrict_developmentPlanId_fkey" FOREIGN KEY ("developmentPlanId") REFERENCES "DevelopmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentPlanDistrict" ADD CONSTRAINT "DevelopmentPlanDistrict_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_planId_fkey" FOREIGN KEY ("planId") REFERENCES "WorkPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_developmentPlanId_fkey" FOREIGN KEY ("developmentPlanId") REFERENCES "DevelopmentPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDistrict" ADD CONSTRAINT "ServiceDistrict_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceDistrict" ADD CONSTRAINT "ServiceDistrict_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyCall" ADD CONSTRAINT "SubsidyCall_planId_fkey" FOREIGN KEY ("planId") REFERENCES "WorkPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_planId_fkey" FOREIGN KEY ("planId") REFERENCES "WorkPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictAssessment" ADD CONSTRAINT "DistrictAssessment_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistrictAssessment" ADD CONSTRAINT "DistrictAssessment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DistrictToMeasure" ADD CONSTRAINT "_DistrictToMeasure_A_fkey" FOREIGN KEY ("A") REFERENCES "District"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DistrictToMeasure" ADD CONSTRAINT "_DistrictToMeasure_B_fkey" FOREIGN KEY ("B") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
