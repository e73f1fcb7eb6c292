#!/bin/sh
# Hostile inputs and file-system faults that cannot be committed as files:
# huge and endless inputs, deep nesting, every prefix of a real plan,
# unreadable paths, symbolic link loops, a file that shrinks while it is
# read, a write error on standard output. Each case states the exit status
# and the diagnostic or message it expects, and that the other files named
# in the same run are still linted and reported.
#   sh testdata/hostile/check-hostile.sh BACKUPLINT
# VALGRIND=1 runs every case under valgrind (the 200 MB file is skipped
# there, and the sizes of the other big cases are cut, to keep the time
# sane). Prints "N passed, N failed" last; exits 1 when anything failed.
set -u
bin=${1:?usage: check-hostile.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
[ -x "$bin" ] || { echo "check-hostile.sh: $bin is not executable"; echo "0 passed, 1 failed"; exit 1; }
pass=0 fail=0
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"

vg="" big=1
if [ "${VALGRIND:-}" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
	big=0
fi
# Generous bounds: a case that takes longer is a hang, not a slow machine.
limit=${HOSTILE_TIMEOUT:-120}
to=""
command -v timeout >/dev/null && to="timeout $limit"

ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
	sed 's/^/  stdout: /' "$tmp/out" | cut -c1-200 | head -8
	sed 's/^/  stderr: /' "$tmp/err" | cut -c1-200 | head -8
	echo "  exit: $code"
}
# run ARGS...: the binary (under valgrind if asked) with --format gnu
run() {
	# shellcheck disable=SC2086
	$to $vg "$bin" --format gnu --no-color "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	code=$?
}
has_out() { grep -qF -- "$1" "$tmp/out"; }
has_err() { grep -qF -- "$1" "$tmp/err"; }
nlines() { wc -l <"$1" | tr -d ' '; }

# A plan with one known finding, to show that other files are still linted.
bad_plan=$tmp/other.json
printf '%s\n' '{"BackupPlanName": "p", "Rules": [{"RuleName": "r1", "TargetBackupVaultName": "vault",' \
	'  "Lifecycle": {"MoveToColdStorageAfterDays": 30, "DeleteAfterDays": 100}}]}' >"$bad_plan"
other_line="$bad_plan:2:70: error: DeleteAfterDays is 100 but must be at least 120"
run "$bad_plan"
if [ $code = 1 ] && has_out "$other_line"; then ok "companion plan has its one finding"
else bad "companion plan: expected '$other_line'"; fi

# ---- size -------------------------------------------------------------

# 200 MB: a template whose Metadata holds two million strings, and a
# lifecycle finding on its last line. Peak memory is printed for the record.
if [ $big = 1 ]; then
	f=$tmp/big.template
	{
		printf '{"AWSTemplateFormatVersion": "2010-09-09",\n"Metadata": {"Blob": [\n'
		yes '"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd",' |
			head -n 2000000
		printf '"end"]},\n"Resources": {"Plan": {"Type": "AWS::Backup::BackupPlan", "Properties": {"BackupPlan": {"BackupPlanName": "big", "BackupPlanRule": [{"RuleName": "r1", "TargetBackupVault": "vault", "Lifecycle": {"MoveToColdStorageAfterDays": 30, "DeleteAfterDays": 100}}]}}}}}\n'
	} >"$f"
	size=$(wc -c <"$f" | tr -d ' ')
	start=$(date +%s)
	if [ -x /usr/bin/time ]; then
		$to /usr/bin/time -v "$bin" --format gnu --no-color "$f" >"$tmp/out" 2>"$tmp/err" </dev/null
		code=$?
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/err")
		sed -i '/^\t/d; /^Command exited/d' "$tmp/err"
	else
		run "$f"
		rss=""
	fi
	took=$(($(date +%s) - start))
	if [ $code = 1 ] && [ "$(nlines "$tmp/out")" = 1 ] && [ ! -s "$tmp/err" ] &&
		has_out "big.template:2000004:249: error: DeleteAfterDays is 100 but must be at least 120"; then
		ok "200 MB template ($size bytes): one finding on its last line, ${took}s, peak memory ${rss:-?} KB"
	else
		bad "200 MB template: expected one BKP501 at 2000004:249 and exit 1"
	fi
	# The same file over a lower --max-file-size: refused, named, exit 2.
	run --max-file-size 100000000 "$f" "$bad_plan"
	if [ $code = 2 ] && has_err "big.template: file is larger than the 100000000-byte limit" &&
		has_out "big.template:1:1: error: file is larger than the 100000000-byte limit" &&
		has_out "$other_line"; then
		ok "200 MB template over --max-file-size 100000000: BKP005, exit 2, other file linted"
	else
		bad "200 MB template over --max-file-size: expected BKP005 and exit 2"
	fi
	rm -f "$f"
else
	echo "skip: 200 MB template (not under valgrind: it would take many minutes)"
fi

# A single 10 MB string (1 MB under valgrind): reported with its length, the
# value cut short in the message.
n=10000000
[ $big = 1 ] || n=1000000
long=$(head -c "$n" /dev/zero | tr '\0' a)
printf '{"BackupPlanName": "p", "Rules": [{"RuleName": "%s", "TargetBackupVaultName": "vault"}]}\n' "$long" >"$tmp/string.json"
printf 'BackupPlanName: p\nRules:\n  - RuleName: %s\n    TargetBackupVaultName: vault\n' "$long" >"$tmp/string.yaml"
unset long
for f in string.json string.yaml; do
	run "$tmp/$f" "$bad_plan"
	if [ $code = 1 ] && has_out "is $n characters long; allowed:" &&
		[ "$(grep -c 'BKP105' "$tmp/out")" = 1 ] &&
		[ "$(head -n 1 "$tmp/out" | wc -c)" -lt 1000 ] && has_out "$other_line"; then
		ok "$n-byte string in $f: one BKP105 with the length, message under 1000 bytes"
	else
		bad "$n-byte string in $f: expected one short BKP105 line"
	fi
done

# Many findings on one long line (minified JSON): positions must not cost
# the length of the line each, or this takes hours.
n=20000
[ $big = 1 ] || n=2000
awk -v n=$n 'BEGIN {
	printf "{\"BackupPlanName\": \"p\", \"Rules\": ["
	for (i = 0; i < n; i++)
		printf "%s{\"RuleName\": \"r%d\", \"TargetBackupVaultName\": \"vault\", \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": 100}}", i ? ", " : "", i
	printf "]}"
}' >"$tmp/minified.json"
start=$(date +%s)
run --max-findings 100000 "$tmp/minified.json"
took=$(($(date +%s) - start))
if [ $code = 1 ] && [ "$(grep -c 'BKP501' "$tmp/out")" = $n ] &&
	[ "$(tail -n 1 "$tmp/out" | cut -d: -f2)" = 1 ]; then
	ok "$n findings on one $(wc -c <"$tmp/minified.json" | tr -d ' ')-byte line in ${took}s"
