#!/bin/sh
# Make sure Debian's redis-server is installed for the queue tests
# (tests/queue/ start their own redis-server on a free port in a temp folder
# with --save '' and stop it; the system service is never used).
# Run as root (CI) or with sudo. Idempotent: does nothing when redis-server is present.
set -eu

if command -v redis-server >/dev/null 2>&1; then
  echo "redis-server present: $(command -v redis-server)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "ensure-redis: redis-server is missing and this is not root; run as root: apt-get install -y redis-server" >&2
    exit 1
  fi
else
  SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends redis-server
command -v redis-server
