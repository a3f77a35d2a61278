#!/usr/bin/env bash
# check_unit.sh UNIT_TEMPLATE BINARY: systemd-analyze verify and security
# on a copy of the unit whose ExecStart runs BINARY. Needs no systemd as PID 1.
set -euo pipefail
template=$1
binary=$2
if ! command -v systemd-analyze >/dev/null; then
  echo "check_unit: systemd-analyze not found (install Debian's systemd package)" >&2
  exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed -e "s#@CMAKE_INSTALL_FULL_BINDIR@/revwatch#$(readlink -f "$binary")#" \
    -e "s#@CMAKE_INSTALL_FULL_SYSCONFDIR@#/etc#" "$template" >"$dir/revwatch.service"
systemd-analyze verify --man=no --recursive-errors=one "$dir/revwatch.service"
systemd-analyze security --offline=yes --threshold=15 "$dir/revwatch.service" | tail -n 1
