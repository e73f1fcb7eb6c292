#!/bin/sh
# Golden and unit tests.
#   sh testdata/run.sh [--update] BACKUPLINT [UNIT_DIR]
# A case is testdata/<family>/<case>.{json,yaml,yml,template,tf}, or a directory
# <case>.case linted as one run. It runs from the repository root as
#   BACKUPLINT --format json --no-color [<case>.args] testdata/<family>/<case>...
# with BACKUPLINT_NOW fixed, so that rules that depend on "today" are stable,
# and must print exactly <case>.out: stdout, then stderr lines prefixed
# "stderr: ", then "exit: N". JSON pins the whole diagnostic: span, document
# path, hint, related place and fixes. Files under a *.ctx folder are no
# cases: they are read through --context by the cases beside it.
# Cases under testdata/ok/ need no .out:
# run with --format gnu, they must print nothing and exit 0. --update rewrites the .out files (review the diff).
# VALGRIND=1 runs every case under valgrind as well.
# Prints "N passed, N failed" last; exits 1 when anything failed.
set -u
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
bin=${1:?usage: run.sh [--update] BACKUPLINT [UNIT_DIR]}
units=${2:-}
cd "$(dirname "$0")/.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg=""
if [ "${VALGRIND:-}" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
fi

run_case() { # $1 = case path, $2 = expected file, $3 = result file
	c=$1 exp=$2 r=$3
	base=${c%.*}
	case $c in *.case) base=$c ;; esac
	args="" fmt=json
	[ -f "$base.args" ] && args=$(cat "$base.args")
	[ "${c#testdata/ok/}" != "$c" ] && fmt=gnu
	# shellcheck disable=SC2086
	BACKUPLINT_NOW=${BACKUPLINT_NOW:-2026-06-15} $vg "$bin" --format $fmt --no-color $args "$c" >"$r.out" 2>"$r.err" </dev/null
	code=$?
	{ cat "$r.out"; sed 's/^/stderr: /' "$r.err"; echo "exit: $code"; } >"$r.got"
	if [ $update = 1 ] && [ "${c#testdata/ok/}" = "$c" ]; then
		cp "$r.got" "$exp"
	fi
	if [ -f "$exp" ]; then
		cmp -s "$r.got" "$exp"
	else
		[ "$(cat "$r.got")" = "exit: 0" ]
	fi
	if [ $? = 0 ]; then
		echo PASS >"$r"
	else
		{
			echo "FAIL: $c"
			if [ -f "$exp" ]; then diff -u "$exp" "$r.got" | head -40
			else head -20 "$r.got"; fi
		} >"$r"
	fi
}

find testdata -path testdata/unit -prune -o -path testdata/sarif -prune -o -path testdata/hcl -prune -o \
	\( -name '*.case' -type d -print \) -o \
	\( -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' -o -name '*.template' -o -name '*.tf' \) -print \) |
	grep -v -e '\.case/' -e '\.ctx/' | LC_ALL=C sort >"$tmp/cases"
# two cases must not share one .out file (x.json and x.yaml)
sed 's/\.[^./]*$//' "$tmp/cases" | sort | uniq -d | while read -r dup; do
	echo "FAIL: $dup.* names more than one case: give each a distinct name"
done | tee "$tmp/dups"
fail=$(wc -l <"$tmp/dups")
# Cases run JOBS at a time (default: the number of cores); results are
# reported in order.
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
n=0
while read -r c; do
	case $c in *.case) exp=$c.out ;; *) exp=${c%.*}.out ;; esac
	if [ ! -f "$exp" ] && [ "${c#testdata/ok/}" = "$c" ] && [ $update = 0 ]; then
		echo "FAIL: $c has no expected output $exp"
		fail=$((fail + 1))
		continue
	fi
	n=$((n + 1))
	run_case "$c" "$exp" "$tmp/r$n" &
	[ $((n % jobs)) = 0 ] && wait
done <"$tmp/cases"
wait
i=0
while [ $i -lt $n ]; do
	i=$((i + 1))
	if [ "$(head -n 1 "$tmp/r$i")" = PASS ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		cat "$tmp/r$i"
	fi
done

if [ -n "$units" ] && [ -d "$units" ]; then
	for u in "$units"/*; do
		[ -x "$u" ] || continue
		if $vg "$u" >"$tmp/unit" 2>&1; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL: unit test $u"
			tail -20 "$tmp/unit"
		fi
	done
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
