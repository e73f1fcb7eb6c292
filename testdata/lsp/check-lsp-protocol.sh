#!/bin/sh
# The language server's protocol: raw JSON-RPC through a small Python client
# (testdata/lsp/protocol.py). $1: the backuplint binary.
# Prints "N passed, N failed" last.
cd "$(dirname "$0")/../.." || exit 2
if ! command -v python3 >/dev/null; then
	echo "FAIL: python3 is not installed (make deps)"; echo "0 passed, 1 failed"; exit 1
fi
PYTHONDONTWRITEBYTECODE=1 timeout 300 python3 testdata/lsp/protocol.py "$1" 2>&1
rc=$?
[ $rc = 124 ] && { echo "FAIL: timed out"; echo "0 passed, 1 failed"; }
exit $rc
