#!/bin/sh
# The manual page tells the truth about the options: every long option of
# `backuplint --help` is documented in docs/backuplint.1 and every option the
# page documents exists; the page names the binary's version; it formats
# without warnings (when groff is there). Prints "N passed, N failed" last.
#   sh testdata/output/check-manpage.sh BACKUPLINT
set -u
bin=${1:?usage: check-manpage.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
page=docs/backuplint.1
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u >"$tmp/help"
# In roff a dash is written \-. Options are taken from the OPTIONS section
# (the examples also quote the aws command's options).
sed -n '/^\.SH OPTIONS/,/^\.SH [^O]/p' "$page" | sed 's/\\-/-/g' |
	grep -oE -- '--[a-z][a-z-]*' | sort -u >"$tmp/page"
if [ -s "$tmp/help" ]; then
	pass=$((pass + 1))
else
	fail=$((fail + 1)); echo "FAIL: --help lists no options"
fi
for o in $(comm -23 "$tmp/help" "$tmp/page"); do
	fail=$((fail + 1)); echo "FAIL: $o is in --help but not in $page"
done
for o in $(comm -13 "$tmp/help" "$tmp/page"); do
	fail=$((fail + 1)); echo "FAIL: $page documents $o, which --help does not know"
done
[ "$fail" = 0 ] && pass=$((pass + 1)) && echo "ok: $page and --help name the same options"

# The page names the version the binary reports.
v=$("$bin" --version | sed -n 's/^backuplint //p')
if [ -n "$v" ] && grep -q "^\.TH BACKUPLINT 1 .* \"backuplint $v\"" "$page"; then
	pass=$((pass + 1)); echo "ok: $page is for version $v"
else
	fail=$((fail + 1)); echo "FAIL: the .TH line of $page does not name version '$v'"
fi

if command -v groff >/dev/null 2>&1; then
	if groff -man -Tutf8 -ww -z "$page" >"$tmp/groff" 2>&1 && [ ! -s "$tmp/groff" ]; then
		pass=$((pass + 1)); echo "ok: $page formats without warnings"
	else
		fail=$((fail + 1)); echo "FAIL: groff warns about $page"; cat "$tmp/groff"
	fi
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
