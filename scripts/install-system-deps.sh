#!/usr/bin/env bash
# Makes sure the Debian packages the tests and the demo drive are installed: Chromium and
# Firefox ESR (real-browser tests; test tools' own browser downloads do not work offline) and
# Apache with its utilities (a real WebDAV server for the sync tests).
#
#   scripts/install-system-deps.sh            install what is missing (root), or say what to install
#   scripts/install-system-deps.sh --dry-run  only print what would be done
#
# On machines without dpkg, or to use other browser builds, set GLOSS_CHROMIUM / GLOSS_FIREFOX
# to the browser binaries; this script then only checks that those files exist.
set -euo pipefail

readonly PACKAGES=(chromium firefox-esr apache2 apache2-utils)
dry_run=false
[[ "${1:-}" == "--dry-run" ]] && dry_run=true

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

check_browser_overrides() {
  local ok=true
  for var in GLOSS_CHROMIUM GLOSS_FIREFOX; do
    if [[ -z "${!var:-}" || ! -x "${!var}" ]]; then
      echo "install-system-deps: no dpkg here; set $var to an executable browser binary" >&2
      ok=false
    fi
  done
  $ok
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  check_browser_overrides
  exit $?
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-system-deps: all present (${PACKAGES[*]})"
  exit 0
fi

install_command="apt-get update && apt-get install -y ${missing[*]}"
if $dry_run; then
  echo "install-system-deps: missing ${missing[*]}; would run as $( [[ $EUID -eq 0 ]] && echo root || echo non-root): ${install_command}"
  [[ $EUID -eq 0 ]] && exit 0 || exit 1
fi

if [[ $EUID -ne 0 ]]; then
  echo "install-system-deps: missing Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${missing[@]}"
