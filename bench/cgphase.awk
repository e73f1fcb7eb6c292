# bench/cgphase.awk - split a callgrind profile of backuplint into phases.
#
# Input: a callgrind.out file written with full call chains, as by
#   valgrind --tool=callgrind --separate-callers=60 --compress-strings=no \
#            --compress-pos=no --callgrind-out-file=F backuplint ...
# (bench/profile.sh does this). With --separate-callers every function name
# is its call chain, innermost first ("map_get'build_shape'build_db'..."),
# so each instruction can be charged to exactly one phase:
#   - a start-up root anywhere in the chain wins (the innermost of them):
#     data_tree, build_api/build_cfn, load_base/load_dataset, pcre2_compile
#     and pcre2_jit_compile (on first use of a pattern),
#     zones_init/today_init; start-up is paid once per process;
#   - else the innermost per-document root: reading, parsing, the model,
#     each rule family's hooks, output;
#   - else the engine (main, lint_*), or process start and exit (ld.so, libc)
#     when main is not in the chain, or lazy symbol binding (_dl_fixup).
# A second column says how much of each phase is allocation (malloc & co,
# the arena, libyaml's and PCRE2's allocators anywhere in the chain).
#
# Usage: awk -f bench/cgphase.awk [-v files=N] [-v top=K] callgrind.out
# With files=N a per-file column divides by N; with top=K each phase is
# followed by its K functions with the most self cost.
BEGIN {
	split("data_tree:start: data files parsed (data_tree) " \
	      "|build_api:start: schema shapes (build_api, build_cfn) " \
	      "|build_cfn:start: schema shapes (build_api, build_cfn) " \
	      "|pcre2_compile_8:start: PCRE2 compiles (pcre2_compile, JIT) " \
	      "|pcre2_jit_compile_8:start: PCRE2 compiles (pcre2_compile, JIT) " \
	      "|load_base:start: facts (load_base, load_dataset) " \
	      "|load_dataset:start: facts (load_base, load_dataset) " \
	      "|zones_init:start: calendar (zones_init, today_init) " \
	      "|today_init:start: calendar (zones_init, today_init)", a, "|")
	for (i in a) {
		sub(/ $/, "", a[i])
		k = substr(a[i], 1, index(a[i], ":") - 1)
		startup[k] = substr(a[i], index(a[i], ":") + 1)
	}
	split("source_read:load: read (source_read) " \
	      "|json_parse:load: parse (json_parse, yaml_load) " \
	      "|yaml_load_stream:load: parse (json_parse, yaml_load) " \
	      "|yaml_load:load: parse (json_parse, yaml_load) " \
	      "|on_doc:engine (main, lint_*, process_doc, the rest) " \
	      "|kinds_classify:rules: document kinds (kinds_classify) " \
	      "|retention_check_doc:rules: retention BKP5xx/BKP9xx " \
	      "|retention_check_run:rules: retention BKP5xx/BKP9xx " \
	      "|refs_check_doc:rules: template BKP8xx " \
	      "|orgpolicy_embed_check_doc:rules: other families (orgpolicy, policy, selection) " \
	      "|orgpolicy_check_doc:rules: other families (orgpolicy, policy, selection) " \
	      "|framework_check_doc:rules: other families (orgpolicy, policy, selection) " \
	      "|selection_check_run:rules: other families (orgpolicy, policy, selection) " \
	      "|policy_check_run:rules: other families (orgpolicy, policy, selection) " \
	      "|schema_check_doc:rules: schema BKP1xx " \
	      "|region_check_doc:rules: region BKP2xx " \
	      "|region_check_run:rules: region BKP2xx " \
	      "|restype_check_doc:rules: restype BKP3xx " \
	      "|restype_check_run:rules: restype BKP3xx " \
	      "|copymode_check_doc:rules: copymode BKP4xx " \
	      "|copymode_check_run:rules: copymode BKP4xx " \
	      "|lifecycle_check_doc:rules: lifecycle BKP5xx " \
	      "|schedule_check_doc:rules: schedule BKP6xx " \
	      "|iam_check_doc:rules: iam BKP7xx " \
	      "|template_check_doc:rules: template BKP8xx " \
	      "|output_write:output (output_write) " \
	      "|_dl_fixup:process: lazy symbol binding (_dl_fixup) " \
	      "|_dl_runtime_resolve_xsave:process: lazy symbol binding (_dl_fixup) " \
	      "|_dl_runtime_resolve_xsavec:process: lazy symbol binding (_dl_fixup) " \
	      "|main:engine (main, lint_*, process_doc, the rest)", a, "|")
	for (i in a) {
		sub(/ $/, "", a[i])
		k = substr(a[i], 1, index(a[i], ":") - 1)
		perdoc[k] = substr(a[i], index(a[i], ":") + 1)
	}
	n = split("malloc calloc realloc free cfree _int_malloc _int_free " \
		  "_int_realloc malloc_consolidate sysmalloc unlink_chunk " \
		  "arena_alloc arena_zalloc arena_strndup arena_strdup " \
		  "arena_release xmalloc xcalloc xrealloc xstrdup yaml_malloc " \
		  "yaml_realloc yaml_free yaml_strdup default_malloc " \
		  "default_free _pcre2_memctl_malloc_8", a, " ")
	for (i = 1; i <= n; i++)
		alloc[a[i]] = 1
	# model_* (model_of, model_each_plan, ...) is matched by prefix
}

