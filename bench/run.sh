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
#   BENCH_TIMEOUT=S   stop a backuplint run on a big file after S seconds
#                     (default 150); it is then reported as at least S
#   BENCH_REV=REV     revision shown in the report (default: git HEAD)
#   BENCH_TF=0        skip the Terraform rows (bench/tf.sh; BENCH_HCL2JSON=0
#                     skips only its hcl2json comparison)
#   CC                compiler for the generator and the anchors (default cc)
# Inputs are regenerated only when bench/gen.c or the sizes change.
set -eu

cd "$(dirname "$0")/.."
B=${BENCH_DIR:-build/bench}
BL=${BACKUPLINT:-./backuplint}
CC=${CC:-cc}
SPECTRAL=${BENCH_SPECTRAL:-1}
TIMEOUT=${BENCH_TIMEOUT:-150}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	NSMALL=1000 BIGMB=10 NSPEC=100 BIGRUNS=3 SPECRUNS=2 ONERUNS=100
else
	NSMALL=10000 BIGMB=100 NSPEC=1000 BIGRUNS=5 SPECRUNS=3 ONERUNS=300
fi

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$BL" ] || die "$BL not found: run make first"

# ---- tools ----
# need_apt COMMAND PACKAGE [NOTE]: install a missing Debian package.
need_apt() {
	command -v apt-get >/dev/null 2>&1 ||
		die "$1 is missing and apt-get is not available: install $2${3:+ $3}"
	echo "bench: installing $2 with apt-get" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1 ||
		{ apt-get update -q >/dev/null 2>&1 &&
		  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; } ||
		die "could not install $2${3:+ $3}"
}
command -v hyperfine >/dev/null 2>&1 || need_apt hyperfine hyperfine
[ -x /usr/bin/time ] || need_apt /usr/bin/time time

