#!/bin/sh
# Hostile HCL for the HCL loader (linter/hcl*.c), through the drivers
# tools/hcl-tojson and tools/loadonly beside BACKUPLINT (make units builds
# them; the CLI does not read .tf files yet): unterminated heredocs,
# templates and brackets, 100,000-deep nesting, a 100 MB file (timed), bad
# UTF-8, NUL bytes, a huge line, a huge body, every prefix of a real
# module. Each case states the exit status and the message it expects.
#   sh testdata/hostile/check-hcl.sh BACKUPLINT
# VALGRIND=1 runs the drivers under valgrind, with the big cases cut down.
# Prints "N passed, N failed" last; exits 1 when anything failed.
set -u
bin=${1:?usage: check-hcl.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tools=$(dirname "$bin")/tools
[ -x "$tools/hcl-tojson" ] && [ -x "$tools/loadonly" ] ||
	make -s "${tools#"$PWD"/}/hcl-tojson" "${tools#"$PWD"/}/loadonly" >/dev/null 2>&1 ||
	{ echo "FAIL: no $tools/hcl-tojson or loadonly (make units)"; echo "0 passed, 1 failed"; exit 1; }
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg="" big=1
if [ "${VALGRIND:-}" = 1 ]; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
	big=0
fi
to=""
command -v timeout >/dev/null && to="timeout ${HOSTILE_TIMEOUT:-120}"

ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; head -c 300 "$tmp/out" | sed 's/^/  out: /'; echo "  exit: $code"; }
# parse FILE: tojson on it; $code and $tmp/out ("error L:C: MSG" or JSON)
parse() { $to $vg "$tools/hcl-tojson" "$1" >"$tmp/out" 2>&1; code=$?; }
# rejects NAME FILE "L:C: MESSAGE": exit 1 with that error line
rejects() {
	parse "$2"
	if [ $code = 1 ] && grep -qF "error $3" "$tmp/out"; then ok "$1: $3"
	else bad "$1: expected 'error $3'"; fi
}
# repeat N TEXT: TEXT N times
repeat() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# ---- unterminated ------------------------------------------------------
{ printf 'policy = <<EOT\n'; repeat 100000 'a line of text ${var.x}\n'; } >"$tmp/heredoc.tf"
rejects "unterminated heredoc, 100,000 lines" "$tmp/heredoc.tf" "100002:1: unterminated heredoc: no line holding only EOT closes it"
{ printf 'policy = <<EOT\nx\n  EOT'; } >"$tmp/heredoc-eof.tf"
rejects "heredoc marker at the end of the file" "$tmp/heredoc-eof.tf" "3:6: unterminated heredoc: its closing marker EOT needs a line break after it"
{ printf 'a = "'; repeat 100000 'text ${x} '; } >"$tmp/template.tf"
rejects "unterminated template, 1 MB on one line" "$tmp/template.tf" "1:1000006: unterminated string"
{ printf 'a = "${'; repeat 10000 'x + '; } >"$tmp/interp.tf"
rejects "unterminated interpolation" "$tmp/interp.tf" "1:40008: unexpected end of the file: expected an expression"
{ printf 'a = "%%{ if x }'; repeat 10000 'y'; printf '"\n'; } >"$tmp/directive.tf"
rejects "unterminated directive" "$tmp/directive.tf" "1:6: %{ if } is never closed"
printf 'a = 1 /* never closed\n' >"$tmp/comment.tf"
rejects "unterminated comment" "$tmp/comment.tf" "1:7: unterminated comment"