else
	bad "$n findings on one line: expected $n BKP501 lines on line 1"
fi

# A flood of findings: Fn::GetAtt nested 240 deep (within --max-depth),
# 2,000 times in 12 MB (100 times under valgrind), each level malformed.
# Without a cap that is 480,000 findings, each with a path as long as the
# nesting (a gigabyte); kept are the default 10,000 and one BKP005 that
# counts the rest.
n=2000
[ $big = 1 ] || n=100
awk -v n=$n 'BEGIN {
	printf "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"P\": {\"Type\": \"AWS::Backup::BackupPlan\", \"Properties\": {\"BackupPlan\": {\"BackupPlanName\": \"p\", \"BackupPlanRule\": ["
	for (r = 0; r < n; r++) {
		printf "%s{\"RuleName\": \"r%d\", \"TargetBackupVault\": ", r ? ", " : "", r
		for (i = 0; i < 240; i++) printf "{\"Fn::GetAtt\": ["
		printf "\"x\""
		for (i = 0; i < 240; i++) printf ", \"Arn\"]}"
		printf "}"
	}
	print "]}}}}}"
}' >"$tmp/flood.json"
start=$(date +%s)
run "$tmp/flood.json"
took=$(($(date +%s) - start))
if [ $code = 1 ] && [ "$(nlines "$tmp/out")" = 10001 ] &&
	head -n 1 "$tmp/out" | grep -q "flood.json:1:1: error: [0-9]* more findings not shown: at most 10000 are kept per file"; then
	ok "$((n * 240)) malformed Fn::GetAtt levels: 10000 findings kept, $(head -n 1 "$tmp/out" | sed 's/.*error: \([0-9]*\) more.*/\1/') counted, ${took}s"
