#!/usr/bin/env bash
# Refreshes the README's screenshots in docs/ from the headless UI tests, which write
# every screen to build/screenshots. Run after changing a screen; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
build/tests/chronicle_ui_tests "[screens],[play]" > /dev/null
for shot in home-en-1280x720 question-order-zh feedback-right-en results-played-zh settings-changed; do
    cp "build/screenshots/$shot.png" "docs/$shot.png"
done
echo "docs/ updated"
