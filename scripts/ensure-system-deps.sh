#!/usr/bin/env bash
# Install the system tools the project needs, with Debian's apt-get, only when they are missing.
#   java      - HermiT (through owlready2) checks the ontology's consistency
#   chromium  - the browser tests drive Debian's chromium through Playwright (no browser download)
# Usage: scripts/ensure-system-deps.sh java [chromium]
set -euo pipefail
declare -A PKG=([java]=default-jre-headless [chromium]=chromium)
missing=()
for tool in "$@"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${PKG[$tool]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing system packages: ${missing[*]}." >&2
  echo "       Install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