mkdir -p "$B/bin" "$B/results"
BIN=$B/bin
RES=$B/results
rm -f "$RES"/*.csv "$RES"/*.tsv "$RES"/*.txt

# ---- anchors and generator, built from bench/ ----
CFLAGS_BENCH="-O2 -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes"
$CC $CFLAGS_BENCH -o "$BIN/gen" bench/gen.c
$CC $CFLAGS_BENCH -o "$BIN/readsum" bench/readsum.c bench/files.c
$CC $CFLAGS_BENCH $(pkg-config --cflags libcjson) -o "$BIN/cjson_parse" \
	bench/cjson_parse.c bench/files.c $(pkg-config --libs libcjson)
$CC $CFLAGS_BENCH $(pkg-config --cflags yaml-0.1) -o "$BIN/yaml_events" \
	bench/yaml_events.c bench/files.c $(pkg-config --libs yaml-0.1)

# backuplint's loaders alone, linked against the objects `make` built: they
# split backuplint's time into loading and checking.
LOADONLY=
LIBOBJ=$(ls build/linter/*.o build/rules/*.o build/rules/doc/*.o 2>/dev/null | grep -v '/main\.o$' || true)
if [ -n "$LIBOBJ" ] && [ -f build/embedded.o ] && [ -f build/shapes_gen.o ] &&
   $CC $CFLAGS_BENCH -D_GNU_SOURCE -o "$BIN/loadonly" bench/loadonly.c bench/files.c \
	$LIBOBJ build/embedded.o build/shapes_gen.o $(pkg-config --libs yaml-0.1 libcjson libpcre2-8) -lpthread -lm; then
	LOADONLY=$BIN/loadonly
else
	echo "bench: no backuplint objects in build/ (run make): loader-only rows skipped" >&2
fi

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
	command -v npm >/dev/null 2>&1 || need_apt npm npm "(or set BENCH_SPECTRAL=0)"
	echo "bench: installing @stoplight/spectral-cli into $B" >&2
	npm install --prefix "$B" --no-audit --no-fund --loglevel=error \
		@stoplight/spectral-cli >/dev/null ||
		die "npm install @stoplight/spectral-cli failed; set BENCH_SPECTRAL=0 to skip Spectral"
fi

# The binary is copied so that a rebuild during the run cannot change what
# is timed. Templates are deployed somewhere: a CI job would say where.
BLX=$BIN/backuplint
cp "$BL" "$BLX"
BLARGS="--region us-east-1"

# ---- sanity: every tool must run cleanly on the inputs before it is timed ----
# backuplint exits 1 when it has findings; 2 or a crash would make its times
# meaningless, so check once here and count the findings for the table. For
# the big files this first run also gives peak memory and a first time.
ONE=$D/small/plans-json/00000.json
check_bl() {
	name=$1
	shift
	set +e
	/usr/bin/time -f '%e %M' -o "$RES/time.txt" timeout "$TIMEOUT" \
		"$BLX" $BLARGS --format gnu --no-color "$@" > "$RES/out.txt" 2> "$RES/err.txt"
	rc=$?
	set -e
	if [ "$rc" = 124 ]; then
		echo "bench: backuplint on $name stopped after $TIMEOUT s" >&2
		echo "$TIMEOUT stopped" > "$RES/first-$name.txt"
		printf '%s\t%s\n' "$name" "stopped" >> "$RES/findings.tsv"
		return
	fi
	[ "$rc" -le 1 ] || { cat "$RES/err.txt" >&2; die "backuplint $* exited $rc"; }
	printf '%s\t%s\n' "$name" "$(wc -l < "$RES/out.txt")" >> "$RES/findings.tsv"
	tail -n 1 "$RES/time.txt" > "$RES/first-$name.txt"
}
peak() {
	name=$1
	shift
	/usr/bin/time -f '%M' -o "$RES/rss.txt" "$@" > /dev/null 2>&1 || true
	printf '%s\t%s\n' "$name" "$(tail -n 1 "$RES/rss.txt")" >> "$RES/memory.tsv"
}
: > "$RES/findings.tsv"
for k in plans-json plans-yaml cfn-yaml; do
	echo "bench: checking backuplint on $k" >&2
	check_bl "$k" --jobs 1 "$D/small/$k"
done
for f in plan.json plan.yaml template.yaml; do
	echo "bench: checking backuplint on big/$f" >&2
	check_bl "$f" "$D/big/$f"
	rss=$(cut -d' ' -f2 "$RES/first-$f.txt")
	[ "$rss" = stopped ] ||
		printf '%s.backuplint\t%s\n' "$f" "$rss" >> "$RES/memory.tsv"
	peak "$f.readsum" "$BIN/readsum" "$D/big/$f"
	case $f in
	*.json) peak "$f.cjson" "$BIN/cjson_parse" "$D/big/$f" ;;
	*) peak "$f.libyaml" "$BIN/yaml_events" "$D/big/$f" ;;
	esac
done
peak "plans-json.backuplint-j1" "$BLX" $BLARGS --jobs 1 "$D/small/plans-json"
peak "plans-json.backuplint-j2" "$BLX" $BLARGS --jobs 2 "$D/small/plans-json"
peak "cfn-yaml.backuplint-j2" "$BLX" $BLARGS --jobs 2 "$D/small/cfn-yaml"
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

# big GROUP FILE ANCHOR-NAME ANCHOR-BIN: a big file. When the first run of
# backuplint took longer than SLOW seconds (or was stopped), that single run
# stands as its time, marked in the table, so that `make bench` stays within
# minutes.
SLOW=30
big() {
	g=$1 name=$2 f=$D/big/$2 an=$3 ab=$4
	first=$(cut -d' ' -f1 "$RES/first-$name.txt")
	set -- -n readsum "$BIN/readsum $f" -n "$an" "$ab $f"
	[ -z "$LOADONLY" ] || set -- "$@" -n loader "$LOADONLY $f"
	if grep -q stopped "$RES/first-$name.txt" ||
	   awk -v t="$first" -v s="$SLOW" 'BEGIN { exit !(t > s) }'; then
		hf_run "$g" "$BIGR" 1 "$@"
		printf '%s.backuplint\t%s\n' "$g" "$first" >> "$RES/medians.tsv"
		if grep -q stopped "$RES/first-$name.txt"; then
			printf '%s.backuplint\n' "$g" >> "$RES/stopped.txt"
		else
			printf '%s.backuplint\n' "$g" >> "$RES/single.txt"
		fi
	else
		hf_run "$g" "$BIGR" 1 "$@" -n backuplint "$BLX $BLARGS $f"
	fi
}

BIGR="--runs $BIGRUNS"
SMALLR="--min-runs 5"
: > "$RES/single.txt"
: > "$RES/stopped.txt"

hf_run one "--min-runs $ONERUNS" 20 \
	-n readsum "$BIN/readsum $ONE" \
	-n backuplint "$BLX $BLARGS $ONE"

big bigjson plan.json cjson "$BIN/cjson_parse"
big bigyaml plan.yaml libyaml "$BIN/yaml_events"
big bigcfn template.yaml libyaml "$BIN/yaml_events"

for k in json yaml cfn; do
	case $k in
	json) dir=$D/small/plans-json an=cjson ab=$BIN/cjson_parse ;;
	yaml) dir=$D/small/plans-yaml an=libyaml ab=$BIN/yaml_events ;;
	cfn) dir=$D/small/cfn-yaml an=libyaml ab=$BIN/yaml_events ;;
	esac
	set -- -n readsum "$BIN/readsum $dir" -n "$an" "$ab $dir"
	[ -z "$LOADONLY" ] || set -- "$@" -n loader "$LOADONLY $dir"
	hf_run "small$k" "$SMALLR" 1 "$@" \
		-n backuplint-j1 "$BLX $BLARGS --jobs 1 $dir" \
		-n backuplint-j2 "$BLX $BLARGS --jobs 2 $dir"
done

if [ "$SPECTRAL" = 1 ]; then
	RULESET=bench/spectral/ruleset.yaml
	for k in json yaml cfn; do
		case $k in
		json) dir=$D/subset/plans-json glob='*.json' ;;
		yaml) dir=$D/subset/plans-yaml glob='*.yaml' ;;
		cfn) dir=$D/subset/cfn-yaml glob='*.yaml' ;;
		esac
		hf_run "spec$k" "--runs $SPECRUNS" 1 \
			-n spectral "$SPEC_BIN lint --quiet -r $RULESET '$dir/$glob'" \
			-n backuplint "$BLX $BLARGS $dir"
	done
fi

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
	echo "backuplint $("$BLX" --version | sed 's/^backuplint //') (${BENCH_REV:-$(git rev-parse --short HEAD 2>/dev/null || echo '?')}) benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
	echo "command: $0 (BENCH_QUICK=${BENCH_QUICK:-0} BENCH_SPECTRAL=$SPECTRAL)"
	awk -v spectral="$SPECTRAL" -v single="$(tr '\n' ' ' < "$RES/single.txt")" \
	    -v stopped="$(tr '\n' ' ' < "$RES/stopped.txt")" \
	    -f bench/report.awk "$RES/sizes.tsv" "$RES/findings.tsv" "$RES/medians.tsv" "$RES/memory.tsv"
} | tee "$RES/report.txt"

# ---- Terraform (bench/tf.sh): modules, a big .tf, the loaders, hcl2json ----
if [ "${BENCH_TF:-1}" = 1 ]; then
	echo >> "$RES/report.txt"
	BENCH_DIR=$B BACKUPLINT=$BL CC=$CC sh bench/tf.sh | tee -a "$RES/report.txt" ||
		die "bench/tf.sh failed (BENCH_TF=0 skips it)"
fi
