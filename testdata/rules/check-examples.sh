#!/bin/sh
# The Bad and Good documents of every rule's documentation, run through the
# binary as a user would: each is written to a file of its own name (the
# extension names the syntax) by rule-examples (testdata/rules/
# rule-examples.c, built by `make units` next to the binary or in build/),
# then linted with
#   BACKUPLINT --format json --no-color ARGS FILE
# with "today" fixed as in testdata/run.sh. Every rule of --list-rules has at
# least one Bad and one Good example; a Bad one reports its rule at the
# rule's severity or below (facts can demote it); a Good one does not report
# it. Neither reports another rule at warning or above, except the pairs
# listed below with their reason (an exception that no longer happens fails
# too, so that the list stays true).
# Prints "N passed, N failed" last.
#   sh testdata/rules/check-examples.sh BACKUPLINT
set -u
bin=${1:?usage: check-examples.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

# ID kind OTHER-ID: why the example also reports OTHER-ID at warning or above.
cat >"$tmp/exceptions" <<'EOF'
BKP502 bad BKP608 DeleteAfterDays 0 (the "keep forever" slip) is also shorter than the monthly schedule's interval
EOF

helper=$(dirname "$bin")/rule-examples
[ -x "$helper" ] || helper=build/rule-examples
if [ ! -x "$helper" ]; then
	make -s build/rule-examples >/dev/null || { bad "cannot build rule-examples"; helper=false; }
fi
mkdir "$tmp/ex"
"$helper" "$tmp/ex" >"$tmp/manifest" || bad "rule-examples failed (exit $?)"
grep '^FAIL' "$tmp/manifest"

rank() { case $1 in error) echo 3 ;; warning) echo 2 ;; info) echo 1 ;; *) echo 0 ;; esac; }

: >"$tmp/used"
# shellcheck disable=SC2034
while IFS='	' read -r n id kind sev file args; do
	case $n in ''|*[!0-9]*) continue ;; esac
	what="$id $kind example $n ($file${args:+, with $args})"
	# shellcheck disable=SC2086
	(cd "$tmp/ex/$n" && BACKUPLINT_NOW=${BACKUPLINT_NOW:-2026-06-15} \
		"$bin" --format json --no-color $args "$file" >"$tmp/out" 2>"$tmp/err" </dev/null)
	code=$?
	if [ $code -gt 1 ] || [ -s "$tmp/err" ]; then
		bad "$what: exit $code: $(head -c 300 "$tmp/err")"
		continue
	fi
	# One diagnostic a line: "severity":"...","rule":"BKPnnn".
	sed -n 's/.*"severity":"\([a-z]*\)","rule":"\(BKP[0-9]*\)".*/\2 \1/p' "$tmp/out" >"$tmp/found"
	if ! grep -q '"diagnostics"' "$tmp/out"; then
		bad "$what: no JSON output"
		continue
	fi
	mine=$(grep -c "^$id " "$tmp/found")
	if [ "$kind" = bad ]; then
		if [ "$mine" = 0 ]; then
			bad "$what does not report $id; it reports: $(tr '\n' ' ' <"$tmp/found")"
			continue
		fi
		worst=0
		for s in $(sed -n "s/^$id //p" "$tmp/found"); do
			r=$(rank "$s"); [ "$r" -gt "$worst" ] && worst=$r
		done
		if [ "$worst" -gt "$(rank "$sev")" ]; then
			bad "$what reports $id above its severity $sev"
			continue
		fi
	elif [ "$mine" != 0 ]; then
		bad "$what reports $id: $(grep "\"rule\":\"$id\"" "$tmp/out" | head -n 1)"
		continue
	fi
	others=$(grep -v "^$id " "$tmp/found" | grep -E ' (error|warning)$' | cut -d' ' -f1 | sort -u)
	unexplained=""
	for o in $others; do
		if grep -q "^$id $kind $o " "$tmp/exceptions"; then
			echo "$id $kind $o" >>"$tmp/used"
		else
			unexplained="$unexplained $o"
		fi
	done
	if [ -n "$unexplained" ]; then
		bad "$what also reports$unexplained at warning or above: $(grep -v "\"rule\":\"$id\"" "$tmp/out" | grep '"rule"' | head -n 1)"
		continue
	fi
	ok
done <"$tmp/manifest"

# Every exception still happens.
while read -r id kind other why; do
	grep -q "^$id $kind $other\$" "$tmp/used" && ok ||
		bad "exception '$id $kind $other' no longer happens: remove it"
done <"$tmp/exceptions"

# Every rule has a Bad and a Good example.
"$bin" --list-rules | while read -r id rest; do
	for kind in bad good; do
		awk -F'\t' -v id="$id" -v k="$kind" '$2 == id && $3 == k { f = 1 } END { exit !f }' \
			"$tmp/manifest" || echo "FAIL: $id has no $kind example"
	done
done >"$tmp/missing"
if [ -s "$tmp/missing" ]; then
	cat "$tmp/missing"
	fail=$((fail + $(wc -l <"$tmp/missing")))
else
	ok
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
