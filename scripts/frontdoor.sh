#!/usr/bin/env bash
# Front Door's one entry point for a fresh Debian (bookworm) machine.
#   scripts/frontdoor.sh run [frontdoor arguments…]   install what is missing, build, start the application
#   scripts/frontdoor.sh test                          install what is missing, build, run the whole test suite
# Installs only Debian packages that are absent (apt-get; as root, or through sudo), configures once, then builds
# incrementally in ./build. Set FRONTDOOR_BUILD_DIR to build elsewhere.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FRONTDOOR_BUILD_DIR:-$root/build}

# Everything the build, the application and the tests need — Debian package names (design/toolchain.md).
packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libsqlite3-dev
    qt6-charts-dev libqt6opengl6-dev # Qt Charts' CMake files need Qt6OpenGL's, which its package does not pull in
    catch2 libsodium-dev libphonenumber-dev
    libqt6sql6-psql libpq-dev # team mode (issue 19): Qt's PostgreSQL driver, and libpq for schema scripts
    postgresql-15 postgresql-client-15 # the tests labelled pg start a throw-away PostgreSQL 15 cluster of their own
    poppler-utils # the tests read PDFs back as anyone receiving them could (pdftotext, pdfinfo)
    dpkg-dev file # CPack's .deb: dpkg-shlibdeps computes the dependencies, file finds the programs to ask about
    appstream desktop-file-utils groff-base # the package test validates its metadata, menu entry and manual page
)

install_missing() {
    local missing=() pkg
    for pkg in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Please run as root or install sudo." >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    cmake --build "$build" --parallel "$(nproc)"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    run)
        install_missing
        configure_and_build
        exec "$build/app/frontdoor" "$@"
        ;;
    test)
        install_missing
        configure_and_build
        cd "$build"
        exec ctest --output-on-failure --parallel "$(nproc)" "$@"
        ;;
    *)
        echo "usage: scripts/frontdoor.sh run|test" >&2
        exit 2
        ;;
esac
