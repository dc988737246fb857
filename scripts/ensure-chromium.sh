#!/bin/sh
# Make sure Debian's headless Chromium is installed for the browser test
# (tests/browser/review.browser.test.ts drives /usr/bin/chromium with playwright-core).
# Run as root (CI) or with sudo. Idempotent: does nothing when chromium is present.
# Also run by the browser test itself (tests/setup/chromium.ts) when Chromium is missing;
# waits up to 10 minutes for another apt-get holding the lock.
set -eu

if command -v chromium >/dev/null 2>&1; then
  echo "chromium present: $(command -v chromium)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-chromium: chromium is missing and this is not root; run as root: apt-get install -y chromium" >&2
    exit 1
  fi
else
  SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends chromium fonts-liberation
command -v chromium
