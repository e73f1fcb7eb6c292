#!/bin/sh
# bench/tf.sh - the Terraform rows of `make bench` (the Terraform issue):
# backuplint on 10,000 small Terraform modules (--jobs 1 and 2) and on one
# big .tf file, against the floor (readsum) and its HCL loader alone; the
# HCL loader against the JSON loader on the same resources (bench/hcl.sh);
# and backuplint against HashiCorp's parser, @cdktf/hcl2json (hclsyntax in
# WebAssembly, the package the HCL differential test installs into
# build/npm), on the same 1,000 modules.
#   sh bench/tf.sh          (after make; bench/run.sh runs it unless BENCH_TF=0)
# Environment: BENCH_QUICK=1 (1,000 modules, 10 MB, 100 for hcl2json),
# BENCH_DIR, BACKUPLINT, CC as for run.sh; BENCH_HCL2JSON=0 skips the peer
# (it needs node, npm and the registry). Inputs (never committed) go to
# BENCH_DIR/data/tf, regenerated only when this script or the sizes change;
# the table goes to BENCH_DIR/results/tf-report.txt and stdout.
set -eu
cd "$(dirname "$0")/.."
B=${BENCH_DIR:-build/bench}
BL=${BACKUPLINT:-./backuplint}
CC=${CC:-cc}
PEER=${BENCH_HCL2JSON:-1}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	NTF=1000 BIGMB=10 NPEER=100 RUNS=3
else
	NTF=10000 BIGMB=50 NPEER=1000 RUNS=5
fi
die() { echo "bench/tf.sh: $*" >&2; exit 1; }
[ -x "$BL" ] || die "$BL not found: run make first"
command -v hyperfine >/dev/null 2>&1 || die "hyperfine is missing (bench/run.sh installs it)"
mkdir -p "$B/bin" "$B/results"
BIN=$B/bin RES=$B/results
[ -x "$BIN/readsum" ] || $CC -O2 -o "$BIN/readsum" bench/readsum.c bench/files.c
make -s build/tools/loadonly || die "cannot build build/tools/loadonly"
LOAD=build/tools/loadonly
BLX=$BIN/backuplint-tf
cp "$BL" "$BLX"

