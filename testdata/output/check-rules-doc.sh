#!/bin/sh
# The rule documentation outputs: every rule of --list-rules explains itself
# (what it checks, why, a Bad and a Good example with their file names, its
# source), by id and by name alike, and the Markdown of --list-rules --format
# markdown has one section per rule, balanced code fences and a language on
# every example's fence, and is docs/rules.md byte for byte (make docs).
# testdata/rules/check-examples.sh runs the examples themselves.
# Prints "N passed, N failed" last.
#   sh testdata/output/check-rules-doc.sh BACKUPLINT
set -u
bin=${1:?usage: check-rules-doc.sh BACKUPLINT}
docs=$(dirname "$0")/../../docs/rules.md
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

"$bin" --list-rules >"$tmp/list" || bad "--list-rules exits $?"
n=$(wc -l <"$tmp/list")
[ "$n" -gt 0 ] && ok || bad "--list-rules lists nothing"
while read -r id name rest; do
	if ! "$bin" --explain "$id" >"$tmp/by-id"; then
		bad "--explain $id exits non-zero"
		continue
	fi
	for want in "^$id $name (" "^What it checks:" "^Why:" "^Bad ([^ ]*\.[a-z]*[,;)]" \
		"^Good ([^ ]*\.[a-z]*[,;)]" "^    [^ ]" "^Source: "; do
		grep -q "$want" "$tmp/by-id" || bad "--explain $id has no line matching '$want'"
	done
	"$bin" --explain "$name" >"$tmp/by-name"
	cmp -s "$tmp/by-id" "$tmp/by-name" && ok ||
		bad "--explain $name differs from --explain $id"
	case $rest in
	error*|warning*|info*) ok ;;
	off*) ok ;; # a policy control: on only where a configuration names it
	*) bad "$id: no severity in --list-rules" ;;
	esac
done <"$tmp/list"
"$bin" --explain NOPE123 >/dev/null 2>&1
[ $? = 2 ] && ok || bad "--explain of an unknown rule does not exit 2"

"$bin" --list-rules --format markdown >"$tmp/md" || bad "--format markdown exits $?"
h=$(grep -c '^## BKP[0-9]* ' "$tmp/md")
[ "$h" = "$n" ] && ok || bad "markdown has $h rule sections for $n rules"
t=$(grep -c '^| \[BKP[0-9]*\](#bkp[0-9]*-[a-z0-9-]*) |' "$tmp/md")
[ "$t" = "$n" ] && ok || bad "markdown table has $t rows for $n rules"
f=$(grep -c '^```' "$tmp/md")
[ $((f % 2)) = 0 ] && ok || bad "markdown has an unclosed code fence ($f fences)"
# The fence after each example's label names the language.
grep -A 2 '^\*\*\(Bad\|Good\)\*\* (' "$tmp/md" | grep '^```' | grep -v '^```\(json\|yaml\|hcl\)$' >"$tmp/nolang"
[ ! -s "$tmp/nolang" ] && ok || bad "an example's fence has no language: $(head -n 1 "$tmp/nolang")"
if cmp -s "$tmp/md" "$docs"; then
	ok
else
	bad "docs/rules.md is not what --list-rules --format markdown prints: run make docs"
fi
while read -r id name rest; do
	grep -q "^## $id $name\$" "$tmp/md" || bad "markdown has no section '## $id $name'"
done <"$tmp/list"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
