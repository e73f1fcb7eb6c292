#!/bin/sh
# bench/hcl.sh - the HCL loader against the JSON loader on equivalent
# content: one big Terraform file (.tf) and the same resources in
# Terraform's JSON syntax (.tf.json, what hcl2json prints for the .tf), each
# loaded by bench/loadonly (build/tools/loadonly); prints MB/s and the
# ratio (the Terraform issue asks for at least 0.5).
#   sh bench/hcl.sh            (after make; HCL_MB=N for the size, default 50)
# Inputs go to BENCH_DIR/hcl (default build/bench/hcl; never committed).
set -eu
cd "$(dirname "$0")/.."
MB=${HCL_MB:-50}
RUNS=${HCL_RUNS:-5}
D=${BENCH_DIR:-build/bench}/hcl
mkdir -p "$D"
# the loaders alone, linked by the Makefile against backuplint's objects
make -s build/tools/loadonly || { echo "bench/hcl.sh: cannot build loadonly" >&2; exit 1; }
L=build/tools/loadonly

# N plans, each with a vault reference, two rules, a lifecycle, a copy
# action and tags: about 1 KB of HCL per plan.
n=$((MB * 1000))
awk -v n=$n -v tf="$D/big.tf" -v js="$D/big.tf.json" 'BEGIN {
	printf "{\"resource\": {\"aws_backup_plan\": {" > js
	for (i = 0; i < n; i++) {
		printf "resource \"aws_backup_plan\" \"p%d\" {\n", i > tf
		printf "  name = \"plan-%d\"\n", i > tf
		for (r = 0; r < 2; r++) {
			printf "  rule {\n    rule_name         = \"rule-%d\"\n", r > tf
			printf "    target_vault_name = aws_backup_vault.main.name\n" > tf
			printf "    schedule          = \"cron(0 %d ? * * *)\"\n", r + 5 > tf
			printf "    start_window      = 60\n    completion_window = 180\n" > tf
			printf "    lifecycle {\n      cold_storage_after = 30\n      delete_after       = 120\n    }\n" > tf
			printf "    copy_action {\n      destination_vault_arn = \"arn:aws:backup:eu-central-1:123456789012:backup-vault:dr\"\n" > tf
			printf "      lifecycle {\n        delete_after = 35\n      }\n    }\n  }\n" > tf
		}
		printf "  tags = {\n    Environment = \"prod\"\n    Owner       = \"team-%d\"\n  }\n}\n\n", i % 50 > tf
		printf "%s\"p%d\": [{\"name\": \"plan-%d\", \"rule\": [", i ? ", " : "", i, i > js
		for (r = 0; r < 2; r++) {
			printf "%s{\"rule_name\": \"rule-%d\", \"target_vault_name\": \"${aws_backup_vault.main.name}\", \"schedule\": \"cron(0 %d ? * * *)\", \"start_window\": 60, \"completion_window\": 180, ", r ? ", " : "", r, r + 5 > js
			printf "\"lifecycle\": [{\"cold_storage_after\": 30, \"delete_after\": 120}], " > js
			printf "\"copy_action\": [{\"destination_vault_arn\": \"arn:aws:backup:eu-central-1:123456789012:backup-vault:dr\", \"lifecycle\": [{\"delete_after\": 35}]}]}" > js
		}
		printf "], \"tags\": {\"Environment\": \"prod\", \"Owner\": \"team-%d\"}}]\n", i % 50 > js
	}
	printf "}}}\n" > js
}'
# The machine is shared: each file is loaded by RUNS processes in turn,
# alternating HCL and JSON, each process loading it 3 times, and the
# fastest process counts (the first load also warms the page cache).
time_loads() { # $1 file; prints seconds for 3 loads
	s=$(date +%s.%N)
	"$L" "$1" "$1" "$1" >/dev/null || { echo "bench/hcl.sh: loadonly failed on $1" >&2; exit 1; }
	e=$(date +%s.%N)
	echo "$s $e" | awk '{ printf "%.4f", $2 - $1 }'
}
cp "$D/big.tf.json" "$D/big.json"
tf_size=$(wc -c <"$D/big.tf")
js_size=$(wc -c <"$D/big.json")
t_tf=999 t_js=999 k=0
while [ $k -lt "$RUNS" ]; do
	t=$(time_loads "$D/big.tf"); t_tf=$(echo "$t $t_tf" | awk '{ print ($1 < $2) ? $1 : $2 }')
	t=$(time_loads "$D/big.json"); t_js=$(echo "$t $t_js" | awk '{ print ($1 < $2) ? $1 : $2 }')
	k=$((k + 1))
done
awk -v a="$tf_size" -v b="$js_size" -v ta="$t_tf" -v tb="$t_js" -v runs="$RUNS" 'BEGIN {
	printf "HCL  big.tf   %.1f MB: %.0f ms per load, %.0f MB/s (best of %d runs of 3 loads)\n", a / 1e6, ta / 3 * 1000, a * 3 / ta / 1e6, runs
	printf "JSON big.json %.1f MB: %.0f ms per load, %.0f MB/s (same resources in Terraform JSON)\n", b / 1e6, tb / 3 * 1000, b * 3 / tb / 1e6
	printf "speed of the HCL loader on the same content: %.2fx the JSON loader (goal: at least 0.5x)\n", tb / ta
}'
