#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing: the waiting-room screen of the appointment
# service is tested in a real headless browser (WaitingRoomScreenIT). MOTCUA_CHROMIUM names another
# browser binary instead.
set -euo pipefail
if [ -n "${MOTCUA_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
install() {
  DEBIAN_FRONTEND=noninteractive "$@" apt-get install -y --no-install-recommends chromium >/dev/null \
    || { "$@" apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive "$@" apt-get install -y --no-install-recommends chromium >/dev/null; }
}
echo "motcua: installing chromium (Debian package) for the browser test of the waiting-room screen" >&2
if [ "$(id -u)" = 0 ]; then
  install
elif command -v sudo >/dev/null 2>&1; then
  install sudo
else
  echo "motcua: chromium is missing and cannot be installed without root; install Debian's chromium package" >&2
  exit 1
fi
