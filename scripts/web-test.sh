#!/usr/bin/env bash
# The browser tests alone (tests/web), against an already built build/chronicle: the
# phone page in every phase, and a whole class game with the real host. Screenshots go
# to build/screenshots/phone/ (or $SCREENSHOT_DIR). scripts/test.sh runs them with the rest.
cd "$(dirname "$0")/.."
source scripts/common.sh
install_web_test_tools
node --test tests/web/
