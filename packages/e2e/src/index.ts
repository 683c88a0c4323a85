export {
  accessibilityViolations,
  browserAvailable,
  chromiumPath,
  launchBrowser,
  type TestBrowser,
} from './browser.ts';
export { describedBy, expectErrorAt, expectNoErrorAt } from './form-errors.ts';
export {
  chooseLanguage,
  type PageOptions,
  type Platform,
  type PlatformOptions,
  pageLocale,
  signInAs,
  usePlatform,
} from './platform.ts';
export { CHECKED, LOCALES, type Locale, reasonTexts, type Texts, UI } from './texts.ts';
