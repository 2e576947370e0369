# Shared by play.sh, test.sh and .ci/run: install what is missing, build.
# Meant to be sourced from the repository's top folder.
set -euo pipefail

# Debian 12 packages Chronicle builds and tests with.
CHRONICLE_PACKAGES=(cmake g++ make pkg-config libsdl2-dev libsdl2-ttf-dev libimgui-dev libfontconfig-dev libfreetype-dev nlohmann-json3-dev
                    catch2 libsqlite3-dev libcivetweb-dev libqrcodegencpp-dev libcairo2-dev libpango1.0-dev
                    python3 python3-jsonschema)
# What scripts/package-test.sh needs besides: cpack's dpkg-shlibdeps (dpkg-dev, file), and
# checkers for the metainfo, the desktop entry, the man page and the files a program opens.
CHRONICLE_PACKAGING_PACKAGES=(dpkg-dev file appstream desktop-file-utils man-db strace)

# What the browser tests need besides (tests/web): Debian's chromium driven by
# playwright-core from npm, and poppler-utils to look at the printed worksheets.
install_web_test_tools() {
    local packages=(chromium nodejs poppler-utils)
    # Debian's npm only when there is no npm: NodeSource's nodejs carries its own and
    # conflicts with Debian's package of it.
    command -v npm >/dev/null || packages+=(npm)
    install_missing "${packages[@]}"
    npm ci --prefix tests/web --no-audit --no-fund
}

# Runs a command as root: directly when root already, else with sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the given Debian packages that are not installed yet (as root, or with sudo).
install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures and builds into $1 (default build/), Release unless more flags say otherwise.
# CI (CI=true) treats every warning as an error.
build() {
    local dir=${1:-build}
    shift || true
    local strict=(-DCHRONICLE_WERROR=OFF)
    [ "${CI:-}" = true ] && strict=(-DCHRONICLE_WERROR=ON)
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "${strict[@]}" "$@"
    cmake --build "$dir" -j "$(nproc)"
}
