export { type CompanyDraft, type CompanyProfile, validateCompanyProfile } from './company-profile.ts';
export { cpvCheckDigit, validateCpv } from './cpv.ts';
export { parseCsv, readImportFile } from './directory-file.ts';
export { importDirectory } from './directory-import.service.ts';
export { loadPlaces } from './places.ts';
export { importSampleCompanies, sampleCsv, sampleImportFile } from './sample-import.ts';
export { validateTaxId } from './tax-id.ts';
