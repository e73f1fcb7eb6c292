#!/bin/sh
# --fix, --unsafe-fixes and --diff on copies of the fixtures:
#   every testdata/fix/<case> (its .args hold --diff, maybe --unsafe-fixes)
#   fixed in place equals testdata/ok/fixed-<case> (which the golden runner
#   shows clean), leaves nothing to report and no temporary file; its
#   --diff, applied with patch, gives the same file; --diff never writes;
#   the mode (and, as root, the owner) of a fixed file is kept; a symlink
#   out of the working tree is not written through, one inside is; standard
#   input comes back fixed on stdout.
# Prints "N passed, N failed" last.
#   sh testdata/fix/check-fix.sh BACKUPLINT
set -u
bin=${1:?usage: check-fix.sh BACKUPLINT}
cd "$(dirname "$0")/../.." || exit 2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
root=$PWD
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export BACKUPLINT_NOW=2026-06-15
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }

for c in testdata/fix/*.yaml testdata/fix/*.json testdata/fix/*.tf; do
	[ -f "$c" ] || continue
	name=${c##*/}
	base=${c%.*}
	want=testdata/ok/fixed-$name
	[ -f "$want" ] || { ko "$c has no $want"; continue; }
	unsafe=""
	grep -q -- --unsafe-fixes "$base.args" 2>/dev/null && unsafe=--unsafe-fixes
	rm -rf "$tmp/w" && mkdir "$tmp/w" && cp "$c" "$tmp/w/$name"
	chmod 640 "$tmp/w/$name"
	# --diff: exit 1, nothing written; the diff applies to give the after file
	(cd "$tmp/w" && "$bin" --diff $unsafe "$name" >"$tmp/diff" 2>"$tmp/err")
	[ $? = 1 ] && ok || ko "$c: --diff did not exit 1"
	cmp -s "$c" "$tmp/w/$name" && ok || ko "$c: --diff wrote the file"
	if command -v patch >/dev/null; then
		(cd "$tmp/w" && cp "$name" "p-$name" &&
			sed "s#^--- a/$name#--- a/p-$name#; s#^+++ b/$name#+++ b/p-$name#" \
				"$tmp/diff" | patch -s -p1 >/dev/null 2>&1)
		cmp -s "$want" "$tmp/w/p-$name" && ok || ko "$c: its --diff does not give $want"
		rm -f "$tmp/w/p-$name"
	fi
	# --fix in place: the after file, nothing left, mode kept, no temp file
	(cd "$tmp/w" && "$bin" --fix $unsafe --format gnu --no-color "$name" >"$tmp/out" 2>"$tmp/err")
	code=$?
	[ $code = 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ] && ok ||
		{ ko "$c: --fix left findings (exit $code)"; head -5 "$tmp/out" "$tmp/err"; }
	cmp -s "$want" "$tmp/w/$name" && ok ||
		{ ko "$c: --fix did not give $want"; diff "$want" "$tmp/w/$name" | head -10; }
	[ "$(stat -c %a "$tmp/w/$name")" = 640 ] && ok || ko "$c: --fix lost the mode"
	[ "$(ls -A "$tmp/w")" = "$name" ] && ok || ko "$c: --fix left files: $(ls -A "$tmp/w")"
	# --fix again: nothing to do, the file untouched
	(cd "$tmp/w" && "$bin" --fix $unsafe "$name" >/dev/null 2>&1)
	cmp -s "$want" "$tmp/w/$name" && ok || ko "$c: a second --fix changed it"
	# standard input: the fixed document on stdout
	"$bin" --fix $unsafe --stdin-filename "$name" - <"$c" >"$tmp/stdout" 2>/dev/null
	cmp -s "$want" "$tmp/stdout" && ok || ko "$c: --fix - did not print $want"
done

c=testdata/fix/region-yaml.yaml
want=testdata/ok/fixed-region-yaml.yaml
# --unsafe-fixes alone is a usage error, and so is --fix with --diff
"$bin" --unsafe-fixes "$c" >/dev/null 2>&1
[ $? = 2 ] && ok || ko "--unsafe-fixes without --fix or --diff is not a usage error"
"$bin" --fix --diff "$c" >/dev/null 2>&1
[ $? = 2 ] && ok || ko "--fix --diff is not a usage error"
# a clean file: --diff prints nothing and exits 0
"$bin" --diff "$want" >"$tmp/out" 2>&1
[ $? = 0 ] && [ ! -s "$tmp/out" ] && ok || ko "--diff on a clean file"

