#!/bin/sh
# SARIF output against Microsoft's SARIF validator and the SARIF schema.
#   sh testdata/sarif/validate.sh BACKUPLINT
# Installs into build/npm, when missing, the validator (npm package
# @microsoft/sarif-multitool-linux: `Sarif.Multitool validate`, which carries
# the SARIF 2.1.0 schema and its rules) and ajv (a JSON-schema validator).
# Then lints real fixtures with --format sarif (a clean run; findings of every
# severity with hints and related locations; file names with spaces, '%',
# '#', brackets, non-ASCII, control characters and bytes that are not UTF-8;
# an absolute path with dot segments; an unreadable file; standard input;
# the whole testdata tree) and requires every log to have no validator error or
# warning, to match the schema, and to hold what the fixtures produce.
# First it proves that both checks can fail, on deliberately broken logs.
# Prints "N passed, N failed" last; exits 1 when anything failed.
set -u
bin=${1:?usage: validate.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
here=testdata/sarif
npm_dir=$PWD/build/npm
pkg=$npm_dir/node_modules/@microsoft/sarif-multitool-linux
tool=$pkg/Sarif.Multitool
schema=$pkg/sarif-2.1.0.json
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" = 0 ]; exit $?; }

if [ ! -f "$tool" ] || [ ! -d "$npm_dir/node_modules/ajv-formats" ]; then
	echo "installing the SARIF validator and ajv into build/npm"
	mkdir -p "$npm_dir"
	if ! npm install --prefix "$npm_dir" --no-audit --no-fund --loglevel=error \
		@microsoft/sarif-multitool-linux@5.7.0 ajv@8.20.0 ajv-formats@3.0.1 \
		>"$tmp/npm" 2>&1; then
		cat "$tmp/npm"
		bad "npm install of the SARIF validator"
		finish
	fi
fi
# npm no longer runs the package's postinstall (chmod) by default.
chmod u+x "$tool" 2>/dev/null
# The validator is a .NET program: without ICU it must not look for one.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export NODE_PATH=$npm_dir/node_modules

# check LOG: run both checks on LOG. Sets v (validator: 0 clean, 1 errors,
# 3 warnings, 2 no verdict) and s (schema: 0 valid, 1 invalid) and leaves
# their reports in $tmp/v.txt and $tmp/s.txt.
check() {
	rm -f "$tmp/v.sarif"
	# Rule SARIF2006 fetches the log's URIs over HTTP; a proxy on a closed
	# local port keeps the test off the network (and the note it gives
	# counts for nothing).
	HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY= \
		"$tool" validate "$1" -o "$tmp/v.sarif" --log ForceOverwrite \
		>"$tmp/v.out" 2>&1
	if [ -s "$tmp/v.sarif" ]; then
		node $here/validator-result.js "$tmp/v.sarif" >"$tmp/v.txt" 2>&1
		v=$?
	else
		{ echo "  the validator wrote no log:"; cat "$tmp/v.out"; } >"$tmp/v.txt"
		v=2
	fi
	node $here/schema-check.js "$schema" "$1" >"$tmp/s.txt" 2>&1
	s=$?
}

# valid NAME LOG: both checks pass.
valid() {
	check "$2"
	if [ $v = 0 ] && [ $s = 0 ]; then
		ok "$1: $(tail -n 1 "$tmp/v.txt")"
	else
		bad "$1"
		cat "$tmp/v.txt" "$tmp/s.txt"
	fi
}

# expect NAME LOG JS: JS (a boolean expression over `log`, the parsed LOG)
# is true.
expect() {
	if node -e '
		const [path, expr] = process.argv.slice(1);
		const log = JSON.parse(require("fs").readFileSync(path, "utf8"));
		const run = log.runs[0], results = run.results;
		const levels = new Set(results.map((r) => r.level));
		const f = new Function("log", "run", "results", "levels", "return (" + expr + ");");
		process.exit(f(log, run, results, levels) ? 0 : 1);' "$2" "$3"; then
		ok "$1"
	else
		bad "$1: expected $3"
	fi
}

# 1. The checks can fail: the validator rejects a log with bad regions, a
# bad URI and a bad index; the schema check rejects an unknown level (which
# the validator lets through without a word).
check $here/broken-validator.sarif
if [ $v = 1 ] && grep -q SARIF1002 "$tmp/v.txt" && grep -q SARIF1007 "$tmp/v.txt"; then
	ok "validator rejects broken-validator.sarif"
else
	bad "validator did not reject broken-validator.sarif (v=$v)"
	cat "$tmp/v.txt"
fi
check $here/broken-schema.sarif
if [ $s = 1 ] && grep -q "allowed values" "$tmp/s.txt"; then
	ok "schema check rejects broken-schema.sarif"
else
	bad "schema check did not reject broken-schema.sarif (s=$s)"
	cat "$tmp/s.txt"
fi

# 2. A clean run.
"$bin" --format sarif testdata/output/text-clean.json >"$tmp/clean.sarif"
code=$?
[ $code = 0 ] && ok "clean run exits 0" || bad "clean run exits $code"
valid "clean run" "$tmp/clean.sarif"
expect "clean run has no results, every rule, a version" "$tmp/clean.sarif" \
	'results.length === 0 && run.invocations[0].executionSuccessful === true &&
	 run.tool.driver.rules.length > 5 && run.tool.driver.version &&
	 run.tool.driver.rules.every((r) => r.id && r.shortDescription && r.fullDescription &&
		r.help.text && r.help.markdown && r.defaultConfiguration.level)'

# 3. Findings of every severity, hints, related locations, odd file names,
# and a file that cannot be read. The files are named (not found by walking
# the folder) so that the info for an unrecognized document is reported.
"$bin" --format sarif "$here/findings/dup é.json" "$here/findings/odd #1 %20 [x].json" \
	"$here/findings/plan with spaces ü.yaml" "$here/findings/no such file.json" \
	>"$tmp/findings.sarif" 2>"$tmp/findings.err"
code=$?
[ $code = 2 ] && ok "findings run with an unreadable file exits 2" ||
	bad "findings run exits $code"
valid "findings run" "$tmp/findings.sarif"
expect "findings: every level" "$tmp/findings.sarif" \
	'levels.has("error") && levels.has("warning") && levels.has("note")'
expect "findings: related locations and hints" "$tmp/findings.sarif" \
	'results.some((r) => r.relatedLocations && r.relatedLocations[0].physicalLocation.region.startLine > 0) &&
	 results.some((r) => r.properties && r.properties.hint)'
expect "findings: ruleIndex points at ruleId" "$tmp/findings.sarif" \
	'results.every((r) => run.tool.driver.rules[r.ruleIndex].id === r.ruleId)'
expect "findings: %-encoded URIs" "$tmp/findings.sarif" \
	'run.artifacts.some((a) => a.location.uri === "testdata/sarif/findings/plan%20with%20spaces%20%C3%BC.yaml") &&
	 run.artifacts.some((a) => a.location.uri === "testdata/sarif/findings/odd%20%231%20%2520%20%5Bx%5D.json")'
expect "findings: the unreadable file is a failed invocation" "$tmp/findings.sarif" \
	'run.invocations[0].executionSuccessful === false &&
	 run.invocations[0].toolExecutionNotifications.length === 1'

# 4. A file over --max-file-size: not read, yet reported (BKP005).
"$bin" --format sarif --max-file-size 10 testdata/output/text-clean.json \
	>"$tmp/big.sarif" 2>/dev/null
valid "file over the size limit" "$tmp/big.sarif"
expect "file over the size limit: BKP005 and a failed invocation" "$tmp/big.sarif" \
	'results.length === 1 && results[0].ruleId === "BKP005" &&
	 run.invocations[0].executionSuccessful === false'

# 5. Standard input under a given name.
"$bin" --format sarif --stdin-filename "std in/ü.json" - \
	<"$here/findings/dup é.json" >"$tmp/stdin.sarif"
valid "standard input" "$tmp/stdin.sarif"
expect "standard input: named URI" "$tmp/stdin.sarif" \
	'results.length > 0 && results.every((r) =>
		r.locations[0].physicalLocation.artifactLocation.uri === "std%20in/%C3%BC.json")'