# The cost line after "calls=" is the callee's inclusive cost: not ours.
/^calls=/ { skip = 1; next }
/^fn=/ {
	fn = substr($0, 4)
	next
}
/^[0-9+*-]/ {
	if (skip) {
		skip = 0
		next
	}
	cost = $2 + 0
	if (!(fn in phase_of))
		classify(fn)
	sum[phase_of[fn]] += cost
	if (top)
		self[phase_of[fn] SUBSEP leaf_of[fn]] += cost
	if (is_alloc[fn])
		asum[phase_of[fn]] += cost
	total += cost
	next
}

function classify(f,    m, i, nm, p, s, hasmain) {
	m = split(f, parts, "'")
	p = ""
	s = ""
	hasmain = 0
	is_alloc[f] = 0
	leaf_of[f] = ""
	for (i = 1; i <= m; i++) {
		nm = parts[i]
		sub(/@@.*/, "", nm)
		if (nm ~ /^[0-9]+$/)	# recursion depth marker: f'2
			continue
		if (leaf_of[f] == "")
			leaf_of[f] = nm
		if (nm in alloc)
			is_alloc[f] = 1
		if (s == "" && (nm in startup))
			s = startup[nm]
		if (p == "" && (nm in perdoc))
			p = perdoc[nm]
		if (p == "" && nm ~ /^model_/)
			p = "model (model_of, model_*)"
		if (nm == "main")
			hasmain = 1
	}
	if (s != "")
		p = s
	else if (p == "" || (!hasmain && p !~ /^process/))
		p = "process: start and exit (ld.so, libc)"
	phase_of[f] = p
}

END {
	printf "%-52s %13s %6s %12s", "phase", "Ir", "%", "alloc Ir"
	if (files)
		printf " %10s", "Ir/file"
	printf "\n"
	for (p in sum)
		order[p] = p
	nk = asorti_portable(order, keys)
	for (i = 1; i <= nk; i++) {
		p = keys[i]
		printf "%-52s %13d %5.1f%% %12d", p, sum[p], 100 * sum[p] / total, asum[p]
		if (files)
			printf " %10.0f", sum[p] / files
		printf "\n"
		at += asum[p]
		if (top)
			print_top(p)
	}
	printf "%-52s %13d %5.1f%% %12d", "total", total, 100, at
	if (files)
		printf " %10.0f", total / files
	printf "\n"
}

# print_top(P): the `top` functions of phase P with the most self cost.
function print_top(p,    k, parts2, best, bestk, done, i, line) {
	for (i = 1; i <= top; i++) {
		best = -1
		for (k in self) {
			split(k, parts2, SUBSEP)
			if (parts2[1] != p || (k in done))
				continue
			if (self[k] > best) {
				best = self[k]
				bestk = k
			}
		}
		if (best <= 0)
			return
		done[bestk] = 1
		split(bestk, parts2, SUBSEP)
		line = sprintf("    %s", parts2[2])
		printf "%-52s %13d %5.1f%%\n", line, best, 100 * best / total
	}
}

# Sort phase names (insertion sort: a dozen of them; POSIX awk has no asort).
function asorti_portable(src, dst,    k, n, i, j, t) {
	n = 0
	for (k in src)
		dst[++n] = k
	for (i = 2; i <= n; i++) {
		t = dst[i]
		for (j = i - 1; j >= 1 && dst[j] > t; j--)
			dst[j + 1] = dst[j]
		dst[j + 1] = t
	}
	return n
}