# a finding the baseline holds is accepted as it is: --fix and --diff leave
# it, and fix only what came after the baseline
rm -rf "$tmp/w" && mkdir "$tmp/w" && cp "$c" "$tmp/w/p.yaml"
(cd "$tmp/w" && "$bin" --write-baseline bl.json p.yaml >/dev/null 2>&1)
(cd "$tmp/w" && "$bin" --baseline bl.json --diff p.yaml >"$tmp/out" 2>&1)
[ $? = 0 ] && [ ! -s "$tmp/out" ] && ok || ko "--diff --baseline offers the baseline's fix: $(cat "$tmp/out")"
sed 's/^      ScheduleExpression/      StartWindowMinute: 60\n      ScheduleExpression/' "$c" >"$tmp/w/p.yaml"
(cd "$tmp/w" && "$bin" --baseline bl.json --fix --format gnu p.yaml >"$tmp/out" 2>&1)
code=$?
[ $code = 0 ] && grep -q '^      StartWindowMinutes: 60$' "$tmp/w/p.yaml" &&
	grep -q 'eu-cental-1' "$tmp/w/p.yaml" && ok ||
	{ ko "--fix --baseline: the new finding fixed, the baseline's left (exit $code)"; cat "$tmp/out"; }

# symlinks: out of the working tree, untouched; inside it, the target fixed
rm -rf "$tmp/w" "$tmp/outside" && mkdir -p "$tmp/w/sub" "$tmp/outside"
cp "$c" "$tmp/outside/plan.yaml"
cp "$c" "$tmp/w/sub/plan.yaml"
ln -s ../outside/plan.yaml "$tmp/w/out.yaml"
ln -s sub/plan.yaml "$tmp/w/in.yaml"
(cd "$tmp/w" && "$bin" --fix --format gnu out.yaml >"$tmp/out" 2>"$tmp/err")
code=$?
cmp -s "$c" "$tmp/outside/plan.yaml" && ok || ko "--fix wrote through a symlink out of the tree"
[ -L "$tmp/w/out.yaml" ] && ok || ko "--fix replaced a symlink"
grep -q "not fixed: a symbolic link that leads out" "$tmp/err" && ok ||
	ko "no note for the symlink out of the tree: $(cat "$tmp/err")"
[ $code = 1 ] && grep -q BKP201 "$tmp/out" && ok ||
	ko "the finding of an unfixed file is not reported (exit $code)"
(cd "$tmp/w" && "$bin" --fix in.yaml >/dev/null 2>&1)
cmp -s "$want" "$tmp/w/sub/plan.yaml" && ok || ko "--fix did not fix a symlink's target in the tree"
[ -L "$tmp/w/in.yaml" ] && ok || ko "--fix replaced a symlink in the tree"
[ -z "$(find "$tmp" -name '.backuplint-fix-*')" ] && ok || ko "temporary files left"

# the owner is kept (only root can give a file away)
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	rm -rf "$tmp/w" && mkdir "$tmp/w" && cp "$c" "$tmp/w/p.yaml"
	chown nobody "$tmp/w/p.yaml"
	(cd "$tmp/w" && "$bin" --fix p.yaml >/dev/null 2>&1)
	[ "$(stat -c %U "$tmp/w/p.yaml")" = nobody ] && cmp -s "$want" "$tmp/w/p.yaml" && ok ||
		ko "--fix did not keep the owner"
fi

# a file that cannot be written: its folder is read-only (not as root)
if [ "$(id -u)" != 0 ]; then
	rm -rf "$tmp/w" && mkdir "$tmp/w" && cp "$c" "$tmp/w/p.yaml" && chmod 555 "$tmp/w"
	(cd "$tmp/w" && "$bin" --fix p.yaml >/dev/null 2>&1)
	[ $? = 2 ] && cmp -s "$c" "$tmp/w/p.yaml" && ok || ko "an unwritable folder is not trouble"
	chmod 755 "$tmp/w"
fi
cd "$root" || exit 2
echo "$pass passed, $fail failed"
[ $fail = 0 ]
