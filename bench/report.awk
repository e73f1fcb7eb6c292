# report.awk - the table bench/run.sh prints: medians, throughput, the
# ratios named in issue 6 with their targets, and peak memory.
#
# Input files, in order: sizes.tsv (group, bytes), findings.tsv (input,
# backuplint finding count), medians.tsv (group.name, median seconds),
# memory.tsv (input.tool, peak RSS KiB). Variable `spectral` is 1 when the
# Spectral groups were timed; `single` lists the GROUP.NAME entries that are
# one run rather than a hyperfine median (too slow to repeat), `stopped` those
# stopped at the time-out (their time is a lower bound).
BEGIN { FS = "\t" }
FILENAME ~ /sizes/ { size[$1] = $2; next }
FILENAME ~ /findings/ { found[$1] = $2; next }
FILENAME ~ /medians/ { med[$1] = $2; order[++n] = $1; next }
FILENAME ~ /memory/ { mem[$1] = $2; morder[++m] = $1; next }

function fmt_time(s) {
	if (s < 0.01)
		return sprintf("%8.2f ms", s * 1000)
	if (s < 10)
		return sprintf("%8.3f s ", s)
	return sprintf("%8.1f s ", s)
}

# ratio NAME VALUE OP LIMIT: one line of the targets table.
function target(label, v, op, limit,   ok) {
	if (v == "") {
		printf "  %-58s %9s\n", label, "n/a"
		return
	}
	if (op == "") {
		printf "  %-58s %9.2f  (no target)\n", label, v
		return
	}
	ok = (op == ">=") ? v >= limit : v <= limit
	printf "  %-58s %9.2f  %s %-5s %s\n", label, v, op, limit, ok ? "met" : "MISSED"
	if (!ok)
		missed++
}

function r(a, b) {
	return (a in med && b in med && med[b] > 0) ? med[a] / med[b] : ""
}

END {
	titles["one"] = "one small file (JSON plan), whole process"
	titles["bigjson"] = "big API plan, JSON"
	titles["bigyaml"] = "big API plan, YAML"
	titles["bigcfn"] = "big CloudFormation template, YAML with short tags"
	titles["smalljson"] = size["nsmall"] " API plans, JSON"
	titles["smallyaml"] = size["nsmall"] " API plans, YAML"
	titles["smallcfn"] = size["nsmall"] " CloudFormation templates, YAML"
	titles["specjson"] = size["nspec"] " API plans, JSON: Spectral vs backuplint (default --jobs)"
	titles["specyaml"] = size["nspec"] " API plans, YAML: Spectral vs backuplint"
	titles["speccfn"] = size["nspec"] " templates, YAML: Spectral vs backuplint"

	print ""
	printf "%-44s %11s %10s\n", "Medians (hyperfine)", "median", "MB/s"
	for (i = 1; i <= n; i++) {
		split(order[i], p, ".")
		if (p[1] != last) {
			printf "%s (%.1f MB)\n", titles[p[1]], size[p[1]] / 1e6
			last = p[1]
		}
		mbs = med[order[i]] > 0 ? size[p[1]] / 1e6 / med[order[i]] : 0
		mark = index(" " single " ", " " order[i] " ") ? "  (one run: too slow to repeat)" : ""
		if (index(" " stopped " ", " " order[i] " "))
			mark = "  (stopped at the time-out: at least this)"
		printf "  %-42s %s %10.1f%s\n", p[2], fmt_time(med[order[i]]), mbs, mark
	}

	print ""
	print "Targets (ratios of medians in this run; speed ratios are anchor time / backuplint time)"
	target("one file: backuplint time / read-and-sum time", r("one.backuplint", "one.readsum"), "<=", 1.5)
	target("big JSON: speed vs cJSON parse+free", r("bigjson.cjson", "bigjson.backuplint"), ">=", 1.0)
	target("big YAML: speed vs libyaml event parser", r("bigyaml.libyaml", "bigyaml.backuplint"), ">=", 0.8)
	target("big template (not a stated target): vs libyaml", r("bigcfn.libyaml", "bigcfn.backuplint"), ">=", 0.8)
	target("JSON files --jobs 1: speed vs cJSON", r("smalljson.cjson", "smalljson.backuplint-j1"), ">=", 0.8)
	target("JSON files --jobs 2: speed vs cJSON", r("smalljson.cjson", "smalljson.backuplint-j2"), ">=", 1.6)
	target("YAML files --jobs 1: speed vs libyaml", r("smallyaml.libyaml", "smallyaml.backuplint-j1"), ">=", 0.8)
	target("YAML files --jobs 2: speed vs libyaml", r("smallyaml.libyaml", "smallyaml.backuplint-j2"), ">=", 1.6)
	target("templates --jobs 1: speed vs libyaml", r("smallcfn.libyaml", "smallcfn.backuplint-j1"), ">=", 0.8)
	target("templates --jobs 2: speed vs libyaml", r("smallcfn.libyaml", "smallcfn.backuplint-j2"), ">=", 1.6)
	target("big JSON: loader alone, speed vs cJSON", r("bigjson.cjson", "bigjson.loader"), "", 0)
	target("big YAML: loader alone, speed vs libyaml", r("bigyaml.libyaml", "bigyaml.loader"), "", 0)
	target("big template: loader alone, speed vs libyaml", r("bigcfn.libyaml", "bigcfn.loader"), "", 0)
	target("JSON files: loader alone, speed vs cJSON", r("smalljson.cjson", "smalljson.loader"), "", 0)
	target("YAML files: loader alone, speed vs libyaml", r("smallyaml.libyaml", "smallyaml.loader"), "", 0)
	target("templates: loader alone, speed vs libyaml", r("smallcfn.libyaml", "smallcfn.loader"), "", 0)
	target("JSON files: --jobs 2 speed-up over --jobs 1", r("smalljson.backuplint-j1", "smalljson.backuplint-j2"), "", 0)
	target("YAML files: --jobs 2 speed-up over --jobs 1", r("smallyaml.backuplint-j1", "smallyaml.backuplint-j2"), "", 0)
	target("templates: --jobs 2 speed-up over --jobs 1", r("smallcfn.backuplint-j1", "smallcfn.backuplint-j2"), "", 0)
	if (spectral == 1) {
		target("JSON: Spectral time / backuplint time", r("specjson.spectral", "specjson.backuplint"), ">=", 200)
		target("YAML: Spectral time / backuplint time", r("specyaml.spectral", "specyaml.backuplint"), ">=", 80)
		target("templates: Spectral time / backuplint time", r("speccfn.spectral", "speccfn.backuplint"), ">=", 80)
	}
	big["plan.json"] = "bigjson"
	big["plan.yaml"] = "bigyaml"
	big["template.yaml"] = "bigcfn"
	for (f in big) {
		if ((f ".backuplint") in mem)
			target("peak memory / file size: " f,
			       mem[f ".backuplint"] * 1024 / size[big[f]], "<=", 3)
		else if (found[f] == "stopped")
			printf "  %-58s %9s  (stopped at the time-out)\n",
			       "peak memory / file size: " f, "n/a"
	}
	if (missed)
		printf "  %d target(s) missed\n", missed

	print ""
	printf "%-44s %11s\n", "Peak memory (max RSS)", "MiB"
	for (i = 1; i <= m; i++)
		printf "  %-42s %11.1f\n", morder[i], mem[morder[i]] / 1024

	print ""
	print "backuplint findings on the inputs (gnu lines)"
	for (f in found)
		printf "  %-42s %11s\n", f, found[f]
}
