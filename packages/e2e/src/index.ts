export {
  accessibilityViolations,
  browserAvailable,
  chromiumPath,
  launchBrowser,
  type TestBrowser,
} from './browser.ts';