else
	bad "$((n * 240)) malformed Fn::GetAtt levels: expected 10000 findings and a BKP005 counting the rest"
fi

# A mapping with 200,000 unknown keys (20,000 under valgrind): each is
# reported, in time linear in the keys.
n=200000
[ $big = 1 ] || n=20000
awk -v n=$n 'BEGIN {
	printf "{\"BackupPlanName\": \"p\", \"Rules\": [{\"RuleName\": \"r\", \"TargetBackupVaultName\": \"vault\""
	for (i = 0; i < n; i++)
		printf ", \"k%d\": 1", i
	printf "}]}\n"
}' >"$tmp/wide.json"
start=$(date +%s)
run --max-findings $n "$tmp/wide.json"
took=$(($(date +%s) - start))
if [ $code = 1 ] && [ "$(grep -c 'BKP101' "$tmp/out")" = $n ]; then
	ok "mapping with $n unknown keys: $n BKP101 in ${took}s (--max-findings $n)"
else
	bad "mapping with $n unknown keys: expected $n BKP101 lines (exit 124 is the ${limit}s timeout)"
fi

# 20,000 YAML documents in one stream, each its own plan and arena. (Each
# arena's first chunk costs an mmap under ASan: 100,000 documents take a
# minute there, a second without.)
n=20000
[ $big = 1 ] || n=5000
awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf "---\nBackupPlanName: p%d\nRules: []\n", i }' >"$tmp/stream.yaml"
run "$tmp/stream.yaml"
if [ $code = 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
	ok "$n YAML documents in one stream: clean"
else
	bad "$n YAML documents in one stream: expected no output and exit 0"
fi
# Their memory: a plan after the first of its file is released after its
# checks and loaded again for the run phase, one at a time when no document
# of the run links to another, so a stream of 200,000 plans of a rule each
# stays within a few times its size (1.7 times when measured), not a tree
# and a model per plan.
if [ $big = 1 ] && [ -x /usr/bin/time ] && [ -z "${ASAN_OPTIONS:-}" ]; then
	awk 'BEGIN { for (i = 0; i < 200000; i++) printf "---\nBackupPlanName: p%d\nRules:\n  - {RuleName: r, TargetBackupVaultName: main}\n", i }' >"$tmp/stream.yaml"
	size=$(wc -c <"$tmp/stream.yaml" | tr -d ' ')
	$to /usr/bin/time -f '%M' "$bin" --format gnu --no-color "$tmp/stream.yaml" >"$tmp/out" 2>"$tmp/err" </dev/null
	code=$?
	rss=$(tail -n 1 "$tmp/err")
	if [ $code = 0 ] && [ "$rss" -lt $((size * 4 / 1024)) ]; then
		ok "200,000 documents ($((size / 1024)) KB): peak $((rss / 1024)) MB"
	else
		bad "200,000 documents ($((size / 1024)) KB): peak ${rss} KB, want under 4 times the file"
	fi
fi

# A stream over 64 KB shares its repeated strings within each document: a
# document's strings must not be taken from the one before, whose memory
# is gone (released, or never kept) even when the new one's lands at the
# same address. Every finding names its own key.
n=3000
[ $big = 1 ] || n=500
awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf "---\nBackupPlanName: p%d\nRules: []\nExtraKey%d: 1\n---\nRestoreJobId: j%d\nExtraKey%d: 1\n", i, i % 7, i, i % 5 }' >"$tmp/stream.yaml"
run --max-findings 100000 "$tmp/stream.yaml"
good=$(grep -c 'unknown key "ExtraKey[0-6]" in BackupPlanInput' "$tmp/out")
if [ $code = 1 ] && [ "$good" = $n ] && ! LC_ALL=C grep -q '[^ -~]' "$tmp/out"; then
	ok "$n documents over 64 KB in one stream: each finding names its own key"
else
	bad "$n documents over 64 KB in one stream: expected $n findings naming ExtraKey0-6 ($good), no stray bytes"
fi

# ---- nesting ----------------------------------------------------------

