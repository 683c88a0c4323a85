export {
  createTestDatabase,
  createTestSearch,
  type TestDatabase,
  type TestSearch,
  type TestServices,
  testServices,
} from './services.ts';
export { type WaitForOptions, waitFor } from './wait-for.ts';
