#!/bin/sh
# Installs the Debian 12 packages host_exporter builds and tests with, if missing.
set -eu
pkgs="cmake ninja-build g++ pkg-config git make clang-format
  prometheus-cpp-dev libcpp-httplib-dev libspdlog-dev libboost-program-options-dev
  libre2-dev libnl-route-3-dev libyaml-cpp-dev libssl-dev libcrypt-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-pytest curl openssl prometheus prometheus-pushgateway prometheus-node-exporter
  fuse3 python3-fusepy iproute2
  dpkg-dev file adduser systemd man-db strace python3-yaml python3-kubernetes
  wrk gnuplot-nox"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing packages:$missing (run as root to install them)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
# Debian's packaged exporters start services where systemd runs; tests start their own.
for s in prometheus prometheus-node-exporter prometheus-pushgateway; do
  systemctl disable --now "$s" >/dev/null 2>&1 || true
done
