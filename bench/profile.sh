#!/bin/sh
# bench/profile.sh - instruction profiles of backuplint with callgrind, split
# into phases by bench/cgphase.awk. Instruction counts do not depend on the
# load of the machine, so two binaries can be compared on a busy one.
#
#   sh bench/profile.sh [BINARY [OUTDIR]]
#
# BINARY defaults to build/backuplint, OUTDIR to build/prof/<name of BINARY's
# directory>. Inputs: the first NFILES (default 1000) files of each small set
# of bench/gen.c, generated into build/prof/data (a pure function of gen.c).
# Runs: `--version`; a tiny plan of one rule (written here), one small JSON
# plan, YAML plan and template (the whole process); each set of NFILES files
# with --jobs 1. All with
# --region us-east-1 and text output to /dev/null, as bench/run.sh does.
# For each run OUTDIR gets cg.NAME.out (callgrind_annotate --inclusive=yes
# reads it) and cg.NAME.txt (the phases); a summary is printed.
set -eu

cd "$(dirname "$0")/.."
BL=${1:-build/backuplint}
OUT=${2:-build/prof/$(basename "$(dirname "$BL")")}
N=${NFILES:-1000}
D=build/prof/data
CC=${CC:-cc}

command -v valgrind >/dev/null 2>&1 || { echo "profile: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
[ -x "$BL" ] || { echo "profile: $BL not found: run make first" >&2; exit 2; }

STAMP="$(cksum < bench/gen.c) $N"
if [ ! -f "$D/.stamp" ] || [ "$(cat "$D/.stamp")" != "$STAMP" ]; then
	echo "profile: generating $N files per kind into $D" >&2
	rm -rf "$D"
	mkdir -p "$D"
	$CC -O2 -o "$D/gen" bench/gen.c
	"$D/gen" "$D" "$N" 0
	echo "$STAMP" > "$D/.stamp"
fi

cat > "$D/tiny.json" <<'EOF'
{"BackupPlan": {"BackupPlanName": "daily", "Rules": [{"RuleName": "daily",
 "TargetBackupVaultName": "Default", "ScheduleExpression": "cron(0 5 ? * * *)"}]}}
EOF
mkdir -p "$OUT"
# run NAME FILES ARGS...: one callgrind run with full call chains.
run() {
	name=$1 files=$2
	shift 2
	valgrind --tool=callgrind --separate-callers=60 --compress-strings=no \
		--compress-pos=no --callgrind-out-file="$OUT/cg.$name.out" \
		"$BL" "$@" > /dev/null 2> "$OUT/cg.$name.log" || true
	awk -v files="$files" -f bench/cgphase.awk "$OUT/cg.$name.out" > "$OUT/cg.$name.txt"
	printf '%-12s %14s Ir\n' "$name" "$(awk '$1 == "total" { print $2 }' "$OUT/cg.$name.txt")"
}

run version 0 --version
run tiny 0 --region us-east-1 "$D/tiny.json"
run one-json 0 --region us-east-1 "$D/small/plans-json/00000.json"
run one-yaml 0 --region us-east-1 "$D/small/plans-yaml/00000.yaml"
run one-cfn 0 --region us-east-1 "$D/small/cfn-yaml/00000.yaml"
run set-json "$N" --jobs 1 --region us-east-1 "$D/small/plans-json"
run set-yaml "$N" --jobs 1 --region us-east-1 "$D/small/plans-yaml"
run set-cfn "$N" --jobs 1 --region us-east-1 "$D/small/cfn-yaml"
echo "profile: phases in $OUT/cg.*.txt" >&2
