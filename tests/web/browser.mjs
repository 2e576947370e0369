// What the browser tests share: Debian's chromium through playwright-core, with the
// repository's own fonts (fonts/) through fontconfig so that Chinese draws on a
// machine with no font package, and the folder screenshots go to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const { chromium, devices } = require('playwright-core');

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB = path.join(ROOT, 'web');
export const SHOTS = path.resolve(ROOT, process.env.SCREENSHOT_DIR || 'build/screenshots/phone');

// Chromium with the bundled fonts; CI runs as root, where chromium needs --no-sandbox.
export async function launchBrowser() {
  const fontDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-fonts-'));
  fs.writeFileSync(path.join(fontDir, 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>${path.join(ROOT, 'fonts')}</dir><cachedir>${fontDir}</cachedir></fontconfig>`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
    env: { ...process.env, FONTCONFIG_FILE: path.join(fontDir, 'fonts.conf') },
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    fs.rmSync(fontDir, { recursive: true, force: true });
  };
  return browser;
}
