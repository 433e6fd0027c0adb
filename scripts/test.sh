#!/usr/bin/env bash
# The project's test command: `bash scripts/test.sh [swift test options…]`.
#
# The PostgreSQL store's tests need a server. When ABMBOARD_TEST_PG_PORT is set (with the other
# ABMBOARD_TEST_PG_* variables, see scripts/pg-cluster.sh) that server is used; otherwise a
# throwaway cluster is started in a temporary folder and stopped, and the folder removed, however
# the script ends (normally, on failure, Ctrl-C or SIGTERM). Then `swift build` and
# `swift test "$@"`; the exit status is swift test's.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z ${ABMBOARD_TEST_PG_PORT:-} ]]; then
    # In /tmp, not $TMPDIR: the server's user must be able to enter it, and the socket's path
    # must stay short.
    cluster=$(mktemp -d /tmp/abmboard-pg.XXXXXX)
    cleanup() {
        bash scripts/pg-cluster.sh stop "$cluster" || true
        rm -rf "$cluster"
    }
    trap cleanup EXIT
    # A signal ends the script through exit, so the EXIT trap runs once. (SIGTERM sent to this
    # shell alone waits for the running swift command to finish first, as bash does.)
    trap 'exit 130' INT
    trap 'exit 143' TERM
    bash scripts/pg-cluster.sh start "$cluster"
    # shellcheck source=/dev/null
    source "$cluster/env"
fi

swift build
status=0
swift test "$@" || status=$?
exit "$status"
