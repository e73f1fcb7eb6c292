#!/bin/sh
# A real editor: Debian's neovim (0.7) drives backuplint --lsp through its
# built-in LSP client (testdata/lsp/neovim.lua). $1: the backuplint binary.
# Prints "N passed, N failed" last.
set -u
cd "$(dirname "$0")/../.." || exit 2
if ! command -v nvim >/dev/null; then
	echo "FAIL: neovim is not installed (make deps)"; echo "0 passed, 1 failed"; exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp testdata/lsp/plan.yaml "$tmp/plan.yaml"
# a workspace: a plan whose selections are files on disk
mkdir "$tmp/ws"
cp testdata/context/changed-plan.json "$tmp/ws/plan.json"
cp testdata/context/repo.ctx/selection-*.json "$tmp/ws/"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
# nothing of the user's: no config, no shada, no swap; XDG dirs in $tmp
HOME=$tmp XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp XDG_STATE_HOME=$tmp \
XDG_CACHE_HOME=$tmp BACKUPLINT_NOW=2026-01-01 BACKUPLINT="$bin" \
PLAN="$tmp/plan.yaml" WS="$tmp/ws" RESULTS="$tmp/results" \
	timeout -k 5 120 nvim --headless -u NONE -i NONE -n \
	-c "luafile testdata/lsp/neovim.lua" >"$tmp/nvim.log" 2>&1
rc=$?
cat "$tmp/results" 2>/dev/null
pass=$(grep -c '^ok:' "$tmp/results" 2>/dev/null)
fail=$(grep -c '^FAIL:' "$tmp/results" 2>/dev/null)
: "${pass:=0}" "${fail:=0}"
if [ "$rc" != 0 ]; then
	echo "FAIL: nvim exited with status $rc"; sed 's/^/  nvim: /' "$tmp/nvim.log"
	fail=$((fail + 1))
fi
# every check ran: a script that stopped early is a failure
if [ $((pass + fail)) -lt 18 ]; then
	echo "FAIL: only $((pass + fail)) checks ran"; fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
