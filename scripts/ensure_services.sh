#!/usr/bin/env bash
# Starts PostgreSQL and Redis on 127.0.0.1 when they are not up; installs them from Debian's
# packages when they are absent and this runs as root; otherwise says what to do.
set -euo pipefail
up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_up() { for _ in $(seq 1 30); do up "$1" && return 0; sleep 1; done; return 1; }
as_root() { [ "$(id -u)" = 0 ]; }

if ! up 5432; then
  if ! ls /etc/postgresql >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    if as_root; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is not installed: sudo apt-get install postgresql" >&2; exit 1
    fi
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_up 5432 || { echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2; exit 1; }
fi
if ! up 6379; then
  if ! command -v redis-server >/dev/null; then
    if as_root; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    else
      echo "Redis is not installed: sudo apt-get install redis-server" >&2; exit 1
    fi
  fi
  echo "Starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_up 6379 || { echo "Redis did not come up on 127.0.0.1:6379" >&2; exit 1; }
fi