# 100,000 levels: refused at the default --max-depth 512, at the bracket
# that goes one level too deep.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$tmp/deep.json"
awk 'BEGIN { printf "a: "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$tmp/deep.yaml"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{\"a\": "; printf "1"; for (i = 0; i < 100000; i++) printf "}"; print "" }' >"$tmp/deep-map.json"
for c in "deep.json:1:513" "deep.yaml:1:515" "deep-map.json:1:3073"; do
	f=${c%%:*}
	run "$tmp/$f" "$bad_plan"
	if [ $code = 1 ] && has_out "$tmp/$c: error: nesting deeper than 512 levels" && has_out "$other_line"; then
		ok "100,000 levels in $f: BKP005 at ${c#*:}"
	else
		bad "100,000 levels in $f: expected BKP005 at ${c#*:}"
	fi
done
# A raised --max-depth is capped where the recursive checks are still safe
# on an 8 MB stack (with sanitizers too): asking for more is a usage error.
run --max-depth 100000 "$tmp/deep.json"
if [ $code = 2 ] && has_err "--max-depth" && [ ! -s "$tmp/out" ]; then
	ok "--max-depth 100000: refused as a usage error"
else
	bad "--max-depth 100000: expected a usage error (exit 2)"
fi
# Fn::If nested 4,000 deep (8,000 containers) under a raised limit: every
# level checked down to the innermost value, no stack overflow.
awk 'BEGIN {
	printf "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Conditions\": {\"C\": {\"Fn::Equals\": [\"a\", \"a\"]}}, \"Resources\": {\"P\": {\"Type\": \"AWS::Backup::BackupPlan\", \"Properties\": {\"BackupPlan\": {\"BackupPlanName\": \"p\", \"BackupPlanRule\": [{\"RuleName\": \"r\", \"TargetBackupVault\": \"vault\", \"Lifecycle\": {\"MoveToColdStorageAfterDays\": 30, \"DeleteAfterDays\": "
	for (i = 0; i < 4000; i++) printf "{\"Fn::If\": [\"C\", "
	printf "\"x\""
	for (i = 0; i < 4000; i++) printf ", 200]}"
	print "}}]}}}}}"
}' >"$tmp/deep-if.json"
run --max-depth 10000 "$tmp/deep-if.json"
if [ $code = 1 ] && [ "$(grep -c 'DeleteAfterDays is a string ("x") but must be a number \[BKP102' "$tmp/out")" = 1 ] &&
	[ ! -s "$tmp/err" ]; then
	ok "Fn::If nested 4,000 deep with --max-depth 10000: the innermost \"x\" reported (BKP102), no crash"
else
	bad "Fn::If nested 4,000 deep: expected one BKP102 for the innermost \"x\" and exit 1"
fi

# ---- Organizations backup policies -----------------------------------

# A template's policy written as a JSON string in a YAML literal block is
# parsed with the limits of a file: 100,000 levels stop at the 513th
# bracket, at its place in the file (line 7, after 8 spaces of indent).
{ printf 'Resources:\n  P:\n    Type: AWS::Organizations::Policy\n    Properties:\n      Type: BACKUP_POLICY\n      Content: |\n        '
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }'; } >"$tmp/deep-policy.yaml"
run "$tmp/deep-policy.yaml" "$bad_plan"
if [ $code = 1 ] && has_out "$tmp/deep-policy.yaml:7:521: error: the backup policy: nesting deeper than 512 levels" && has_out "$other_line"; then
	ok "policy string nested 100,000 deep: BKP005 at 7:521"
else
	bad "policy string nested 100,000 deep: expected BKP005 at 7:521"
fi
# CRLF line ends in the block: positions still map line for line.
printf 'Resources:\r\n  P:\r\n    Type: AWS::Organizations::Policy\r\n    Properties:\r\n      Type: BACKUP_POLICY\r\n      Content: |\r\n        {"plans": {"p": {"regions": {"@@assign": ["eu-wst-1"]},\r\n          "rules": {"r": {"lifecycle": {"delete_after_days": {"@@assign": "x"}}}}}}}\r\n' >"$tmp/crlf-policy.yaml"
run "$tmp/crlf-policy.yaml"
if [ $code = 1 ] && has_out "$tmp/crlf-policy.yaml:7:51: error: 'eu-wst-1' in regions" &&
	has_out "$tmp/crlf-policy.yaml:8:75: error: delete_after_days is 'x'"; then
	ok "policy string with CRLF line ends: findings at their place"