# ---- inputs: NTF modules of one main.tf each, deterministic in their
# number: a provider Region, a variable, a vault, a plan of one to three
# rules (schedules, windows, lifecycles, a copy to another Region on even
# modules, cold storage on the monthly rule), a selection of EFS file
# systems, tags; about 4% carry one planted finding (BKP501: delete_after
# below cold_storage_after + 90). The big file is bench/hcl.sh's.
D=$B/data/tf
STAMP="$(cksum < bench/tf.sh) $NTF $BIGMB $NPEER"
if [ ! -f "$D/.stamp" ] || [ "$(cat "$D/.stamp")" != "$STAMP" ]; then
	echo "bench/tf.sh: generating $NTF modules" >&2
	rm -rf "$D"
	mkdir -p "$D/small" "$D/peer" "$D/big"
	awk -v n="$NTF" -v d="$D/small" 'BEGIN {
		split("us-east-1 us-west-2 eu-west-1 eu-central-1 ap-southeast-2", reg, " ")
		split("us-west-2 us-east-1 eu-central-1 eu-west-1 ap-northeast-1", dr, " ")
		for (i = 0; i < n; i++) {
			dir = sprintf("%s/%05d", d, i)
			system("mkdir -p " dir)
			f = dir "/main.tf"
			k = i % 5 + 1
			printf "provider \"aws\" {\n  region = \"%s\"\n}\n\n", reg[k] > f
			printf "variable \"retention_days\" {\n  type    = number\n  default = %d\n}\n\n", 35 + i % 30 > f
			printf "resource \"aws_backup_vault\" \"main\" {\n  name = \"vault-%d\"\n  tags = {\n    Environment = \"prod\"\n  }\n}\n\n", i > f
			printf "resource \"aws_backup_plan\" \"plan\" {\n  name = \"plan-%d\"\n", i > f
			printf "\n  rule {\n    rule_name         = \"daily\"\n    target_vault_name = aws_backup_vault.main.name\n" > f
			printf "    schedule          = \"cron(%d %d ? * * *)\"\n", i % 60, i % 24 > f
			printf "    start_window      = 60\n    completion_window = %d\n\n", 180 + 60 * (i % 3) > f
			printf "    lifecycle {\n      delete_after = var.retention_days\n    }\n" > f
			if (i % 2 == 0)
				printf "\n    copy_action {\n      destination_vault_arn = \"arn:aws:backup:%s:123456789012:backup-vault:dr-%d\"\n      lifecycle {\n        delete_after = 35\n      }\n    }\n", dr[k], i > f
			printf "  }\n" > f
			if (i % 3 >= 1)
				printf "\n  rule {\n    rule_name         = \"weekly\"\n    target_vault_name = aws_backup_vault.main.name\n    schedule          = \"cron(0 %d ? * SUN *)\"\n\n    lifecycle {\n      delete_after = %d\n    }\n  }\n", i % 24, 35 + 7 * (i % 5) > f
			if (i % 2 == 1 || i % 25 == 7)
				printf "\n  rule {\n    rule_name         = \"monthly\"\n    target_vault_name = aws_backup_vault.main.name\n    schedule          = \"cron(0 3 1 * ? *)\"\n\n    lifecycle {\n      cold_storage_after = 30\n      delete_after       = %d\n    }\n  }\n", i % 25 == 7 ? 60 : 365 > f
			printf "\n  tags = {\n    Owner = \"team-%d\"\n  }\n}\n\n", i % 50 > f
			printf "resource \"aws_backup_selection\" \"sel\" {\n  name         = \"sel-%d\"\n  plan_id      = aws_backup_plan.plan.id\n", i > f
			printf "  iam_role_arn = \"arn:aws:iam::123456789012:role/backup\"\n" > f
			printf "  resources    = [\"arn:aws:elasticfilesystem:%s:123456789012:file-system/fs-%017x\"]\n}\n", reg[k], i > f
			close(f)
		}
	}'
	# hcl2json's comparison: the first NPEER modules (hard links)
	ls "$D/small" | head -n "$NPEER" | while read -r m; do
		mkdir -p "$D/peer/$m" && ln "$D/small/$m/main.tf" "$D/peer/$m/main.tf"
	done
	echo "$STAMP" > "$D/.stamp"
fi

# ---- the big file, and the loaders on equivalent content ----
echo "bench/tf.sh: the HCL loader against the JSON loader (bench/hcl.sh, $BIGMB MB)" >&2
HCL_MB=$BIGMB HCL_RUNS=$RUNS BENCH_DIR=$B sh bench/hcl.sh > "$RES/tf-loader.txt" ||
	die "bench/hcl.sh failed"
ln -f "$B/hcl/big.tf" "$D/big/main.tf"

# ---- sanity: backuplint exits 0 or 1 (findings) on every input ----
findings() { # NAME ARGS...: the number of findings, or die
	name=$1
	shift
	set +e
	"$BLX" --format gnu --no-color "$@" > "$RES/tf-out.txt" 2> "$RES/tf-err.txt"
	rc=$?
	set -e
	[ "$rc" -le 1 ] || { cat "$RES/tf-err.txt" >&2; die "backuplint on $name exited $rc"; }
	grep -c ': \(error\|warning\|info\):' "$RES/tf-out.txt" || true
}
F_SMALL=$(findings small --jobs 1 "$D/small")
F_BIG=$(findings big "$D/big")
"$LOAD" "$D/small" > /dev/null || die "loadonly failed on the modules"

