#!/usr/bin/env bash
# Checks Chronicle as installed, the three ways README gives, from another folder:
#   1. the .deb: cpack from the Release build folder, `apt-get install ./chronicle_*.deb`,
#      the command line and a headless start of the game, then `apt-get purge`;
#   2. the .deb unpacked anywhere with `dpkg-deb -x`;
#   3. `cmake --install` into a ~/.local-like prefix, then that prefix moved elsewhere.
# Every installed copy must find its bundled packs and fonts beside itself, never in the
# source tree (checked with strace), and the desktop entry, metainfo and man page must
# pass their validators. Run after scripts/test.sh has built BUILD_DIR (default build).
# Needs root or sudo (apt). Usage: bash scripts/package-test.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
install_missing "${CHRONICLE_PACKAGING_PACKAGES[@]}"

build_dir=$(realpath "${1:-build}")
source_dir=$(realpath .)
work=$(realpath "$(mktemp -d)")
chmod 755 "$work" # apt reads the .deb from here as the unprivileged _apt user
apt_installed=false
game_pid=""

cleanup() {
    [ -n "$game_pid" ] && kill -KILL "$game_pid" 2>/dev/null
    $apt_installed && as_root apt-get purge -y -qq chronicle >/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
fail() {
    printf 'package-test: FAILED: %s\n' "$*" >&2
    exit 1
}

[ -x "$build_dir/chronicle" ] && [ -f "$build_dir/CPackConfig.cmake" ] ||
    fail "$build_dir has no built chronicle and CPackConfig.cmake; run bash scripts/test.sh first"
version=$("$build_dir/chronicle" --version)
version=${version#chronicle }

# The files every install holds, relative to its prefix.
expected_files=(
    bin/chronicle
    share/chronicle/questions/openai-2023.json
    share/chronicle/questions/README.md
    share/chronicle/questions/schema/pack.schema.json
    share/chronicle/fonts/NotoSans-Regular.ttf
    share/chronicle/fonts/NotoSansCJKsc-Regular-subset.otf
    share/chronicle/fonts/OFL.txt
    share/chronicle/fonts/README.md
    share/applications/chronicle.desktop
    share/metainfo/io.github.chronicle.Chronicle.metainfo.xml
    share/icons/hicolor/scalable/apps/chronicle.svg
    share/icons/hicolor/48x48/apps/chronicle.png
    share/icons/hicolor/128x128/apps/chronicle.png
    share/icons/hicolor/256x256/apps/chronicle.png
    share/man/man1/chronicle.1.gz
    share/chronicle/web/index.html
    share/chronicle/web/app.js
    share/chronicle/web/i18n.js
    share/chronicle/web/style.css
)

# Runs PREFIX/bin/chronicle ARGS... from / under strace, with an empty user folder.
# Output in $work/out, the files it touched in $work/trace.
run_traced() {
    local prefix=$1 status=0
    shift
    (cd / && CHRONICLE_DATA_DIR="$work/no-user-data" strace -f -qq -e trace=%file -o "$work/trace" \
        "$prefix/bin/chronicle" "$@") >"$work/out" 2>&1 || status=$?
    [ "$status" -eq 0 ] || { cat "$work/out"; fail "$prefix/bin/chronicle $* exited with status $status"; }
}

# Fails if the last traced run touched the source tree: an installed chronicle must not
# take the CHRONICLE_SOURCE_* fallbacks meant for running from a build folder.
check_no_source_tree() {
    if grep -F "\"$source_dir/" "$work/trace"; then
        fail "chronicle $1 looked into the source tree $source_dir (lines above)"
    fi
}

# The checks every installed copy gets: its files, the validators, the command line.
check_installed() {
    local prefix=$1 f
    for f in "${expected_files[@]}"; do
        [ -f "$prefix/$f" ] || fail "$prefix/$f is missing"
    done
    ok "all ${#expected_files[@]} expected files are under $prefix"

    appstreamcli validate --no-net "$prefix/share/metainfo/io.github.chronicle.Chronicle.metainfo.xml" >"$work/log" 2>&1 ||
        { cat "$work/log"; fail "appstreamcli validate rejects the metainfo file"; }
    grep -q "<release version=\"$version\"" "$prefix/share/metainfo/io.github.chronicle.Chronicle.metainfo.xml" ||
        fail "the metainfo file has no <release version=\"$version\">; add the release"
    ok "metainfo is valid and lists release $version"
    # Its one hint, two main categories (Game and Education), is meant.
    desktop-file-validate "$prefix/share/applications/chronicle.desktop" >"$work/log" 2>&1 ||
        { cat "$work/log"; fail "desktop-file-validate rejects chronicle.desktop"; }
    ok "desktop entry is valid"
    local warnings
    warnings=$(MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/chronicle.1.gz" 2>&1 >"$work/man.txt") ||
        fail "man -l cannot render chronicle.1.gz"
    [ -z "$warnings" ] || fail "man -l warns: $warnings"
    grep -q '^CHRONICLE(1)' "$work/man.txt" && grep -q "Chronicle $version" "$work/man.txt" ||
        fail "the man page does not render as CHRONICLE(1) of Chronicle $version"
    ok "man page renders without warnings ($(wc -l <"$work/man.txt") lines)"

    run_traced "$prefix" --version
    [ "$(cat "$work/out")" = "chronicle $version" ] || fail "--version printed '$(cat "$work/out")'"
    ok "chronicle --version: $(cat "$work/out")"

    run_traced "$prefix" packs
    check_no_source_tree packs
    local pack
    pack=$(grep -x -A5 'openai-2023' "$work/out") || { cat "$work/out"; fail "chronicle packs does not list openai-2023"; }
    grep -qxF "  path:      $prefix/share/chronicle/questions/openai-2023.json (bundled)" <<<"$pack" &&
        grep -qE '^  status:    ok' <<<"$pack" ||
        { cat "$work/out"; fail "openai-2023 is not listed as ok from $prefix/share/chronicle/questions"; }
    ok "chronicle packs (cwd /): openai-2023 ok, from $prefix/share/chronicle/questions"

    run_traced "$prefix" validate "$prefix/share/chronicle/questions/openai-2023.json"
    check_no_source_tree validate
    for f in NotoSans-Regular.ttf NotoSansCJKsc-Regular-subset.otf; do
        grep -q "openat(.*\"$prefix/share/chronicle/fonts/$f\"" "$work/trace" ||
            fail "chronicle validate did not open $prefix/share/chronicle/fonts/$f"
    done
    ok "chronicle validate: pack ok, fonts opened from $prefix/share/chronicle/fonts, source tree untouched"

    # The class host serves the installed phone page: GET / is its index.html.
    (cd / && CHRONICLE_DATA_DIR="$work/no-user-data" python3 - "$prefix" "$work/trace" >"$work/out" 2>&1 <<'PY') ||
import subprocess, sys, urllib.request
prefix, trace = sys.argv[1], sys.argv[2]
host = subprocess.Popen(["strace", "-f", "-qq", "-e", "trace=%file", "-o", trace, prefix + "/bin/chronicle", "host",
                         "--pack", "openai-2023", "--no-window", "--bind", "127.0.0.1", "--port", "0"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
url = next(line[len("Join at: "):].strip() for line in host.stdout if line.startswith("Join at: "))
page = urllib.request.urlopen(url, timeout=10).read()
host.communicate("quit\n", timeout=20)
with open(prefix + "/share/chronicle/web/index.html", "rb") as f:
    sys.exit(0 if page == f.read() and host.returncode == 0 else 1)
PY
        { cat "$work/out"; fail "chronicle host did not serve $prefix/share/chronicle/web/index.html"; }
    check_no_source_tree host
    ok "chronicle host --no-window serves the phone page from $prefix/share/chronicle/web"
}

step "Package: cpack --config $build_dir/CPackConfig.cmake"
cpack --config "$build_dir/CPackConfig.cmake" -B "$work/deb" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$work/deb/chronicle_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { ls -l "$work/deb"; fail "cpack made no $(basename "$deb")"; }
ok "$(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
[ "$(dpkg-deb -f "$deb" Package)" = chronicle ] && [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] &&
    [ "$(dpkg-deb -f "$deb" Section)" = games ] || fail "control fields: $(dpkg-deb -f "$deb" Package Version Section)"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libfontconfig1 libfreetype6 libsqlite3-0 libstb0 libstdc++6 libc6; do
    [[ ", $depends," == *", $lib "* || ", $depends," == *", $lib,"* ]] || fail "Depends lacks $lib: $depends"
done
ok "Package chronicle, Version $version, Section games"
ok "Depends: $depends"

step "Unpacked: dpkg-deb -x, run from /"
dpkg-deb -x "$deb" "$work/unpacked"
check_installed "$work/unpacked/usr"

step "cmake --install $build_dir --prefix <home>/.local, then moved"
cmake --install "$build_dir" --prefix "$work/home/.local" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install failed"; }
check_installed "$work/home/.local"
diff <(cd "$work/home/.local" && find . | sort) <(cd "$work/unpacked/usr" && find . | sort) ||
    fail "cmake --install and the .deb hold different files (above)"
ok "the same files as the .deb"
mv "$work/home/.local" "$work/moved"
check_installed "$work/moved"

step "apt-get install ./$(basename "$deb")"
if dpkg-query -W -f='${Status}' chronicle 2>/dev/null | grep -q "install ok installed"; then
    fail "a chronicle package is installed already; remove it first (apt-get purge chronicle)"
fi
(cd "$work/deb" && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$(basename "$deb")") ||
    fail "apt-get install ./$(basename "$deb") failed"
apt_installed=true
[ "$(dpkg-query -W -f='${Version}' chronicle)" = "$version" ] || fail "dpkg does not list chronicle $version as installed"
ok "installed: chronicle $version; /usr/bin/chronicle is $(command -v chronicle)"
check_installed /usr

step "Headless start of /usr/bin/chronicle (SDL dummy drivers), from $work"
data=$work/game-data
mkdir "$data"
(cd "$work" && exec env SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy \
    CHRONICLE_DATA_DIR="$data" /usr/bin/chronicle) >"$work/game.log" 2>&1 &
game_pid=$!
sleep 3
kill -0 "$game_pid" 2>/dev/null || {
    status=0
    wait "$game_pid" || status=$?
    game_pid=""
    cat "$work/game.log"
    fail "the game stopped within 3 s (exit status $status)"
}
ok "still running after 3 s"
[ -f "$data/chronicle.db" ] || fail "the game made no save file in CHRONICLE_DATA_DIR ($data)"
ok "it made its save file $data/chronicle.db"
kill -TERM "$game_pid"
for _ in $(seq 50); do kill -0 "$game_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$game_pid" 2>/dev/null; then fail "the game did not quit within 5 s of SIGTERM"; fi
status=0
wait "$game_pid" || status=$?
game_pid=""
cat "$work/game.log"
# SDL turns SIGTERM into a quit event, so a clean quit is 0; 143 is SIGTERM itself.
# Anything else (134 abort, 139 segfault, ...) is a crash.
[ "$status" -eq 0 ] || [ "$status" -eq 143 ] || fail "the game crashed on quitting: exit status $status"
ok "quit on SIGTERM with exit status $status"

step "apt-get purge chronicle"
as_root apt-get purge -y -q chronicle || fail "apt-get purge chronicle failed"
apt_installed=false
[ ! -e /usr/bin/chronicle ] && [ ! -e /usr/share/chronicle ] || fail "files remain after the purge"
ok "removed; /usr/bin/chronicle and /usr/share/chronicle are gone"

printf '\npackage-test: all checks passed\n'
