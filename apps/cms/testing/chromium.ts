import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

// No vitest here: benchmarks launch the browser outside a test run.

// Flags of the packaged Chromium we leave out: it is built for one-page serverless use, while the
// tests open several contexts (no single process) and check security behaviour (web security on).
const UNWANTED_FLAGS = new Set([
  '--single-process',
  '--no-zygote',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
]);

// Without these, Chromium keeps trying to reach Google's hosts, which this closed network refuses.
const QUIET_NETWORK_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A headless Chromium: CHROMIUM_PATH when set (a system or CI browser), otherwise the one that
 * `pnpm install` brought with @sparticuz/chromium (unpacked to /tmp on first use).
 */
export async function launchBrowser(): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH?.trim();
  const executablePath = override || (await sparticuz.executablePath());
  const packagedFlags = override ? ['--no-sandbox', '--disable-gpu'] : sparticuz.args.filter((flag) => !UNWANTED_FLAGS.has(flag));
  const launch = () => chromium.launch({ executablePath, args: [...packagedFlags, ...QUIET_NETWORK_FLAGS] });
  // On a busy 2-core machine Chromium now and then crashes while starting (SIGSEGV before its first
  // page): one more try, so a test fails for what it checks, not for that.
  return launch().catch(launch);
}