# 6. An absolute path with "." and ".." segments: a file URI without them.
"$bin" --format sarif "$PWD/$here/../sarif/./findings/dup é.json" >"$tmp/abs.sarif"
valid "absolute path" "$tmp/abs.sarif"
expect "absolute path: file URI without dot segments" "$tmp/abs.sarif" \
	'run.artifacts[0].location.uri.startsWith("file:///") &&
	 run.artifacts[0].location.uri.endsWith("/testdata/sarif/findings/dup%20%C3%A9.json") &&
	 !/\/\.\.?\//.test(run.artifacts[0].location.uri)'

# 7. Hostile file names, made at run time: a newline, a tab, a backslash,
# '?' and '#', and a byte that is not UTF-8.
mkdir -p "$tmp/names"
odd=$(printf 'odd\nname\t\\?#\377.json')
cp "$here/findings/dup é.json" "$tmp/names/$odd"
(cd "$tmp" && "$bin" --format sarif "names/$odd") >"$tmp/names.sarif"
valid "hostile file names" "$tmp/names.sarif"
expect "hostile file names: %-encoded" "$tmp/names.sarif" \
	'run.artifacts[0].location.uri === "names/odd%0Aname%09%5C%3F%23%FF.json"'

# 8. Everything under testdata/: every family's findings, hostile inputs
# (invalid UTF-8, NUL bytes, deep nesting) included; without the
# configurations of testdata/config (one of them is broken on purpose).
"$bin" --format sarif --no-config testdata >"$tmp/all.sarif" 2>/dev/null
valid "all of testdata" "$tmp/all.sarif"
expect "all of testdata: many results" "$tmp/all.sarif" 'results.length > 20'

