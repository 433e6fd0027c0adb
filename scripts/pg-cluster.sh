#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in one folder.
#
# Usage: scripts/pg-cluster.sh start DIR    (DIR is created if missing; it must hold no cluster yet)
#        scripts/pg-cluster.sh stop DIR     (safe to call twice, or after a failed start)
#        scripts/pg-cluster.sh resume DIR   (starts a stopped cluster again, on the same port)
#
# `start` runs initdb with the superuser abm_owner (password owner-secret), a self-signed TLS
# certificate (CN=localhost, SAN localhost and 127.0.0.1) and a server listening on 127.0.0.1 only,
# on a free port, with its socket in DIR. TCP connections need the password (scram-sha-256, so a
# wrong password really fails); the Unix socket in DIR (reachable by its owner and root only) is
# trusted. Then it writes DIR/env, to be sourced:
#   ABMBOARD_TEST_PG_HOST=127.0.0.1  ABMBOARD_TEST_PG_PORT=…  ABMBOARD_TEST_PG_OWNER=abm_owner
#   ABMBOARD_TEST_PG_PASSWORD=owner-secret  ABMBOARD_TEST_PG_CERT=DIR/server.crt (the certificate,
#   which is also its own CA: pass it as the root certificate for verify-full)
#   ABMBOARD_TEST_PG_BIN=/usr/lib/postgresql/15/bin  ABMBOARD_TEST_PG_DIR=DIR
#
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` Unix user (or a
# system user `abmtest`, created when there is no `postgres`), which then owns DIR. DIR's parent
# folders must let that user through (mktemp -d under /tmp does). Durability is off (fsync,
# full_page_writes, synchronous_commit): the cluster is for tests only.
set -euo pipefail

owner=abm_owner
password=owner-secret

usage() {
    echo "usage: $0 start DIR | stop DIR | resume DIR" >&2
    exit 64
}

fail() {
    echo "pg-cluster.sh: $*" >&2
    exit 1
}

# The PostgreSQL server binaries: $ABMBOARD_TEST_PG_BIN, else Debian's 15, else the newest
# Debian version installed, else pg_config's.
find_bin() {
    local candidate
    if [[ -n ${ABMBOARD_TEST_PG_BIN:-} ]]; then
        candidate=$ABMBOARD_TEST_PG_BIN
    elif [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
        candidate=/usr/lib/postgresql/15/bin
    else
        candidate=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)
        if [[ -z $candidate ]] && command -v pg_config >/dev/null; then
            candidate=$(pg_config --bindir)
        fi
    fi
    [[ -n $candidate && -x $candidate/initdb && -x $candidate/pg_ctl ]] ||
        fail "no PostgreSQL server binaries (initdb, pg_ctl) found; install them: apt-get install -y postgresql"
    echo "$candidate"
}

# The Unix user that runs the server: ourselves, unless we are root.
server_user() {
    if ((EUID != 0)); then
        id -un
    elif id -u postgres >/dev/null 2>&1; then
        echo postgres
    else
        id -u abmtest >/dev/null 2>&1 ||
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin abmtest
        echo abmtest
    fi
}

# Runs a command as the server's user (from /, which it can always enter).
as_server() {
    if ((EUID == 0)); then
        (cd / && runuser -u "$user" -- "$@")
    else
        "$@"
    fi
}

# A value for postgresql.conf: single-quoted, with quotes doubled.
conf_quote() {
    printf "'%s'" "${1//\'/\'\'}"
}

# A loopback port nothing answers on (a connect test; start retries if the port is taken after all).
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    fail "no free loopback port found"
}

start() {
    local dir=$1 bin port attempt
    bin=$(find_bin)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    [[ ! -e $dir/data ]] || fail "$dir already holds a cluster (stop it, or use an empty folder)"
    # The socket's path (DIR/.s.PGSQL.PORT) must fit in 107 bytes.
    ((${#dir} <= 90)) || fail "$dir is too long for the server's socket path (at most 90 characters): use a shorter folder"
    user=$(server_user)
    if ((EUID == 0)); then
        chown "$user:" "$dir"
        chmod 700 "$dir"
        as_server test -w "$dir" ||
            fail "user $user cannot write to $dir: choose a folder whose parents it can enter (e.g. mktemp -d)"
    fi

    # Self-signed certificate; the server wants its key owned by it and private.
    (
        umask 077
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 30 \
            -keyout "$dir/server.key" -out "$dir/server.crt" -subj "/CN=localhost" \
            -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,digitalSignature,keyCertSign" \
            -addext "extendedKeyUsage=serverAuth" 2>"$dir/openssl.log" ||
            fail "openssl could not make the certificate: $(cat "$dir/openssl.log")"
    )
    chmod 644 "$dir/server.crt"
    printf '%s\n' "$password" >"$dir/pwfile"
    ((EUID != 0)) || chown "$user:" "$dir/server.key" "$dir/server.crt" "$dir/pwfile" "$dir/openssl.log"

    as_server "$bin/initdb" -D "$dir/data" -U "$owner" --pwfile="$dir/pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 ||
        fail "initdb failed: $(cat "$dir/initdb.log")"
    rm -f "$dir/pwfile"

    # Only 127.0.0.1 by TCP, always with the password; the socket in DIR is trusted.
    cat >"$dir/data/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  scram-sha-256
EOF
    cat >>"$dir/data/postgresql.conf" <<EOF

# scripts/pg-cluster.sh: a throwaway cluster for tests.
listen_addresses = '127.0.0.1'
unix_socket_directories = $(conf_quote "$dir")
max_connections = 200
password_encryption = 'scram-sha-256'
ssl = on
ssl_cert_file = $(conf_quote "$dir/server.crt")
ssl_key_file = $(conf_quote "$dir/server.key")
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_server "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/log" -w -t 30 start >/dev/null 2>&1; then
            break
        fi
        if ((attempt == 5)) || ! grep -q "could not bind\|Address already in use" "$dir/log" 2>/dev/null; then
            fail "the server did not start; its log ($dir/log) ends: $(tail -n 5 "$dir/log" 2>/dev/null)"
        fi
    done
    # Keep the port for a restart by hand (pg_ctl … start without -o).
    echo "port = $port" >>"$dir/data/postgresql.conf"

    {
        echo "# Written by scripts/pg-cluster.sh; source it."
        printf 'export ABMBOARD_TEST_PG_HOST=%q\n' 127.0.0.1
        printf 'export ABMBOARD_TEST_PG_PORT=%q\n' "$port"
        printf 'export ABMBOARD_TEST_PG_OWNER=%q\n' "$owner"
        printf 'export ABMBOARD_TEST_PG_PASSWORD=%q\n' "$password"
        printf 'export ABMBOARD_TEST_PG_CERT=%q\n' "$dir/server.crt"
        printf 'export ABMBOARD_TEST_PG_BIN=%q\n' "$bin"
        printf 'export ABMBOARD_TEST_PG_DIR=%q\n' "$dir"
    } >"$dir/env"
    echo "PostgreSQL on 127.0.0.1:$port (socket in $dir); source $dir/env"
}

stop() {
    local dir=$1 bin
    [[ -f $dir/data/postmaster.pid ]] || return 0
    bin=$(find_bin)
    user=$(stat -c %U "$dir/data")
    if ! as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
        # Already gone (a stale pid file) is fine; a server still running is not.
        as_server "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 && fail "the server in $dir did not stop"
    fi
    return 0
}

resume() {
    local dir=$1 bin
    [[ -d $dir/data ]] || fail "$dir holds no cluster (start one first)"
    bin=$(find_bin)
    user=$(stat -c %U "$dir/data")
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 start >/dev/null 2>&1 ||
        fail "the server did not start again; its log ($dir/log) ends: $(tail -n 5 "$dir/log" 2>/dev/null)"
}

(($# == 2)) || usage
user=
case $1 in
start) start "$2" ;;
stop) stop "$2" ;;
resume) resume "$2" ;;
*) usage ;;
esac
