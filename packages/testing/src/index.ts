export {
  createTestDatabase,
  createTestSearch,
  testServices,
  type TestDatabase,
  type TestSearch,
  type TestServices,
} from './services.ts';