# ---- timing ----
hf() { # GROUP RUNS NAME CMD [NAME CMD]...
	g=$1 runs=$2
	shift 2
	hyperfine -N -i --style none --warmup 1 --runs "$runs" \
		--export-csv "$RES/tf-$g.csv" "$@" > /dev/null 2>&1 ||
		die "hyperfine failed on $g"
	tail -n +2 "$RES/tf-$g.csv" | awk -F, -v g="$g" '{ printf "%s.%s\t%s\n", g, $1, $4 }' >> "$RES/tf-medians.tsv"
	echo "bench/tf.sh: timed $g" >&2
}
: > "$RES/tf-medians.tsv"
BLA=$BLX   # the modules say their Region (provider blocks)
hf small "$RUNS" -n readsum "$BIN/readsum $D/small" -n loader "$LOAD $D/small" \
	-n backuplint-j1 "$BLA --jobs 1 $D/small" -n backuplint-j2 "$BLA --jobs 2 $D/small"
hf big "$RUNS" -n readsum "$BIN/readsum $D/big/main.tf" -n loader "$LOAD $D/big/main.tf" \
	-n backuplint "$BLA $D/big"

if [ "$PEER" = 1 ]; then
	npm_dir=$PWD/build/npm
	if [ ! -f "$npm_dir/node_modules/@cdktf/hcl2json/package.json" ]; then
		command -v npm >/dev/null 2>&1 || die "npm is missing (or set BENCH_HCL2JSON=0)"
		# the version the differential test pins
		pkg=$(sed -n 's/^pkg=//p' testdata/hcl/check-hcl2json.sh)
		echo "bench/tf.sh: installing $pkg into build/npm" >&2
		mkdir -p "$npm_dir"
		npm install --prefix "$npm_dir" --no-audit --no-fund --loglevel=error "$pkg" >/dev/null ||
			die "npm install $pkg failed; set BENCH_HCL2JSON=0 to skip hcl2json"
	fi
	export NODE_PATH="$npm_dir/node_modules"
	node bench/hcl2json.js "$D/peer" || die "hcl2json.js failed on the modules"
	hf peer 3 -n readsum "$BIN/readsum $D/peer" -n hcl2json "node bench/hcl2json.js $D/peer" \
		-n backuplint "$BLA $D/peer"
fi

# ---- report ----
{
	echo "Terraform: $NTF modules ($(cat "$D"/small/*/main.tf | wc -c) bytes), big.tf $(wc -c < "$D/big/main.tf") bytes, $(nproc) cores"
	awk -F'\t' -v peer="$PEER" -v npeer="$NPEER" -v ntf="$NTF" -v fs="$F_SMALL" -v fb="$F_BIG" '
	{ t[$1] = $2 }
	function ms(x) { return sprintf("%.0f ms", x * 1000) }
	END {
		printf "| what (medians) | anchor | loader alone | backuplint | ratio |\n"
		printf "| --- | --- | --- | --- | --- |\n"
		printf "| %d modules, --jobs 1 / 2 | readsum %s | %s | %s / %s | %.2f× / %.2f× readsum; --jobs 2 %.2f× faster |\n", ntf,
			ms(t["small.readsum"]), ms(t["small.loader"]), ms(t["small.backuplint-j1"]), ms(t["small.backuplint-j2"]),
			t["small.backuplint-j1"] / t["small.readsum"], t["small.backuplint-j2"] / t["small.readsum"],
			t["small.backuplint-j1"] / t["small.backuplint-j2"]
		printf "| big.tf | readsum %s | %s | %s | loader %.2f×, backuplint %.2f× readsum |\n",
			ms(t["big.readsum"]), ms(t["big.loader"]), ms(t["big.backuplint"]),
			t["big.loader"] / t["big.readsum"], t["big.backuplint"] / t["big.readsum"]
		if (peer == 1)
			printf "| %d modules vs hcl2json | hcl2json %s | | %s | %.0f× faster (target ≥ 100×; reading them, readsum %s, is already 1/%.0f of hcl2json) |\n", npeer,
				ms(t["peer.hcl2json"]), ms(t["peer.backuplint"]), t["peer.hcl2json"] / t["peer.backuplint"],
				ms(t["peer.readsum"]), t["peer.hcl2json"] / t["peer.readsum"]
		printf "findings: %s on the modules (planted: BKP501 in 4%%), %s on big.tf\n", fs, fb
	}' "$RES/tf-medians.tsv"
	cat "$RES/tf-loader.txt"
} | tee "$RES/tf-report.txt"
