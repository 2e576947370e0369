#!/usr/bin/env bash
# Installs what is missing, builds (Release) and starts Chronicle. Arguments go to chronicle.
cd "$(dirname "$0")/.."
source scripts/common.sh
install_missing "${CHRONICLE_PACKAGES[@]}"
build build
exec ./build/chronicle "$@"