else
	bad "policy string with CRLF line ends: expected BKP201 at 7:51 and BKP102 at 8:75"
fi
# 200,000 plans, half of them the other half's names in capitals, each in
# two Regions: names compared after a sort (not pair by pair), the
# findings capped at the default 10,000.
awk 'BEGIN { printf "{\"plans\": {"
	for (i = 0; i < 100000; i++) printf "%s\"p%d\": {\"regions\": {\"@@assign\": [\"us-east-1\", \"eu-west-1\"]}, \"rules\": {\"r\": {\"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}}}}}", i ? ", " : "", i
	for (i = 0; i < 100000; i++) printf ", \"P%d\": {\"regions\": {\"@@assign\": [\"us-east-1\"]}}", i
	print "}}" }' >"$tmp/many-plans.json"
run "$tmp/many-plans.json"
if [ $code = 1 ] && has_out "plans 'p0' and 'P0' are one name to AWS Organizations" &&
	has_out "more findings not shown: at most 10000 are kept per file"; then
	ok "200,000 plans: BKP002 for names equal but for case, capped"
else
	bad "200,000 plans: expected BKP002 and the cap"
fi
# 20,000 rules in 128 Regions (16 of them, repeated): one plan a Region,
# each Region once, and past the model's budget the first Region only.
awk 'BEGIN { split("us-east-1 us-east-2 us-west-1 us-west-2 eu-west-1 eu-west-2 eu-west-3 eu-central-1 eu-north-1 ap-south-1 ap-southeast-1 ap-southeast-2 ap-northeast-1 ap-northeast-2 ca-central-1 sa-east-1", r, " ")
	printf "{\"plans\": {\"p\": {\"regions\": {\"@@assign\": ["
	for (i = 0; i < 128; i++) printf "%s\"%s\"", i ? ", " : "", r[i % 16 + 1]
	printf "]}, \"rules\": {"
	for (i = 0; i < 20000; i++) printf "%s\"r%d\": {\"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}}}", i ? ", " : "", i
	print "}}}}" }' >"$tmp/many-regions.json"
run "$tmp/many-regions.json"
if [ $code = 1 ] && has_out "rules has 20000 entries; AWS Backup allows 10"; then
	ok "20,000 rules in 128 Regions: BKP109, within the time bound"
else
	bad "20,000 rules in 128 Regions: expected BKP109"
fi

# ---- truncation: every prefix of a real plan --------------------------
# JSON: every proper prefix is exactly one BKP001 (exit 1). YAML: every
# prefix loads or fails with at most one BKP001, exit 0 or 1, nothing on
# standard error. All prefixes go to one run, so a crash shows as a lost
# report.
truncations() { # $1 source file, $2 extension, $3 step
	src=$1 ext=$2 step=$3
	mkdir -p "$tmp/trunc"
	rm -f "$tmp/trunc/"*
	# from one byte (the empty file is a golden case of its own) up to the
	# end of the value: the trailing line break is not needed
	size=$(printf %s "$(cat "$src")" | wc -c | tr -d ' ')
	i=1
	while [ $i -lt "$size" ]; do
		head -c $i "$src" >"$tmp/trunc/$(printf %06d $i).$ext"
		i=$((i + step))
	done
	# shellcheck disable=SC2086
	$to $vg "$bin" --format gnu --no-color -j 2 "$tmp/trunc/"*".$ext" >"$tmp/out" 2>"$tmp/err" </dev/null
	code=$?
	nfiles=$(ls "$tmp/trunc" | wc -l | tr -d ' ')
}
src=testdata/ok/schema-plan-create.json
step=1
[ $big = 1 ] || step=53
truncations "$src" json $step
worse=0
for p in "$tmp/trunc/"*.json; do
	n=$(grep -c "^$p:" "$tmp/out")
	n1=$(grep -c "^$p:.*\[BKP001 syntax-error\]" "$tmp/out")
	if [ "$n" != 1 ] || [ "$n1" != 1 ]; then
		[ $worse -lt 3 ] && echo "  $p: $n findings, $n1 BKP001"
		worse=$((worse + 1))
	fi
