#!/bin/sh
# Every message, hint and note of the golden cases read for placeholders,
# doubled words, wrong articles, raw bytes and hints that ask for what the
# file already does (check-messages.js says how), and then the message
# templates of the C sources themselves (--templates: every string handed to
# report*, rep, diag_hint, diag_fix*). The golden cases fire every
# rule of the table (testdata/rules/check-fixtures.sh).
#   sh testdata/output/check-messages.sh BACKUPLINT
# First proves that the checker catches each kind of mistake.
set -u
cd "$(dirname "$0")/../.." || exit 2
command -v node >/dev/null || { echo "FAIL: node is needed (sh .ci/deps.sh)"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# a document and diagnostics with one mistake each
printf '{"a": sixty}\n' >"$tmp/doc.yaml"
for m in 'no copy goes to ?' 'value (null) here' 'the the vault' 'a integer' 'an rule' \
	 'unexpected 0xc3 here' "rule 'b' copies elsewhere" "resource '' is not defined" \
	 'Europe (Milan) has no cross-Region copy (facts: spec, AWS Backup cross-Region copy guide)' \
	 'if it protects Amazon RDS DB instances and Amazon Aurora DB clusters, no'; do
	printf '{"diagnostics": [\n  {"file":"%s","line":1,"column":7,"end_line":1,"end_column":12,"severity":"error","rule":"X","name":"x","message":"%s","path":"","hint":null,"related":null}\n],\n"summary": {}}\nexit: 1\n' \
		"$tmp/doc.yaml" "$m" >"$tmp/bad.out"
	if node testdata/output/check-messages.js "$tmp/bad.out" >/dev/null; then
		fail=$((fail + 1)); echo "FAIL: the checker missed: $m"
	else
		pass=$((pass + 1)); echo "ok: the checker catches: $m"
	fi
done
printf '{"diagnostics": [\n  {"file":"%s","line":1,"column":7,"end_line":1,"end_column":12,"severity":"error","rule":"X","name":"x","message":"m","path":"","hint":"write sixty without quotes","related":null}\n],\n"summary": {}}\nexit: 1\n' \
	"$tmp/doc.yaml" >"$tmp/bad.out"
if node testdata/output/check-messages.js "$tmp/bad.out" >/dev/null; then
	fail=$((fail + 1)); echo "FAIL: the checker missed a hint asking to drop quotes that are not there"
else
	pass=$((pass + 1)); echo "ok: the checker catches a hint asking to drop quotes that are not there"
fi
# the templates themselves: a C file with one mistake in each kind of call
printf 'void f(void)\n{\n\tdg = report(d, R, n, "%%s is a "\n\t\t"integer", x);\n\tdiag_hint(f, dg, "set the the value %%d", 3);\n\tdg = rep(c, R, k, "no copy goes to ? for %%s", x);\n}\n' >"$tmp/bad.c"
n=$(node testdata/output/check-messages.js --templates "$tmp/bad.c" | grep -c '^FAIL')
if [ "$n" = 3 ]; then
	pass=$((pass + 1)); echo "ok: the template reader catches a split article, a doubled word, a ?"
else
	fail=$((fail + 1)); echo "FAIL: the template reader caught $n of 3 mistakes"
fi
{
	find testdata -name '*.out' -print0 | xargs -0 node testdata/output/check-messages.js
	node testdata/output/check-messages.js --templates rules/*.c linter/*.c
} >"$tmp/real"
grep '^FAIL' "$tmp/real"
p=0 f=0
for line in $(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/real" | tr ' ,' '__'); do
	a=${line%%_passed*}; b=${line#*passed__}; b=${b%%_failed*}
	p=$((p + a)); f=$((f + b))
done
echo "$((pass + p)) passed, $((fail + f)) failed"
[ $((fail + f)) = 0 ]
