// One browser launcher for every test suite: the CMS's admin tests use it too.
export { axeViolations, launchBrowser, useBrowser } from '@solace/cms/testing/browser';
