#!/usr/bin/env bash
# Tests the class game's phone page (web/) in Debian's chromium with playwright-core:
# every phase in zh and en on phones and a tablet, order questions by tap and drag,
# the join form's error sentences, and screenshots in build/screenshots/phone/
# (or $SCREENSHOT_DIR). Run from anywhere: scripts/web-test.sh
cd "$(dirname "$0")/.."
source scripts/common.sh
# Debian's npm only when there is no npm: NodeSource's nodejs (this machine's, and many
# developers') carries its own npm and conflicts with Debian's package of it.
packages=(chromium nodejs)
command -v npm >/dev/null || packages+=(npm)
install_missing "${packages[@]}"
npm ci --prefix tests/web --no-audit --no-fund
node --test tests/web/
