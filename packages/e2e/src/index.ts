export {
  accessibilityViolations,
  browserAvailable,
  chromiumPath,
  launchBrowser,
  type TestBrowser,
} from './browser.ts';
export { describedBy, expectErrorAt, expectNoErrorAt } from './form-errors.ts';
export { apiCall, apiToken, settled, setWidth, sidewaysOverflow, WIDTHS } from './layout.ts';
export {
  chooseLanguage,
  closeMenu,
  openMenu,
  type PageOptions,
  type Platform,
  type PlatformOptions,
  pageLocale,
  signInAs,
  usePlatform,
} from './platform.ts';
export { type Account, type Reader, type Route, type Site, seedSite, siteRoutes } from './site.ts';
export { CHECKED, LOCALES, type Locale, reasonTexts, type Texts, UI } from './texts.ts';
