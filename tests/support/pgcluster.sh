#!/usr/bin/env bash
# A real, throw-away PostgreSQL 15 cluster for the tests labelled "pg" (issue 19): CTest starts it before the first
# of them (fixture "pg-cluster") and removes it after the last. Nothing is mocked: initdb, pg_ctl, SCRAM-SHA-256.
#
#   pgcluster.sh start DIR   initdb in a new folder under /tmp, listen on a Unix socket there and on 127.0.0.1 at a
#                            free port; write DIR/connection (KEY=VALUE lines the tests read: host, port, superuser,
#                            password; owner-only) and DIR/home (where the cluster is)
#   pgcluster.sh stop DIR    stop the server and remove both folders
#   pgcluster.sh pause DIR   stop the server, keeping its files (a server gone mid-call: connections refused)
#   pgcluster.sh resume DIR  start it again on the same port
#
# PostgreSQL refuses to run as root (CI's containers run as root): then the cluster belongs to the "postgres" user
# the Debian package creates. Its files live under /tmp, which that user can always reach — DIR (in a build tree
# under /root, say) may sit in folders it cannot enter.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
command=${1:?usage: pgcluster.sh start|stop|pause|resume DIR}
dir=${2:?usage: pgcluster.sh start|stop|pause|resume DIR}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_cluster() {
    local home
    home=$(cat "$dir/home" 2>/dev/null || true)
    if [ -n "$home" ] && [ -f "$home/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null || true
    fi
    case "$home" in /tmp/frontdoor-pg.*) rm -rf "$home" ;; esac
    rm -rf "$dir"
}

case "$command" in
start)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed (Debian package postgresql-15)." >&2; exit 1; }
    stop_cluster # a cluster left by an interrupted run
    mkdir -p "$dir"
    home=$(mktemp -d /tmp/frontdoor-pg.XXXXXX)
    echo "$home" >"$dir/home"
    chmod 755 "$home"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$home"; fi
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$password" >"$home/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$home/pwfile"; fi
    as_owner "$bin/initdb" -D "$home/data" -U frontdoor_dba --pwfile="$home/pwfile" --auth=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$home/pwfile"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    {
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $port"
        echo "unix_socket_directories = '$home'"
        echo "max_connections = 120"
        echo "fsync = on"
        echo "synchronous_commit = on"
        echo "shared_buffers = 128MB"
        echo "log_min_messages = warning"
    } | as_owner tee -a "$home/data/postgresql.conf" >/dev/null
    as_owner "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 start >/dev/null ||
        { cat "$home/server.log" >&2; exit 1; }
    {
        echo "host=$home"
        echo "tcp=127.0.0.1"
        echo "port=$port"
        echo "superuser=frontdoor_dba"
        echo "password=$password"
    } >"$dir/connection"
    chmod 600 "$dir/connection"
    echo "PostgreSQL 15 test cluster on port $port ($home)"
    ;;
stop)
    stop_cluster
    ;;
pause)
    home=$(cat "$dir/home")
    as_owner "$bin/pg_ctl" -D "$home/data" -m immediate -w stop >/dev/null
    ;;
resume)
    home=$(cat "$dir/home")
    as_owner "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 start >/dev/null ||
        { cat "$home/server.log" >&2; exit 1; }
    ;;
*)
    echo "usage: pgcluster.sh start|stop|pause|resume DIR" >&2
    exit 2
    ;;
esac