done
if [ $worse = 0 ] && [ $code = 1 ] && [ ! -s "$tmp/err" ]; then
	ok "$nfiles prefixes of $src (every ${step} bytes): exactly one BKP001 each"
else
	bad "prefixes of $src: $worse without exactly one BKP001"
fi
for src in testdata/ok/schema-template.yaml testdata/ok/schema-plan-bare.yaml; do
	step=3
	[ $big = 1 ] || step=97
	truncations "$src" yaml $step
	worse=0
	for p in "$tmp/trunc/"*.yaml; do
		n1=$(grep -c "^$p:.*\[BKP001 syntax-error\]" "$tmp/out")
		if [ "$n1" -gt 1 ]; then
			[ $worse -lt 3 ] && echo "  $p: $n1 BKP001"
			worse=$((worse + 1))
		fi
	done
	if [ $worse = 0 ] && { [ $code = 0 ] || [ $code = 1 ]; } && [ ! -s "$tmp/err" ]; then
		ok "$nfiles prefixes of $src (every ${step} bytes): no crash, at most one BKP001 each"
	else
		bad "prefixes of $src: $worse with more than one BKP001, or exit $code"
	fi
done

# ---- file-system faults ------------------------------------------------

# An endless device: the size limit stops it.
run --max-file-size 1048576 /dev/zero "$bad_plan"
if [ $code = 2 ] && has_err "backuplint: /dev/zero: file is larger than the 1048576-byte limit (raise it with --max-file-size)" &&
	has_out "/dev/zero:1:1: error: file is larger than the 1048576-byte limit" && has_out "$other_line"; then
	ok "/dev/zero: stopped at --max-file-size, BKP005, exit 2, other file linted"
else
	bad "/dev/zero: expected the size-limit message and exit 2"
fi
if [ $big = 1 ]; then
	run /dev/zero
	if [ $code = 2 ] && has_err "/dev/zero: file is larger than the 268435456-byte limit"; then
		ok "/dev/zero at the default limit: stopped at 256 MiB, exit 2"
	else
		bad "/dev/zero at the default limit: expected the size-limit message and exit 2"
	fi
fi
# Standard input that never ends.
$to $vg "$bin" --format gnu --no-color --max-file-size 65536 - "$bad_plan" </dev/zero >"$tmp/out" 2>"$tmp/err"
code=$?
if [ $code = 2 ] && has_err "backuplint: -: file is larger than the 65536-byte limit" && has_out "$other_line"; then
	ok "endless standard input: stopped at the limit, exit 2"
else
	bad "endless standard input: expected the size-limit message and exit 2"
fi

# A missing path.
run "$tmp/no-such-file.json" "$bad_plan"
if [ $code = 2 ] && has_err "backuplint: $tmp/no-such-file.json: cannot open: No such file or directory" &&
	has_out "$other_line"; then
	ok "missing path: named on stderr, exit 2, other file linted"
else
	bad "missing path: expected 'cannot open: No such file or directory' and exit 2"
fi

# A path through a regular file (unreadable even for root).
run "$bad_plan/inner.json" "$bad_plan"
if [ $code = 2 ] && has_err "backuplint: $bad_plan/inner.json: cannot open: Not a directory" &&
	has_out "$other_line"; then
	ok "path through a regular file: 'Not a directory', exit 2, other file linted"
else
	bad "path through a regular file: expected 'cannot open: Not a directory' and exit 2"
fi

# A directory, and a file, without read permission. Root reads them all
# the same, so as root the run drops to nobody with setpriv (or runuser).
mkdir -p "$tmp/tree/locked" "$tmp/tree/open"
cp "$bad_plan" "$tmp/tree/open/plan.json"
cp "$bad_plan" "$tmp/tree/locked/plan.json"
cp "$bad_plan" "$tmp/tree/secret.json"
chmod -R a+rX "$tmp/tree"
chmod 000 "$tmp/tree/locked" "$tmp/tree/secret.json"
as=""
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	elif command -v runuser >/dev/null && runuser -u nobody -- true 2>/dev/null; then
		as="runuser -u nobody --"
	fi
fi
if [ "$(id -u)" = 0 ] && [ -z "$as" ]; then
	echo "skip: unreadable directory and file (running as root, and neither setpriv nor runuser can drop to nobody)"
elif ! $as test -r "$bin"; then
	echo "skip: unreadable directory and file ($bin is not readable by the unprivileged user)"
