#!/usr/bin/env bash
# Installs what is missing, builds (Release) and runs every test.
cd "$(dirname "$0")/.."
source scripts/common.sh
install_missing "${CHRONICLE_PACKAGES[@]}"
install_web_test_tools
build build -DCHRONICLE_WEB_TESTS=ON
ctest --test-dir build --output-on-failure
