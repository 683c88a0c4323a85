/**
 * TRANSITIONAL (issue 16): the sample data moved to src/sample-data/; this re-export keeps the
 * importers outside the directory module working until they import from there. Remove it then.
 */
export {
  DEFAULT_SAMPLE_SEED,
  importSampleCompanies,
  sampleCsv,
  sampleImportFile,
} from '../../sample-data/sample-import.ts';