else
	# shellcheck disable=SC2086
	$to $as $vg "$bin" --format gnu --no-color "$tmp/tree" >"$tmp/out" 2>"$tmp/err" </dev/null
	code=$?
	if [ $code = 2 ] && has_err "backuplint: $tmp/tree/locked: cannot read directory: Permission denied" &&
		has_err "backuplint: $tmp/tree/secret.json: cannot open: Permission denied" &&
		has_out "$tmp/tree/open/plan.json:2:70: error: DeleteAfterDays is 100"; then
		ok "unreadable directory and file${as:+ (as nobody via ${as%% *})}: both named, exit 2, the readable plan linted"
	else
		bad "unreadable directory and file: expected two 'Permission denied' messages and exit 2"
	fi
fi
chmod 755 "$tmp/tree/locked"
chmod 644 "$tmp/tree/secret.json"

# A symbolic link loop while walking, a link to itself, a dangling link.
mkdir -p "$tmp/loop/sub"
cp "$bad_plan" "$tmp/loop/sub/plan.json"
ln -s .. "$tmp/loop/sub/up"
run "$tmp/loop"
if [ $code = 2 ] && has_err "backuplint: $tmp/loop/sub/up: symbolic link loop, not followed" &&
	[ "$(grep -c 'DeleteAfterDays is 100' "$tmp/out")" = 1 ]; then
	ok "symbolic link loop: named, not followed, the plan reported once, exit 2"
else
	bad "symbolic link loop: expected the loop message, one finding and exit 2"
fi
mkdir -p "$tmp/links"
cp "$bad_plan" "$tmp/links/plan.json"
ln -s self.json "$tmp/links/self.json"
ln -s nowhere.json "$tmp/links/dangling.json"
run "$tmp/links"
if [ $code = 2 ] && has_err "backuplint: $tmp/links/self.json: cannot open: Too many levels of symbolic links" &&
	has_err "backuplint: $tmp/links/dangling.json: cannot open: No such file or directory" &&
	has_out "$tmp/links/plan.json:2:70"; then
	ok "a link to itself and a dangling link: both named, exit 2, the plan linted"
else
	bad "self and dangling links: expected two 'cannot open' messages and exit 2"
fi

# A file that shrinks while it is read. A sysfs attribute is the
# deterministic case: fstat says 4096 bytes, reading gives fewer, exactly
# what a file truncated between fstat and EOF looks like.
shrink=""
for s in /sys/kernel/mm/transparent_hugepage/enabled /sys/power/state /sys/kernel/profiling; do
	if [ -r "$s" ] && [ "$(stat -c %s "$s" 2>/dev/null)" = 4096 ] &&
		[ "$(wc -c <"$s" | tr -d ' ')" -lt 4096 ]; then
		shrink=$s
		break
	fi
done
if [ -n "$shrink" ]; then
	run "$shrink" "$bad_plan"
	if [ $code = 2 ] && has_err "backuplint: $shrink: the file shrank while it was read" && has_out "$other_line"; then
		ok "file shorter than its size ($shrink): 'shrank while it was read', exit 2, other file linted"
	else
		bad "file shorter than its size ($shrink): expected 'shrank while it was read' and exit 2"
	fi
else
	echo "skip: shrinking file (no sysfs attribute whose size is 4096 and content shorter)"
fi
# A FIFO whose writer stops half way through a document: what was written
# is linted (a syntax error at the end), nothing hangs.
if mkfifo "$tmp/fifo.json" 2>/dev/null; then
	head -c 60 "$bad_plan" >"$tmp/fifo.json" &
	writer=$!
	run "$tmp/fifo.json" "$bad_plan"
	# a writer still blocked in open() means the FIFO was never read
	kill $writer 2>/dev/null
	wait $writer 2>/dev/null
	if [ $code = 1 ] && has_out "$tmp/fifo.json:1:54: error: unterminated string" && has_out "$other_line"; then
		ok "FIFO cut after 60 bytes: BKP001 (unterminated string), other file linted"
	else
		bad "FIFO cut after 60 bytes: expected BKP001 at 1:54"
	fi
fi

