#!/usr/bin/env bash
# Maintainer tool, not a build step: renders game/app/desktop/chronicle.svg to the PNG
# icons committed beside it (icons/NxN/apps/chronicle.png). Run it after changing the
# SVG and commit the PNGs. Installs librsvg2-bin (rsvg-convert) if it is missing.
cd "$(dirname "$0")/.."
source scripts/common.sh
install_missing librsvg2-bin

svg=game/app/desktop/chronicle.svg
for size in 16 24 32 48 64 128 256; do
    out=game/app/desktop/icons/${size}x${size}/apps/chronicle.png
    mkdir -p "$(dirname "$out")"
    rsvg-convert --width "$size" --height "$size" --output "$out" "$svg"
    echo "$out"
done
