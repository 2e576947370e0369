#!/usr/bin/env bash
# Remakes tests/fsrs/vectors.json, the FSRS reference vectors that tests/test_fsrs.cpp
# checks game/core/learn/fsrs.cpp against, with ts-fsrs itself (the exact version
# tests/fsrs/package-lock.json pins; Node 18 or newer, the npm registry).
set -euo pipefail
cd "$(dirname "$0")/../tests/fsrs"
npm ci --no-audit --no-fund
node make_vectors.mjs vectors.json
