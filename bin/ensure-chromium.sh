#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing: the waiting-room screen of the appointment
# service is tested in a real headless browser (WaitingRoomScreenIT). MOTCUA_CHROMIUM names another
# browser binary instead.
set -euo pipefail
if [ -n "${MOTCUA_CHROMIUM:-}" ]; then
  exit 0
fi
exec "$(dirname "${BASH_SOURCE[0]}")/ensure-package.sh" chromium chromium "the browser test of the waiting-room screen"
