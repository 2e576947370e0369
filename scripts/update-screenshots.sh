#!/usr/bin/env bash
# Refreshes the README's screenshots in docs/ from the headless UI tests, which write
# every screen to build/screenshots. Run after changing a screen; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
build/tests/chronicle_ui_tests "[screens],[play],[settings],[teams],[question][shots],[learn],[progress],[timeline]" > /dev/null
for shot in home-en-1280x720 question-order-zh results-played-zh settings-changed; do
    cp "build/screenshots/$shot.png" "docs/$shot.png"
done
cp build/screenshots/tiles-who_did-zh-1920x1080.png docs/question-tiles-zh.png
cp build/screenshots/reveal-who_did-en-1920x1080.png docs/reveal-en.png
cp build/screenshots/team-reveal-en-1920x1080.png docs/projector-reveal-en.png
cp build/screenshots/team-podium-zh-1920x1080.png docs/projector-podium-zh.png
cp build/screenshots/learn-answer-zh-1280x720.png docs/learn-answer-zh.png
cp build/screenshots/progress-en-1280x720.png docs/progress-en.png
cp build/screenshots/timeline-line-zh-1280x720.png docs/timeline-zh.png
echo "docs/ updated"
