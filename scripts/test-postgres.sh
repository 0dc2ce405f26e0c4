#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the tests: a new cluster in a temp folder, no durability (fsync off),
# trusted local connections only. Debian's postgresql package provides the binaries (install-test-deps.sh installs it).
#   eval "$(scripts/test-postgres.sh start)"   prints the exports: COACHING_TEST_POSTGRES (a connection string) and
#                                               COACHING_TEST_POSTGRES_DIR (the cluster's folder)
#   scripts/test-postgres.sh stop DIR           stops the server and removes the folder
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres account the package created.
as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/coaching-postgres-XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "export COACHING_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
    echo "export COACHING_TEST_POSTGRES_DIR='$dir'"
    ;;
  stop)
    dir=${2:?usage: test-postgres.sh stop DIR}
    [ -d "$dir/data" ] && as "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: test-postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
