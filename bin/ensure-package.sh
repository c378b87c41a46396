#!/usr/bin/env bash
# Installs a Debian package when its command is missing: ensure-package.sh COMMAND PACKAGE WHY
# (the project's scripts call it, so a fresh machine of this kind needs no manual step).
set -euo pipefail
command_name="$1" package="$2" why="$3"
if command -v "$command_name" >/dev/null 2>&1 || [ -x "/usr/sbin/$command_name" ]; then
  exit 0
fi
install() {
  DEBIAN_FRONTEND=noninteractive "$@" apt-get install -y --no-install-recommends "$package" >/dev/null \
    || { "$@" apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive "$@" apt-get install -y --no-install-recommends "$package" >/dev/null; }
}
echo "motcua: installing $package (Debian package) for $why" >&2
if [ "$(id -u)" = 0 ]; then
  install
elif command -v sudo >/dev/null 2>&1; then
  install sudo
else
  echo "motcua: $package is missing and cannot be installed without root; install Debian's $package package" >&2
  exit 1
fi