# A write error on standard output, in every format.
if [ -w /dev/full ]; then
	for fmt in text gnu json sarif github; do
		# shellcheck disable=SC2086
		$to $vg "$bin" --format $fmt "$bad_plan" >/dev/full 2>"$tmp/err" </dev/null
		code=$?
		: >"$tmp/out"
		if [ $code = 2 ] && has_err "backuplint: cannot write the output: No space left on device"; then
			ok "--format $fmt > /dev/full: the write error named, exit 2"
		else
			bad "--format $fmt > /dev/full: expected 'cannot write the output' and exit 2"
		fi
	done
	$to $vg "$bin" --list-rules >/dev/full 2>"$tmp/err" </dev/null
	code=$?
	if [ $code = 2 ]; then ok "--list-rules > /dev/full: exit 2"
	else bad "--list-rules > /dev/full: expected exit 2"; fi
else
	echo "skip: write errors (no /dev/full)"
fi
# Standard output closed.
$to $vg "$bin" --format gnu "$bad_plan" >&- 2>"$tmp/err" </dev/null
code=$?
: >"$tmp/out"
if [ $code = 2 ] && has_err "backuplint: cannot write the output"; then
	ok "standard output closed: the write error named, exit 2"
else
	bad "standard output closed: expected 'cannot write the output' and exit 2"
fi

# A FIFO, a socket and a device found while walking a directory: skipped,
# not waited on; the plan beside them is linted.
mkdir -p "$tmp/walk"
cp "$bad_plan" "$tmp/walk/plan.json"
if mkfifo "$tmp/walk/pipe.json" 2>/dev/null; then
	# a socket too, when a tool that makes one is there
	node -e 'require("net").createServer().listen(process.argv[1], () => process.exit(0))' \
		"$tmp/walk/sock.json" 2>/dev/null ||
		python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
			"$tmp/walk/sock.json" 2>/dev/null
	ln -s /dev/zero "$tmp/walk/zero.yaml"
	run "$tmp/walk"
	if [ $code = 1 ] && has_out "$tmp/walk/plan.json:2:70: error" && [ "$(nlines "$tmp/out")" = 1 ] &&
	   [ ! -s "$tmp/err" ]; then
		ok "FIFO, socket and device in a walked directory: skipped, the plan linted"
	else
		bad "FIFO, socket and device in a walked directory: expected the plan's one finding"
	fi
	rm -f "$tmp/walk/pipe.json" "$tmp/walk/sock.json" "$tmp/walk/zero.yaml"
else
	echo "skip: FIFO in a walked directory (mkfifo failed)"
fi

# A reader that closes the pipe early: exit 2 with the reason, not SIGPIPE
# (141), whatever the size of the output.
for n in 1 200; do
	rm -f "$tmp/many"/*; mkdir -p "$tmp/many"
	i=0; while [ $i -lt $n ]; do cp "$bad_plan" "$tmp/many/p$i.json"; i=$((i + 1)); done
	# shellcheck disable=SC2086
	( $to $vg "$bin" --format text "$tmp/many" 2>"$tmp/err" </dev/null; echo $? >"$tmp/code" ) | head -c 1 >/dev/null
	code=$(cat "$tmp/code"); : >"$tmp/out"
	if [ "$code" = 2 ] && has_err "cannot write the output: Broken pipe"; then
		ok "output pipe closed after one byte ($n files): exit 2, the reason named"
	elif [ "$code" = 0 ] || [ "$code" = 1 ]; then
		ok "output pipe closed after one byte ($n files): all written before the close (exit $code)"
	else
		bad "output pipe closed after one byte ($n files): expected exit 2 and 'Broken pipe'"
	fi
done

# Options and environment that cannot be honoured: a usage error, never a
# silent default.
run --account 1234 "$bad_plan"
if [ $code = 2 ] && has_err "--account '1234' is not an AWS account id"; then ok "--account 1234: refused"
else bad "--account 1234: expected a usage error"; fi
BACKUPLINT_NOW=2026-02-30 run "$bad_plan"
if [ $code = 2 ] && has_err "BACKUPLINT_NOW='2026-02-30' is not a date"; then ok "BACKUPLINT_NOW=2026-02-30: refused"
else bad "BACKUPLINT_NOW=2026-02-30: expected a usage error"; fi
run - -
if [ $code = 2 ] && has_err "'-' is named twice"; then ok "- given twice: refused"
else bad "- given twice: expected a usage error"; fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