# 9. Suppressed findings: results with suppressions, in source (a comment,
# CloudFormation Metadata, with the reason as justification) and external
# (a configuration's per-file entry).
"$bin" --format sarif testdata/config/nested.case testdata/suppress >"$tmp/supp.sarif" 2>/dev/null
valid "suppressions" "$tmp/supp.sarif"
expect "suppressions: in source, with a justification" "$tmp/supp.sarif" \
	'results.some((r) => r.suppressions && r.suppressions[0].kind === "inSource" && r.suppressions[0].justification === "monthly jobs are small")'
expect "suppressions: external" "$tmp/supp.sarif" \
	'results.some((r) => r.suppressions && r.suppressions[0].kind === "external" && r.suppressions[0].justification === "the legacy plans retire in Q3, OPS-40")'
expect "suppressions: every result has a fingerprint" "$tmp/supp.sarif" \
	'results.every((r) => /^[0-9a-f]{16}$/.test(r.partialFingerprints["backuplint/v1"]))'

# 10. Fixes: each a description and an artifactChange on the result's file
# with replacements (deletedRegion, insertedContent), safe and unsafe ones,
# insertions of nothing (a removed line) included.
"$bin" --format sarif --no-config testdata/fix >"$tmp/fix.sarif" 2>/dev/null
valid "fixes" "$tmp/fix.sarif"
expect "fixes: replacements on the result's artifact" "$tmp/fix.sarif" \
	'results.filter((r) => r.fixes).length >= 8 &&
	 results.filter((r) => r.fixes).every((r) => r.fixes.every((f) => f.description.text &&
		f.artifactChanges[0].artifactLocation.uri === r.locations[0].physicalLocation.artifactLocation.uri &&
		f.artifactChanges[0].replacements.every((p) => p.deletedRegion.startLine >= 1 &&
			typeof p.insertedContent.text === "string"))) &&
	 results.some((r) => r.fixes && r.fixes[0].artifactChanges[0].replacements[0].insertedContent.text === "")'

finish
