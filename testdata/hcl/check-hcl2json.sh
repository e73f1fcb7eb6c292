#!/bin/sh
# Differential test of the HCL loader (linter/hcl*.c) against HashiCorp's
# own parser, @cdktf/hcl2json from npm (hclsyntax compiled to WebAssembly).
#   sh testdata/hcl/check-hcl2json.sh BACKUPLINT
# BACKUPLINT's build folder gives the printer tools/hcl-tojson (made with
# `make units`). Installs hcl2json into build/npm when missing: without npm
# or the registry the test FAILS, it never passes silently. First shows that
# the comparison fails on deliberately wrong output, then compares every
# testdata/hcl/diff/*.tf: same JSON from both parsers, or rejected by both
# (err-*.tf). Prints "N passed, N failed" last; exits 1 when anything failed.
set -u
bin=${1:?usage: check-hcl2json.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tool=$(dirname "$bin")/tools/hcl-tojson
npm_dir=$PWD/build/npm
pkg=@cdktf/hcl2json@0.21.0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "0 passed, 1 failed"; exit 1; }

[ -x "$tool" ] || make -s "${tool#"$PWD"/}" >"$tmp" 2>&1 || { cat "$tmp"; fail "cannot build $tool"; }
command -v node >/dev/null || fail "node is not installed (make deps)"
if [ ! -f "$npm_dir/node_modules/@cdktf/hcl2json/package.json" ]; then
	echo "installing $pkg into build/npm"
	mkdir -p "$npm_dir"
	npm install --prefix "$npm_dir" --no-audit --no-fund --loglevel=error "$pkg" >"$tmp" 2>&1 ||
		{ cat "$tmp"; fail "npm install $pkg"; }
fi
export NODE_PATH=$npm_dir/node_modules

node testdata/hcl/compare.js --selftest "$tool" testdata/hcl/diff/backup-plan.tf | tee "$tmp"
self=$(tail -n 1 "$tmp")
node testdata/hcl/compare.js "$tool" testdata/hcl/diff/*.tf | tee "$tmp"
main=$(tail -n 1 "$tmp")
p1=${self%% passed*} f1=${self#*, }; f1=${f1%% failed*}
p2=${main%% passed*} f2=${main#*, }; f2=${f2%% failed*}
case "$p1$f1$p2$f2" in *[!0-9]*|'') fail "compare.js printed no result line" ;; esac
echo "$((p1 + p2)) passed, $((f1 + f2)) failed"
[ $((f1 + f2)) = 0 ]
