#!/bin/sh
# bench/run.sh - time backuplint against the parsers it is built on and
# against Spectral, all in one run, and print medians, ratios and peak memory.
#
# Run from the repository root after `make` (or via `make bench`).
# Environment:
#   BENCH_QUICK=1     small sizes (1,000 files, 10 MB files), for smoke tests
#   BENCH_SPECTRAL=0  skip Spectral (needs npm and the npm registry)
#   BENCH_DIR=DIR     work directory (default build/bench; never committed)
#   BACKUPLINT=PATH   binary to time (default ./backuplint)
#   CC                compiler for the generator and the anchors (default cc)
# Inputs are regenerated only when bench/gen.c or the sizes change.
set -eu

cd "$(dirname "$0")/.."
B=${BENCH_DIR:-build/bench}
BL=${BACKUPLINT:-./backuplint}
CC=${CC:-cc}
SPECTRAL=${BENCH_SPECTRAL:-1}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	NSMALL=1000 BIGMB=10 NSPEC=100 BIGRUNS=3 SPECRUNS=2 ONERUNS=100
else
	NSMALL=10000 BIGMB=100 NSPEC=1000 BIGRUNS=5 SPECRUNS=3 ONERUNS=300
fi

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$BL" ] || die "$BL not found: run make first"

# ---- tools ----
need_apt() {
	command -v apt-get >/dev/null 2>&1 || die "$1 is missing and apt-get is not available: install $2"
	echo "bench: installing $2 with apt-get" >&2
	apt-get install -y -q "$2" >/dev/null 2>&1 ||
		{ apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$2" >/dev/null; } ||
		die "could not install $2"
}
command -v hyperfine >/dev/null 2>&1 || need_apt hyperfine hyperfine
[ -x /usr/bin/time ] || need_apt /usr/bin/time time

mkdir -p "$B/bin" "$B/results"
BIN=$B/bin
RES=$B/results
rm -f "$RES"/*.csv "$RES"/medians.tsv "$RES"/memory.tsv

# ---- anchors and generator, built from bench/ ----
CFLAGS_BENCH="-O2 -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes"
$CC $CFLAGS_BENCH -o "$BIN/gen" bench/gen.c
$CC $CFLAGS_BENCH -o "$BIN/readsum" bench/readsum.c bench/files.c
$CC $CFLAGS_BENCH $(pkg-config --cflags libcjson) -o "$BIN/cjson_parse" \
	bench/cjson_parse.c bench/files.c $(pkg-config --libs libcjson)
$CC $CFLAGS_BENCH $(pkg-config --cflags yaml-0.1) -o "$BIN/yaml_events" \
	bench/yaml_events.c bench/files.c $(pkg-config --libs yaml-0.1)

# ---- inputs ----
D=$B/data
STAMP="$(cksum < bench/gen.c) $NSMALL $BIGMB $NSPEC"
if [ ! -f "$D/.stamp" ] || [ "$(cat "$D/.stamp")" != "$STAMP" ]; then
	echo "bench: generating inputs ($NSMALL small files per kind, ${BIGMB} MB files)" >&2
	rm -rf "$D"
	"$BIN/gen" "$D" "$NSMALL" "$BIGMB"
	# The Spectral comparison runs on the first NSPEC files of each kind.
	for k in plans-json plans-yaml cfn-yaml; do
		mkdir -p "$D/subset/$k"
		ls "$D/small/$k" | head -n "$NSPEC" |
			while read -r f; do ln "$D/small/$k/$f" "$D/subset/$k/$f"; done
	done
	echo "$STAMP" > "$D/.stamp"
fi

SPEC_BIN=$B/node_modules/.bin/spectral
if [ "$SPECTRAL" = 1 ] && [ ! -x "$SPEC_BIN" ]; then
	command -v npm >/dev/null 2>&1 ||
		die "npm not found: install npm (Debian package npm) or set BENCH_SPECTRAL=0"
	echo "bench: installing @stoplight/spectral-cli into $B" >&2
	npm install --prefix "$B" --no-audit --no-fund --loglevel=error \
		@stoplight/spectral-cli >/dev/null ||
		die "npm install @stoplight/spectral-cli failed; set BENCH_SPECTRAL=0 to skip Spectral"
fi

# ---- sanity: every tool must run cleanly on the inputs before it is timed ----
# backuplint exits 1 when it has findings; 2 or a crash would make its times
# meaningless, so check once here and count the findings for the table.
ONE=$D/small/plans-json/00000.json
findings() {
	set +e
	"$BL" --format gnu --no-color "$@" > "$RES/out.txt" 2> "$RES/err.txt"
	rc=$?
	set -e
	[ "$rc" -le 1 ] || { cat "$RES/err.txt" >&2; die "backuplint $* exited $rc"; }
	wc -l < "$RES/out.txt"
}
for k in plans-json plans-yaml cfn-yaml; do
	printf '%s\t%s\n' "$k" "$(findings --jobs 1 "$D/small/$k")"
done > "$RES/findings.tsv"
for f in plan.json plan.yaml template.yaml; do
	printf '%s\t%s\n' "$f" "$(findings "$D/big/$f")"
done >> "$RES/findings.tsv"
if [ "$SPECTRAL" = 1 ]; then
	set +e
	"$SPEC_BIN" lint --quiet -r bench/spectral/ruleset.yaml "$D/subset/plans-json/00000.json" > "$RES/out.txt" 2>&1
	rc=$?
	set -e
	[ "$rc" -le 1 ] || { cat "$RES/out.txt" >&2; die "spectral exited $rc"; }
fi
"$BIN/cjson_parse" "$D/small/plans-json" "$D/big/plan.json" > /dev/null
"$BIN/yaml_events" "$D/small/plans-yaml" "$D/small/cfn-yaml" "$D/big" > /dev/null

# ---- timing ----
# hf_run GROUP RUNS WARMUP NAME CMD [NAME CMD]...: one hyperfine run; the
# medians go to medians.tsv as GROUP.NAME. No shell (-N): process start-up is
# part of what is measured. Failures are ignored (-i) because findings make
# backuplint exit 1; the sanity checks above made sure nothing else fails.
hf_run() {
	g=$1 runs=$2 warm=$3
	shift 3
	hyperfine -N -i --style none --warmup "$warm" $runs \
		--export-csv "$RES/$g.csv" "$@" > /dev/null 2>&1 ||
		die "hyperfine failed on $g (rerun: hyperfine -N $*)"
	tail -n +2 "$RES/$g.csv" |
		awk -F, -v g="$g" '{ printf "%s.%s\t%s\n", g, $1, $4 }' >> "$RES/medians.tsv"
	echo "bench: timed $g" >&2
}

BIGR="--runs $BIGRUNS"
SMALLR="--min-runs 5"

hf_run one "--min-runs $ONERUNS" 20 \
	-n readsum "$BIN/readsum $ONE" \
	-n backuplint "$BL $ONE"

hf_run bigjson "$BIGR" 1 \
	-n readsum "$BIN/readsum $D/big/plan.json" \
	-n cjson "$BIN/cjson_parse $D/big/plan.json" \
	-n backuplint "$BL $D/big/plan.json"
hf_run bigyaml "$BIGR" 1 \
	-n readsum "$BIN/readsum $D/big/plan.yaml" \
	-n libyaml "$BIN/yaml_events $D/big/plan.yaml" \
	-n backuplint "$BL $D/big/plan.yaml"
hf_run bigcfn "$BIGR" 1 \
	-n readsum "$BIN/readsum $D/big/template.yaml" \
	-n libyaml "$BIN/yaml_events $D/big/template.yaml" \
	-n backuplint "$BL $D/big/template.yaml"

hf_run smalljson "$SMALLR" 1 \
	-n readsum "$BIN/readsum $D/small/plans-json" \
	-n cjson "$BIN/cjson_parse $D/small/plans-json" \
	-n backuplint-j1 "$BL --jobs 1 $D/small/plans-json" \
	-n backuplint-j2 "$BL --jobs 2 $D/small/plans-json"
hf_run smallyaml "$SMALLR" 1 \
	-n readsum "$BIN/readsum $D/small/plans-yaml" \
	-n libyaml "$BIN/yaml_events $D/small/plans-yaml" \
	-n backuplint-j1 "$BL --jobs 1 $D/small/plans-yaml" \
	-n backuplint-j2 "$BL --jobs 2 $D/small/plans-yaml"
hf_run smallcfn "$SMALLR" 1 \
	-n readsum "$BIN/readsum $D/small/cfn-yaml" \
	-n libyaml "$BIN/yaml_events $D/small/cfn-yaml" \
	-n backuplint-j1 "$BL --jobs 1 $D/small/cfn-yaml" \
	-n backuplint-j2 "$BL --jobs 2 $D/small/cfn-yaml"

if [ "$SPECTRAL" = 1 ]; then
	RULESET=bench/spectral/ruleset.yaml
	hf_run specjson "--runs $SPECRUNS" 1 \
		-n spectral "$SPEC_BIN lint --quiet -r $RULESET '$D/subset/plans-json/*.json'" \
		-n backuplint "$BL $D/subset/plans-json"
	hf_run specyaml "--runs $SPECRUNS" 1 \
		-n spectral "$SPEC_BIN lint --quiet -r $RULESET '$D/subset/plans-yaml/*.yaml'" \
		-n backuplint "$BL $D/subset/plans-yaml"
	hf_run speccfn "--runs $SPECRUNS" 1 \
		-n spectral "$SPEC_BIN lint --quiet -r $RULESET '$D/subset/cfn-yaml/*.yaml'" \
		-n backuplint "$BL $D/subset/cfn-yaml"
fi

# ---- peak memory (maximum resident set size, KiB) ----
peak() {
	name=$1
	shift
	/usr/bin/time -f '%M' -o "$RES/rss.txt" "$@" > /dev/null 2>&1 || true
	printf '%s\t%s\n' "$name" "$(tail -n 1 "$RES/rss.txt")" >> "$RES/memory.tsv"
}
for f in plan.json plan.yaml template.yaml; do
	peak "$f.readsum" "$BIN/readsum" "$D/big/$f"
	case $f in
	*.json) peak "$f.cjson" "$BIN/cjson_parse" "$D/big/$f" ;;
	*) peak "$f.libyaml" "$BIN/yaml_events" "$D/big/$f" ;;
	esac
	peak "$f.backuplint" "$BL" "$D/big/$f"
done
peak "plans-json.backuplint-j1" "$BL" --jobs 1 "$D/small/plans-json"
peak "plans-json.backuplint-j2" "$BL" --jobs 2 "$D/small/plans-json"
peak "cfn-yaml.backuplint-j2" "$BL" --jobs 2 "$D/small/cfn-yaml"

# ---- report ----
{
	printf 'one\t%s\n' "$(wc -c < "$ONE")"
	printf 'bigjson\t%s\n' "$(wc -c < "$D/big/plan.json")"
	printf 'bigyaml\t%s\n' "$(wc -c < "$D/big/plan.yaml")"
	printf 'bigcfn\t%s\n' "$(wc -c < "$D/big/template.yaml")"
	printf 'smalljson\t%s\n' "$(cat "$D"/small/plans-json/* | wc -c)"
	printf 'smallyaml\t%s\n' "$(cat "$D"/small/plans-yaml/* | wc -c)"
	printf 'smallcfn\t%s\n' "$(cat "$D"/small/cfn-yaml/* | wc -c)"
	printf 'specjson\t%s\n' "$(cat "$D"/subset/plans-json/* | wc -c)"
	printf 'specyaml\t%s\n' "$(cat "$D"/subset/plans-yaml/* | wc -c)"
	printf 'speccfn\t%s\n' "$(cat "$D"/subset/cfn-yaml/* | wc -c)"
	printf 'nsmall\t%s\n' "$NSMALL"
	printf 'nspec\t%s\n' "$NSPEC"
} > "$RES/sizes.tsv"
{
	echo "backuplint $("$BL" --version | sed 's/^backuplint //') benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
	echo "command: $0 (BENCH_QUICK=${BENCH_QUICK:-0} BENCH_SPECTRAL=$SPECTRAL)"
	awk -v spectral="$SPECTRAL" -f bench/report.awk \
	    "$RES/sizes.tsv" "$RES/findings.tsv" "$RES/medians.tsv" "$RES/memory.tsv"
} | tee "$RES/report.txt"
