#!/usr/bin/env bash
# A real, throw-away PostgreSQL 15 cluster for the tests labelled "pg" (issue 19): CTest starts it before the first
# of them (fixture "pg-cluster") and removes it after the last. Nothing is mocked: initdb, pg_ctl, SCRAM-SHA-256.
#
#   pgcluster.sh start DIR   initdb in DIR/data, listen on a Unix socket in DIR and on 127.0.0.1 at a free port;
#                            write DIR/connection (KEY=VALUE lines the tests read: host, port, superuser, password)
#   pgcluster.sh stop DIR    stop the server and remove DIR
#
# PostgreSQL refuses to run as root (CI's containers run as root): then the cluster belongs to the "postgres" user
# the Debian package creates, and DIR is handed to it.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
command=${1:?usage: pgcluster.sh start|stop DIR}
dir=${2:?usage: pgcluster.sh start|stop DIR}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$command" in
start)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed (Debian package postgresql-15)." >&2; exit 1; }
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$password" > "$dir/pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
    as_owner "$bin/initdb" -D "$dir/data" -U frontdoor_dba --pwfile="$dir/pwfile" --auth=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 120
fsync = on
synchronous_commit = on
shared_buffers = 128MB
log_min_messages = warning
EOF
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    {
        echo "host=$dir"
        echo "tcp=127.0.0.1"
        echo "port=$port"
        echo "superuser=frontdoor_dba"
        echo "password=$password"
    } >"$dir/connection"
    chmod 644 "$dir/connection"
    chmod 755 "$dir" # the tests (root or not) reach the socket and read the connection file
    echo "PostgreSQL 15 test cluster on port $port ($dir)"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: pgcluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
