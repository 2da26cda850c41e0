#!/usr/bin/env bash
# The package's install test (issue 9), run by CTest as "package: build the .deb, install it, run it, remove it":
# build the .deb with CPack from a finished build, check what it holds and what it depends on, install it, run the
# installed program as IT would on a fresh machine (--version, check on a sample referral, verify-audit on a fresh
# encrypted database, settings), then remove it and check that nothing of it is left.
#
# As root with no frontdoor package already installed (CI), it installs into this machine with dpkg and purges it
# afterwards. Otherwise it unpacks into a throw-away root — which works because the program finds its profiles and
# calendar beside itself (<prefix>/share/frontdoor) — so a developer's machine is never changed.
#
#   packaging/install-test.sh BUILD_DIR VERSION
set -euo pipefail

build=$1
version=$2
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
installed_into_system=no

say() { printf 'install-test: %s\n' "$*"; }
fail() {
    printf 'install-test: FAILED: %s\n' "$*" >&2
    exit 1
}
clean_up() {
    if [ "$installed_into_system" = yes ]; then
        dpkg --purge frontdoor >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap clean_up EXIT

# 1. Build the package from the build as it is.
if ! (cd "$build" && cpack -G DEB -B "$work/package") >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack could not build the package"
fi
deb=$(find "$work/package" -maxdepth 1 -name 'frontdoor_*.deb' -print -quit)
[ -n "$deb" ] || fail "cpack made no frontdoor_*.deb"
say "built $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

# 2. What it says of itself, and what it holds.
[ "$(dpkg-deb -f "$deb" Package)" = frontdoor ] || fail "the package is not called frontdoor"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "version $(dpkg-deb -f "$deb" Version), not $version"
depends=$(dpkg-deb -f "$deb" Depends)
say "Depends: $depends"
# Computed by dpkg-shlibdeps from what the program links, except the SQLite and PostgreSQL drivers (plugins).
for needed in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6printsupport6 libqt6charts6 libsodium23 \
              libphonenumber8 libpq5 libqt6sql6-sqlite libqt6sql6-psql; do
    grep -q "\\b$needed\\b" <<<"$depends" || fail "Depends does not name $needed"
done
listing=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|')
for file in \
    /usr/bin/frontdoor \
    /usr/share/applications/org.frontdoor.FrontDoor.desktop \
    /usr/share/metainfo/org.frontdoor.FrontDoor.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/org.frontdoor.FrontDoor.svg \
    /usr/share/icons/hicolor/16x16/apps/org.frontdoor.FrontDoor.png \
    /usr/share/icons/hicolor/48x48/apps/org.frontdoor.FrontDoor.png \
    /usr/share/icons/hicolor/256x256/apps/org.frontdoor.FrontDoor.png \
    /usr/share/man/man1/frontdoor.1.gz \
    /usr/share/frontdoor/profiles/norfolk-cads.json \
    /usr/share/frontdoor/profiles/lincolnshire-csc.json \
    /usr/share/frontdoor/calendar/england-and-wales-bank-holidays.json \
    /usr/share/frontdoor/schema/referral-json.md \
    /usr/share/doc/frontdoor/copyright \
    /usr/share/doc/frontdoor/frontdoor.conf.example; do
    grep -qx "$file" <<<"$listing" || fail "the package does not hold $file"
done
files_in_package=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sed 's|^\./|/|')
say "it holds $(wc -l <<<"$files_in_package") files"

# 3. Install it.
if [ "$(id -u)" -eq 0 ] && ! dpkg-query -W -f='${Status}' frontdoor 2>/dev/null | grep -q 'ok installed'; then
    installed_into_system=yes
    dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg could not install it"; }
    prefix=/usr
    say "installed into this machine with dpkg"
else
    dpkg-deb -x "$deb" "$work/root"
    prefix=$work/root/usr
    say "unpacked into a throw-away root ($( [ "$(id -u)" -eq 0 ] && echo 'a frontdoor package is already installed here' || echo 'not root'))"
fi
program=$prefix/bin/frontdoor
[ -x "$program" ] || fail "$program is not there"

# 4. Run the installed program as a new user on a machine with no display would.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_CONFIG_DIRS=$work/etc-xdg XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY

[ "$("$program" --version)" = "frontdoor $version" ] || fail "--version says \"$("$program" --version)\""
say "--version: frontdoor $version"

set +e
"$program" check "$source_dir/tests/scenarios/fixtures/nor-anonymous-neighbour.json" >"$work/check.json" 2>"$work/check.err"
checked=$?
set -e
[ "$checked" -le 1 ] || { cat "$work/check.err" >&2; fail "check could not read the sample referral (exit $checked)"; }
grep -q '"ruleId"' "$work/check.json" || fail "check printed no findings"
say "check on a sample referral: exit $checked, $(grep -o '"ruleId"' "$work/check.json" | wc -l) findings"

db=$work/fresh/frontdoor.sqlite
printf 'kettle on the windowsill\nkettle on the windowsill\n' |
    "$program" user add admin --name "Ada Admin" --db "$db" >/dev/null || fail "the first account could not be made"
# A new database is encrypted (issue 20): the administrator's password opens it.
[ -f "$db.keys" ] || fail "a fresh database has no key file beside it"
printf 'kettle on the windowsill\n' | "$program" verify-audit --db "$db" --as admin ||
    fail "verify-audit on a fresh (encrypted) database"
"$program" verify-audit --db "$db" </dev/null 2>/dev/null && fail "an encrypted database opened without a password"

"$program" settings >"$work/settings.txt" || { cat "$work/settings.txt"; fail "settings found a problem"; }
for id in norfolk-cads lincolnshire-csc; do
    grep -qx "Profile $id: $prefix/share/frontdoor/profiles/$id.json" "$work/settings.txt" ||
        { cat "$work/settings.txt"; fail "the installed $id profile is not the one found"; }
done
grep -qx "Bank holidays: $prefix/share/frontdoor/calendar/england-and-wales-bank-holidays.json" "$work/settings.txt" ||
    fail "the installed calendar is not the one found"
say "the installed profiles and calendar are the ones the program finds"

# 5. Remove it, and check nothing of it is left.
if [ "$installed_into_system" = yes ]; then
    dpkg --purge frontdoor >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg could not remove it"; }
    installed_into_system=no
    ! dpkg-query -W -f='${Status}' frontdoor 2>/dev/null | grep -q 'ok installed' || fail "still installed"
    while read -r file; do
        [ ! -e "$file" ] || fail "$file is still there after removal"
    done <<<"$files_in_package"
    say "removed with dpkg --purge: none of its files are left"
else
    rm -rf "$work/root"
    say "the throw-away root is gone"
fi
say "passed"
