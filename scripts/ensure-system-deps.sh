#!/usr/bin/env bash
# Install the system tools the project needs, with Debian's apt-get, only when they are missing.
#   java      - HermiT (through owlready2) checks the ontology's consistency
#   chromium  - the browser tests drive Debian's chromium through Playwright (no browser download)
#   virtuoso  - the parity test pushes the graph to Debian's Virtuoso 7 (virtuoso-t, isql-vt) and compares
#               every named query; the package's system service is never started (the test runs its own)
# Usage: scripts/ensure-system-deps.sh java [chromium] [virtuoso]
set -euo pipefail
declare -A PKG=([java]=default-jre-headless [chromium]=chromium [virtuoso]=virtuoso-opensource)
declare -A CMD=([java]=java [chromium]=chromium [virtuoso]=virtuoso-t)
missing=()
for tool in "$@"; do
  command -v "${CMD[$tool]}" >/dev/null 2>&1 || missing+=("${PKG[$tool]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing system packages: ${missing[*]}." >&2
  echo "       Install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
# packages with a service (virtuoso-opensource) must not start it: the tests start their own, on free ports
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
