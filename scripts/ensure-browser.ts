import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';

// The browser tests drive Debian's Chromium (Playwright's own browser download is not reachable).
// As root on Debian, `pnpm test` installs it; elsewhere it says how, and the browser tests are skipped.
const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
if (candidates.some((path) => path && existsSync(path))) process.exit(0);

if (userInfo().uid === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('Installing Chromium for the browser tests (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
} else {
  console.warn(
    'Chromium is not installed: the browser tests will be skipped. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
  );
}
