#!/bin/sh
# Build the libFuzzer targets and run each for SECONDS (default 60).
#   sh fuzz/run.sh [SECONDS] [TARGET...]     (make fuzz FUZZ_SECONDS=600)
# TARGET is json, yaml, hcl, cron, arn or pipeline (default: all of them). Targets
# run two at a time (FUZZ_JOBS=N to change). Everything goes to build-fuzz/:
# objects built with clang -fsanitize=fuzzer-no-link,address,undefined, the
# seed corpus drawn from testdata/ at run time (seeds/T), the corpus the
# fuzzer grows (corpus/T, kept between runs), crash artifacts (artifacts/T)
# and logs (logs/T.log). A crash, leak, timeout or out-of-memory input is a
# finding: it is listed with its file, and the script exits 1. Turn each
# finding into a fixture under testdata/hostile/ once it is fixed.
set -u
secs=${1:-60}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.." || exit 2
B=build-fuzz
CC=${FUZZ_CC:-clang}
jobs=${FUZZ_JOBS:-2}
targets=${*:-json yaml hcl cron arn pipeline}
SAN='-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer'
LIBS="$(pkg-config --libs yaml-0.1 libcjson libpcre2-8) -lpthread -lm"

case $secs in *[!0-9]*|'') echo "fuzz/run.sh: SECONDS must be a number" >&2; exit 2 ;; esac
command -v "$CC" >/dev/null || { echo "fuzz/run.sh: $CC not found (apt-get install clang)" >&2; exit 2; }

# ---- build: the library objects through the Makefile, then each target
objs=""
for src in linter/*.c rules/*.c rules/doc/*.c; do
	[ "$src" = linter/main.c ] && continue
	objs="$objs $B/${src%.c}.o"
done
objs="$objs $B/embedded.o $B/shapes_gen.o"
# shellcheck disable=SC2086
make -s B=$B CC="$CC" CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $SAN" $objs ||
	{ echo "fuzz/run.sh: library build failed" >&2; exit 2; }
for t in $targets; do
	[ -f fuzz/fuzz_$t.c ] || { echo "fuzz/run.sh: no target '$t'" >&2; exit 2; }
	# shellcheck disable=SC2086
	"$CC" -O1 -g -fsanitize=fuzzer $SAN -D_GNU_SOURCE \
		$(pkg-config --cflags yaml-0.1 libcjson libpcre2-8) \
		-Wall -Wextra -Wshadow -Wmissing-prototypes \
		-o $B/fuzz_$t fuzz/fuzz_$t.c $objs $LIBS ||
		{ echo "fuzz/run.sh: building fuzz_$t failed" >&2; exit 2; }
done

# ---- seeds, drawn fresh from testdata/ each run (never committed)
find testdata -path testdata/unit -prune -o -type f \
	\( -name '*.json' -o -name '*.yaml' -o -name '*.yml' -o -name '*.template' \) \
	-size -256k -print | LC_ALL=C sort >$B/seed-files
seed() { # $1 target, $2 name, stdin content
	cat >"$B/seeds/$1/$2"
}
rm -rf $B/seeds
mkdir -p $B/seeds $B/corpus $B/artifacts $B/logs
for t in json yaml hcl cron arn pipeline; do mkdir -p $B/seeds/$t $B/corpus/$t $B/artifacts/$t; done
# Each file seeds its loader and the pipeline twice: with the selector byte
# of its extension (see fuzz_pipeline.c), and with --facts current, --region,
# --account and colour as well (selector | 0334); the odd inputs of
# testdata/input and testdata/hostile once more with SARIF (selector | 0374).
n=0
while IFS= read -r f; do
	n=$((n + 1))
	case $f in
	*.json) seed json $n <"$f"; sel=0 ;;
	*.yaml) seed yaml $n <"$f"; sel=1 ;;
	*.template) seed json $n <"$f"; seed yaml $n <"$f"; sel=2 ;;
	*.yml) seed yaml $n <"$f"; sel=3 ;;
	esac
	{ printf "\\$(printf %o $sel)"; cat "$f"; } | seed pipeline $n
	{ printf "\\$(printf %o $((sel + 220)))"; cat "$f"; } | seed pipeline o$n
	case $f in testdata/input/*|testdata/hostile/*)
		{ printf "\\$(printf %o $((sel + 252)))"; cat "$f"; } | seed pipeline s$n ;;
	esac
done <$B/seed-files
# HCL: the differential test's files, each a seed
n=0
for f in testdata/hcl/diff/*.tf; do
	n=$((n + 1))
	seed hcl $n <"$f"
done
# cron and ARN strings as they appear in the fixtures and unit tests
grep -rhoE 'cron\([^)"]*\)' testdata rules/cron.c 2>/dev/null | LC_ALL=C sort -u |
	awk -v d=$B/seeds/cron '{ f = d "/" NR; printf "%s", $0 > f; close(f) }'
grep -rhoE 'arn:[A-Za-z0-9_.:/*${}+=,@-]*' testdata linter/arn.c 2>/dev/null | LC_ALL=C sort -u |
	awk -v d=$B/seeds/arn '{ f = d "/" NR; printf "%s", $0 > f; close(f) }'
cat fuzz/json.dict fuzz/yaml.dict >$B/pipeline.dict
for t in json yaml hcl cron arn; do cp fuzz/$t.dict $B/$t.dict; done

# ---- run, $jobs at a time
run_one() { # $1 target
	t=$1
	start=$(date +%s)
	case $t in pipeline|json|yaml|hcl) maxlen=-max_len=65536 ;; *) maxlen=-max_len=512 ;; esac
	$B/fuzz_$t -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
		"$maxlen" -dict=$B/$t.dict -print_final_stats=1 \
		-artifact_prefix=$B/artifacts/$t/ $B/corpus/$t $B/seeds/$t \
		>$B/logs/$t.log 2>&1
	rc=$?
	end=$(date +%s)
	runs=$(grep -E '^stat::number_of_executed_units' $B/logs/$t.log | awk '{print $2}')
	echo "$t $rc $((end - start)) ${runs:-?}" >$B/logs/$t.result
}
set -- $targets
while [ $# -gt 0 ]; do
	batch=""
	k=0
	while [ $# -gt 0 ] && [ $k -lt "$jobs" ]; do
		echo "fuzz: $1 for ${secs}s ($B/logs/$1.log)"
		run_one "$1" &
		batch="$batch $1"
		k=$((k + 1))
		shift
	done
	wait
done

# ---- summary
pass=0 fail=0
for t in $targets; do
	read -r name rc took runs <$B/logs/$t.result
	found=$(find $B/artifacts/$t -type f -newer $B/fuzz_$t | head -5)
	if [ "$rc" = 0 ] && [ -z "$found" ]; then
		pass=$((pass + 1))
		echo "fuzz_$name: ran ${took}s, $runs inputs, no finding"
	else
		fail=$((fail + 1))
		echo "FAIL: fuzz_$name: exit $rc after ${took}s ($runs inputs); see $B/logs/$name.log"
		for a in $found; do echo "  finding: $a"; done
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant failed)' $B/logs/$name.log | head -5 | sed 's/^/  /'
	fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