# ---- nesting ----------------------------------------------------------
deep() { # NAME HEAD UNIT TAIL
	{ printf '%s' "$2"; repeat 100000 "$3"; printf '%s' "$4"; } >"$tmp/deep.tf"
	parse "$tmp/deep.tf"
	if [ $code = 1 ] && grep -q "nesting deeper than 512 levels\|too deep for the HCL parser" "$tmp/out"; then
		ok "100,000 levels of $1: $(cut -c1-60 "$tmp/out")"
	else
		bad "100,000 levels of $1: expected the nesting limit"
	fi
}
deep "[" "a = " "[" ""
deep "{" "a = " "{b = " ""
deep "(" "a = " "(" ""
deep "f(" "a = " "f(" ""
deep '"${' "a = " '"${' ""
deep "%{ if }" 'a = "' '%{if x}' '"'
deep "unary -" "a = " "-" "1"
deep "conditionals" "a = " "x ? y : " "z"
deep "heredocs" "a = " '<<EOT
${' ""
deep "blocks" "" 'b "l" {
' ""

# ---- size -------------------------------------------------------------
# 100 MB of plans (10 MB under valgrind): loaded, timed.
n=126000
[ $big = 1 ] || n=12600
awk -v n=$n 'BEGIN {
	for (i = 0; i < n; i++) {
		printf "resource \"aws_backup_plan\" \"p%d\" {\n  name = \"plan-%d\"\n", i, i
		for (r = 0; r < 2; r++)
			printf "  rule {\n    rule_name         = \"r%d\"\n    target_vault_name = aws_backup_vault.main.name\n    schedule          = \"cron(0 %d ? * * *)\"\n    lifecycle {\n      cold_storage_after = 30\n      delete_after       = 120\n    }\n    copy_action {\n      destination_vault_arn = \"arn:aws:backup:eu-central-1:123456789012:backup-vault:dr\"\n    }\n  }\n", r, r + 5
		printf "  tags = merge(local.tags, { Name = \"plan-%d\", Index = %d })\n}\n\n", i, i
	}
}' >"$tmp/big.tf"
size=$(wc -c <"$tmp/big.tf" | tr -d ' ')
start=$(date +%s.%N)
$to $vg "$tools/loadonly" "$tmp/big.tf" >"$tmp/out" 2>&1
code=$?
took=$(echo "$start $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
if [ $code = 0 ] && grep -q "1 files, 1 documents, 0 failed" "$tmp/out"; then
	ok "$size-byte file ($n plans): loaded in ${took}s"
else
	bad "$size-byte file: expected it to load"
fi
rm -f "$tmp/big.tf"
# one body of 200,000 attributes with 1,000 repeated: loads (duplicates are
# reported by the caller, not refused)
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "k%d = %d\n", i % 199000, i }' >"$tmp/wide.tf"
$to $vg "$tools/loadonly" "$tmp/wide.tf" >"$tmp/out" 2>&1
code=$?
if [ $code = 0 ]; then ok "body of 200,000 attributes: loaded"; else bad "body of 200,000 attributes"; fi
# a 10 MB string and a list of a million numbers
{ printf 'a = "'; head -c 10000000 /dev/zero | tr '\0' x; printf '"\nb = ['; repeat 1000000 '1, '; printf ']\n'; } >"$tmp/long.tf"
$to $vg "$tools/loadonly" "$tmp/long.tf" >"$tmp/out" 2>&1
code=$?
if [ $code = 0 ]; then ok "10 MB string and a list of 1,000,000 items: loaded"; else bad "10 MB string and a 1,000,000-item list"; fi

# ---- bytes --------------------------------------------------------------
printf 'a = "ok"\nb = \377\n' >"$tmp/utf8.tf"
rejects "a byte that is not UTF-8" "$tmp/utf8.tf" "2:5: a byte that is not UTF-8"
printf 'a = \303' >"$tmp/cut.tf"
rejects "UTF-8 cut by the end of the file" "$tmp/cut.tf" "1:5: a byte that is not UTF-8"
printf 'a = 1\nb = \0\n' >"$tmp/nul.tf"
rejects "a NUL byte" "$tmp/nul.tf" "2:5: unexpected NUL byte"
printf 'a = "x\0y"\n' >"$tmp/nul-string.tf"
parse "$tmp/nul-string.tf"
if [ $code = 0 ] && grep -qF '"a":"x\u0000y"' "$tmp/out"; then ok "a NUL byte inside a string: kept"
else bad "a NUL byte inside a string: expected it kept"; fi
printf '\377\376a\0 \0=\0 \0001\0' >"$tmp/utf16.tf"
rejects "UTF-16" "$tmp/utf16.tf" "1:1: a byte that is not UTF-8"

# ---- every prefix of a real module: parsed, or exactly one error --------
src=testdata/hcl/diff/backup-plan.tf
step=11
[ $big = 1 ] || step=211
size=$(wc -c <"$src" | tr -d ' ')
i=0 worse=0 n=0
while [ $i -lt "$size" ]; do
	head -c $i "$src" >"$tmp/prefix.tf"
	parse "$tmp/prefix.tf"
	if ! { [ $code = 0 ] || { [ $code = 1 ] && [ "$(grep -c '^error [0-9]*:[0-9]*: .' "$tmp/out")" = 1 ]; }; }; then
		[ $worse -lt 3 ] && echo "  prefix $i: exit $code: $(head -c 200 "$tmp/out")"
		worse=$((worse + 1))
	fi
	i=$((i + step)) n=$((n + 1))
done
if [ $worse = 0 ]; then ok "$n prefixes of $src (every $step bytes): parsed or one error"
else fail=$((fail + 1)); echo "FAIL: $worse prefixes of $src crashed or gave no single error"; fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
