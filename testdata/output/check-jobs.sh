#!/bin/sh
# --jobs N: the output of a run over all of testdata is byte for byte the
# same for any N (files are linted in parallel, reported in input order).
#   sh testdata/output/check-jobs.sh BACKUPLINT
set -u
bin=${1:?usage: check-jobs.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for fmt in gnu json sarif; do
	"$bin" -j1 --format "$fmt" --no-color testdata >"$tmp/j1" 2>&1
	for j in 2 3 8; do
		"$bin" -j$j --format "$fmt" --no-color testdata >"$tmp/j$j" 2>&1
		if cmp -s "$tmp/j1" "$tmp/j$j" && [ -s "$tmp/j1" ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL: --format $fmt: --jobs $j differs from --jobs 1"
			diff "$tmp/j1" "$tmp/j$j" | head -10
		fi
	done
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
