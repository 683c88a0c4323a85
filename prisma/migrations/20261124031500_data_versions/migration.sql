-- Data versions: counters that move whenever the data behind a cached API answer changes
-- (packages/api/src/response-cache/response-cache.ts). Statement-level triggers bump them, so
-- every API process sees a change at once, whoever made it. Sequences, not a table: they are
-- not data, and backups leave them alone.
CREATE SEQUENCE "data_version_plan";
CREATE SEQUENCE "data_version_directory";

CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sequence text;
BEGIN
  FOREACH sequence IN ARRAY TG_ARGV LOOP
    PERFORM nextval(sequence::regclass);
  END LOOP;
  RETURN NULL;
END
$$;

-- The work plan
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "WorkPlan"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Axis"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Objective"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Measure"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeasureAction"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HighlightedAction"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PlanFigure"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeasureStatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DevelopmentPlan"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DevelopmentPlanDistrict"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Programme"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Service"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ServiceDistrict"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SubsidyCall"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Indicator"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IndicatorValue"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DistrictAssessment"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_DistrictToMeasure"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan');

-- The directory
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Company"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_directory');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CompanySector"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_directory');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CompanyCertification"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_directory');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "EsgAssessment"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_directory');

-- Reference data, shown by both
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "District"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan', 'data_version_directory');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Neighbourhood"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan', 'data_version_directory');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Sector"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan', 'data_version_directory');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LegalForm"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan', 'data_version_directory');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Certification"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan', 'data_version_directory');
CREATE TRIGGER "data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SocialClause"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('data_version_plan', 'data_version_directory');
