/* main.c - the command line: options and configuration, the files of the
 * run, parallel linting, baseline, output, exit status (0 clean, 1 findings
 * at or above --fail-on, 2 trouble). The one place that wires the engine to
 * backuplint's rules. */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "baseline.h"
#include "config.h"
#include "fix.h"
#include "lint.h"
#include "load.h"
#include "lsp.h"
#include "output.h"
#include "paths.h"
#include "ruledoc.h"
#include "settings.h"
#include "../rules/registry.h"

#ifndef BACKUPLINT_VERSION
#define BACKUPLINT_VERSION "0.0.0"
#endif

static const char usage[] =
"usage: backuplint [OPTIONS] PATH...\n"
"\n"
"Lint AWS Backup plans, selections, copy jobs, CloudFormation templates and\n"
"AWS Organizations backup policies (JSON or YAML), and Terraform\n"
"configurations (.tf, .tf.json). PATH is a file, a directory (searched\n"
"recursively for *.json, *.yaml, *.yml, *.template, *.tf; the .tf and\n"
".tf.json files of a folder are one module) or - for standard input.\n"
"\n"
"Output:\n"
"  -f, --format FMT        text (default), gnu, json, sarif, github\n"
"      --no-color          never colour text output (NO_COLOR is honoured too)\n"
"  -q, --quiet             no summary line in text output\n"
"      --stdin-filename N  name standard input N in output\n"
"\n"
"Fixes:\n"
"      --fix               apply the safe fixes in place, then report what is\n"
"                          left (standard input: the fixed document on stdout,\n"
"                          the findings on stderr)\n"
"      --unsafe-fixes      with --fix or --diff, also the fixes that change\n"
"                          behaviour\n"
"      --diff              print a unified diff of the fixes instead of writing;\n"
"                          exit 1 when a file would change\n"
"      --skip-unrecognized skip a named file that is not a backup document, as\n"
"                          in a folder (for pre-commit: no package.json noise)\n"
"\n"
"Checks:\n"
"      --fail-on LEVEL     exit 1 on findings at or above error, warning\n"
"                          (default), info; none: never\n"
"      --facts NAME        AWS facts dataset: spec (default: the cross-Region\n"
"                          copy guide) or current (today's feature matrix)\n"
"      --region R          source Region when the document does not say\n"
"      --account A         source account when the document does not say\n"
"      --disable ID,...    turn rules off (ids or names)\n"
"  -j, --jobs N            files (then Terraform modules) linted in parallel\n"
"                          (default: number of cores)\n"
"\n"
"Configuration (.backuplint.yaml, .yml or .json, the nearest above each file):\n"
"      --config FILE       use FILE for every file\n"
"      --no-config         use no configuration file\n"
"      --report controls   print the policy controls' verdicts (plans and\n"
"                          vaults x controls: pass, fail, undecided) instead\n"
"                          of the findings; --format json for JSON\n"
"      --apply-frameworks  also apply the controls of the Audit Manager\n"
"                          frameworks in the run to its plans (as the\n"
"                          configuration's policy: {frameworks: apply})\n"
"      --print-config      print the settings in force for each PATH, and\n"
"                          where each comes from; lint nothing\n"
"      --context DIR       also read the backup documents under DIR to link\n"
"                          plans and selections (findings only for PATHs)\n"
"      --no-context        read only the PATHs\n"
"      --baseline FILE     report only findings that are not in FILE\n"
"      --write-baseline FILE  record the findings in FILE\n"
"\n"
"Limits (a file over a limit is reported with BKP005):\n"
"      --max-file-size N   bytes per file (default 268435456 = 256 MiB,\n"
"                          at most 4 GiB)\n"
"      --max-depth N       nesting of mappings and lists (default 512, at\n"
"                          most 10000)\n"
"      --max-alias-nodes N nodes reached through YAML aliases (default 1000000)\n"
"      --max-findings N    findings kept per file; more are only counted\n"
"                          (default 10000)\n"
"\n"
"Editors:\n"
"      --lsp               serve the Language Server Protocol on standard input\n"
"                          and output (diagnostics as you type, linked with the\n"
"                          workspace folder; quick fixes; hover)\n"
"\n"
"Information:\n"
"      --list-rules        the rule table (--format markdown: docs/rules.md)\n"
"      --explain ID        a rule's documentation, with examples\n"
"  -V, --version           version\n"
"  -h, --help              this help\n"
"\n"
"Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage error,\n"
"a configuration that cannot be used, unreadable path or internal failure.\n";

/* Ceilings of the limits a user can raise. Checks recurse once or twice
 * per level of nesting, and 10,000 levels stay well inside an 8 MiB stack
 * even with sanitizers (20,000 nested Fn::If overflow it under ASan).
 * Worker threads get that stack whatever the platform's default. */
#define MAX_DEPTH_CEILING 10000u
#define MAX_FILE_SIZE_CEILING ((size_t)UINT32_MAX - 1)

static void die_usage(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

static void die_usage(const char *fmt, ...)
{
	va_list ap;
	fputs("backuplint: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n(see backuplint --help)\n", stderr);
	exit(2);
}

/* ---- parallel linting ---- */

struct work {
	struct input *inputs;
	struct file **files;
	const struct file_settings **set;
	size_t n;
	size_t next;
	pthread_mutex_t lock;
	struct run *run;
	const char *stdin_name;
	/* the inputs [0, nshown) get their name in fingerprints, from the
	 * repository's root, in the worker that lints them */
	size_t nshown;
	char *rootdir, *cwd;        /* owned: freed after lint_all */
};

static void lint_one(struct work *w, size_t i)
{
	const char *path = w->inputs[i].path;
	const char *display = strcmp(path, "-") == 0 ? w->stdin_name : path;
	if (i < w->nshown)
		w->inputs[i].key = strcmp(path, "-") == 0
			? xstrdup(w->stdin_name)
			: paths_key(w->rootdir, w->cwd, path);
	lint_file(w->run, w->files[i], path, display, w->inputs[i].explicit_arg,
		  w->set[i]);
	w->files[i]->key = w->inputs[i].key;
}

static void *worker(void *arg)
{
	struct work *w = arg;
	for (;;) {
		size_t i;
		pthread_mutex_lock(&w->lock);
		i = w->next++;
		pthread_mutex_unlock(&w->lock);
		if (i >= w->n)
			return NULL;
		lint_one(w, i);
	}
}

static void lint_all(struct work *w, long jobs)
{
	size_t i;
	/* A lint thread's malloc heap (glibc) is otherwise made writable a
	 * page at a time as it grows: 29,000 mprotect calls for 10,000 small
	 * files at --jobs 2, each holding the address-space lock that the
	 * other thread's page faults wait for (and in one thread, 1,850 brk
	 * calls). Padded to glibc's 64 MiB heap size, a heap is made writable
	 * once; untouched pages still cost no memory. Only for runs of many
	 * files: for one file the padding saves nothing, and the language
	 * server does not come here. */
	if (w->n > 1)
		mallopt(M_TOP_PAD, 64 << 20);
	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > w->n)
		jobs = (long)(w->n ? w->n : 1);
	if (jobs <= 1) {
		for (i = 0; i < w->n; i++)
			lint_one(w, i);
	} else {
		pthread_t *th = xcalloc((size_t)jobs, sizeof(*th));
		pthread_attr_t attr;
		long k, started = 0;
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, LINT_THREAD_STACK);
		for (k = 0; k < jobs; k++)
			if (pthread_create(&th[k], &attr, worker, w) == 0)
				started++;
			else
				break;
		pthread_attr_destroy(&attr);
		if (started == 0)
			worker(w);
		for (k = 0; k < started; k++)
			pthread_join(th[k], NULL);
		free(th);
	}
}

/* ---- options ---- */

static size_t parse_size(const char *s, const char *opt)
{
	char *end;
	unsigned long long v;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v == 0)
		die_usage("%s takes a positive whole number", opt);
	return (size_t)v;
}

enum {
	OPT_NO_COLOR = 256, OPT_STDIN_NAME, OPT_FAIL_ON, OPT_FACTS, OPT_REGION,
	OPT_ACCOUNT, OPT_DISABLE, OPT_MAX_SIZE, OPT_MAX_DEPTH, OPT_MAX_ALIAS,
	OPT_LIST_RULES, OPT_EXPLAIN, OPT_MAX_FINDINGS, OPT_CONFIG, OPT_NO_CONFIG,
	OPT_PRINT_CONFIG, OPT_CONTEXT, OPT_NO_CONTEXT, OPT_APPLY_FRAMEWORKS, OPT_BASELINE,
	OPT_WRITE_BASELINE, OPT_SKIP_UNRECOGNIZED, OPT_FIX, OPT_UNSAFE_FIXES,
	OPT_DIFF, OPT_LSP, OPT_REPORT,
};

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "quiet", no_argument, NULL, 'q' },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_NAME },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "facts", required_argument, NULL, OPT_FACTS },
	{ "region", required_argument, NULL, OPT_REGION },
	{ "account", required_argument, NULL, OPT_ACCOUNT },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "jobs", required_argument, NULL, 'j' },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "print-config", no_argument, NULL, OPT_PRINT_CONFIG },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "context", required_argument, NULL, OPT_CONTEXT },
	{ "no-context", no_argument, NULL, OPT_NO_CONTEXT },
	{ "apply-frameworks", no_argument, NULL, OPT_APPLY_FRAMEWORKS },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ "skip-unrecognized", no_argument, NULL, OPT_SKIP_UNRECOGNIZED },
	{ "fix", no_argument, NULL, OPT_FIX },
	{ "unsafe-fixes", no_argument, NULL, OPT_UNSAFE_FIXES },
	{ "diff", no_argument, NULL, OPT_DIFF },
	{ "max-file-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
	{ "max-alias-nodes", required_argument, NULL, OPT_MAX_ALIAS },
	{ "max-findings", required_argument, NULL, OPT_MAX_FINDINGS },
	{ "lsp", no_argument, NULL, OPT_LSP },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct cli {
	struct flags fl;
	int fmt, no_color, quiet, list_rules, markdown, no_config, skip_unrecognized;
	int print_config, lsp;
	struct fix_opts fix;
	const char *explain, *stdin_name, *config, *baseline,
		*write_baseline, *report;
	long jobs;
};

static void parse_cli(int argc, char **argv, struct cli *c)
{
	int o;

	memset(c, 0, sizeof(*c));
	c->fl.fail_on = -1;
	c->fmt = -1;
	c->stdin_name = "<stdin>";
	c->jobs = sysconf(_SC_NPROCESSORS_ONLN);
	while ((o = getopt_long(argc, argv, "f:qj:Vh", longopts, NULL)) != -1) {
		switch (o) {
		case 'f':
			c->markdown = strcmp(optarg, "markdown") == 0;
			c->fmt = c->markdown ? OUT_TEXT : out_format_parse(optarg);
			if (c->fmt < 0)
				die_usage("unknown --format '%s' (text, gnu, json, sarif, github)",
					  optarg);
			c->fl.format = optarg;
			break;
		case OPT_NO_COLOR: c->no_color = 1; break;
		case 'q': c->quiet = 1; break;
		case OPT_STDIN_NAME: c->stdin_name = optarg; break;
		case OPT_FAIL_ON:
			c->fl.fail_on = severity_parse(optarg);
			if (c->fl.fail_on < 0)
				die_usage("unknown --fail-on '%s' (error, warning, info, none)",
					  optarg);
			break;
		case OPT_FACTS: c->fl.facts = optarg; break;
		case OPT_REGION: c->fl.region = optarg; break;
		case OPT_ACCOUNT: c->fl.account = optarg; break;
		case OPT_DISABLE: c->fl.disable = optarg; break;
		case 'j': c->jobs = (long)parse_size(optarg, "--jobs"); break;
		case OPT_CONFIG: c->config = optarg; break;
		case OPT_NO_CONFIG: c->no_config = 1; break;
		case OPT_PRINT_CONFIG: c->print_config = 1; break;
		case OPT_REPORT: c->report = optarg; break;
		case OPT_CONTEXT: c->fl.context = optarg; break;
		case OPT_NO_CONTEXT: c->fl.no_context = 1; break;
		case OPT_APPLY_FRAMEWORKS: c->fl.apply_frameworks = 1; break;
		case OPT_BASELINE: c->baseline = optarg; break;
		case OPT_WRITE_BASELINE: c->write_baseline = optarg; break;
		case OPT_SKIP_UNRECOGNIZED: c->skip_unrecognized = 1; break;
		case OPT_FIX: c->fix.mode = c->fix.mode == FIX_DIFF ? -1 : FIX_WRITE; break;
		case OPT_DIFF: c->fix.mode = c->fix.mode == FIX_WRITE ? -1 : FIX_DIFF; break;
		case OPT_UNSAFE_FIXES: c->fix.unsafe = 1; break;
		case OPT_MAX_SIZE:
			c->fl.max_file_size = parse_size(optarg, "--max-file-size");
			/* positions are 32-bit byte offsets */
			if (c->fl.max_file_size > MAX_FILE_SIZE_CEILING)
				die_usage("--max-file-size is at most %llu (4 GiB)",
					  (unsigned long long)MAX_FILE_SIZE_CEILING);
			break;
		case OPT_MAX_DEPTH:
			c->fl.max_depth = parse_size(optarg, "--max-depth");
			if (c->fl.max_depth > MAX_DEPTH_CEILING)
				die_usage("--max-depth is at most %u: deeper nesting "
					  "would overflow the stack of the checks",
					  MAX_DEPTH_CEILING);
			break;
		case OPT_MAX_ALIAS:
			c->fl.max_alias_nodes = parse_size(optarg, "--max-alias-nodes");
			break;
		case OPT_MAX_FINDINGS:
			c->fl.max_findings = parse_size(optarg, "--max-findings");
			break;
		case OPT_LSP: c->lsp = 1; break;
		case OPT_LIST_RULES: c->list_rules = 1; break;
		case OPT_EXPLAIN: c->explain = optarg; break;
		case 'V':
			printf("backuplint %s\n", BACKUPLINT_VERSION);
			exit(0);
		case 'h':
			fputs(usage, stdout);
			exit(0);
		default:
			fputs("(see backuplint --help)\n", stderr);
			exit(2);
		}
	}
	if (c->markdown && !c->list_rules)
		die_usage("%s", "--format markdown goes with --list-rules");
	if (c->config && c->no_config)
		die_usage("%s", "--config and --no-config cannot go together");
	if (c->fix.mode < 0)
		die_usage("%s", "--fix and --diff cannot go together");
	if (c->fix.unsafe && c->fix.mode == FIX_NONE)
		die_usage("%s", "--unsafe-fixes goes with --fix or --diff");
	if (c->fl.context && c->fl.no_context)
		die_usage("%s", "--context and --no-context cannot go together");
}

/* ---- the run ---- */

/* The context folder: --context, else the root configuration's
 * (config_context_dir); NULL for none. */
static char *context_dir(const struct cli *c, const struct config *root)
{
	if (c->fl.no_context)
		return NULL;
	if (c->fl.context)
		return xstrdup(c->fl.context);
	return config_context_dir(root);
}

static int cmp_ino(const void *a, const void *b)
{
	const struct stat *x = a, *y = b;
	if (x->st_dev != y->st_dev)
		return x->st_dev < y->st_dev ? -1 : 1;
	return x->st_ino < y->st_ino ? -1 : x->st_ino > y->st_ino;
}

/* Add the files under the context folder that are not inputs already (the
 * same file by device and inode, whatever its name). */
static void add_context(struct inputs *in, const char *dir)
{
	struct inputs ctx;
	struct stat *seen;
	size_t i, n = 0;
	struct stat st;

	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		die_usage("the context folder %s is not a folder", dir);
	memset(&ctx, 0, sizeof(ctx));
	ctx.quiet = 1;
	inputs_walk(&ctx, dir);
	seen = xcalloc(in->n + 1, sizeof(*seen));
	for (i = 0; i < in->n; i++)
		if (strcmp(in->v[i].path, "-") != 0 && stat(in->v[i].path, &seen[n]) == 0)
			n++;
	qsort(seen, n, sizeof(*seen), cmp_ino);
	for (i = 0; i < ctx.n; i++) {
		if (stat(ctx.v[i].path, &st) != 0 ||
		    bsearch(&st, seen, n, sizeof(*seen), cmp_ino))
			continue;
		inputs_add(in, ctx.v[i].path, 0);
		in->v[in->n - 1].context = 1;
	}
	free(seen);
	inputs_release(&ctx);
}

/* Print the diagnostics of the configurations that cannot be used. */
/* The configuration of input in, looked up once. */
static struct config *input_config(struct config_set *cs, struct input *in)
{
	if (!in->config_known) {
		in->config = config_set_for(cs, in->path);
		in->config_known = 1;
	}
	return in->config;
}

static int broken_configs(struct config_set *cs, int fmt, const struct out_opts *oo)
{
	struct file **files = xcalloc(cs->nloaded + 1, sizeof(*files));
	size_t i, n = 0;
	for (i = 0; i < cs->nloaded; i++)
		if (cs->loaded[i]->broken)
			files[n++] = &cs->loaded[i]->file;
	if (n && output_write(stdout, (enum out_format)fmt, files, n, oo) != 0)
		fprintf(stderr, "backuplint: cannot write the output: %s\n",
			strerror(errno ? errno : EIO));
	free(files);
	return n > 0;
}

int main(int argc, char **argv)
{
	struct cli cli;
	struct options opt, boot_opt;
	struct session session, boot;
	struct run run, boot_run;
	struct config_set cs;
	struct config *root;
	struct settings st;
	struct out_opts oo;
	struct fix_result fixed = { 0, 0 };
	FILE *report_fp = stdout;
	struct inputs in;
	struct work w;
	struct baseline bl;
	struct config **cfgs = NULL;
	struct file **shown = NULL;
	size_t ncfgs = 0;
	int have_session = 0;
	char err[512], *ctx;
	const char *now;
	int worst = SEV_NONE, io_trouble = 0, status, fmt, stdin_seen = 0;
	size_t i, nshown;
	struct date today;

	/* A closed output pipe is a write error like any other (exit 2 with a
	 * reason, whatever the output's size), not a silent death by SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	parse_cli(argc, argv, &cli);
	memset(&oo, 0, sizeof(oo));
	memset(&in, 0, sizeof(in));
	memset(&bl, 0, sizeof(bl));
	oo.tool_version = BACKUPLINT_VERSION;
	oo.rules = &backuplint.rules;
	oo.quiet = cli.quiet;

	now = getenv("BACKUPLINT_NOW");
	if (now && !*now)
		now = NULL;
	if (now && date_parse(now, &today) < 0)
		die_usage("BACKUPLINT_NOW='%.40s' is not a date YYYY-MM-DD between "
			  "1970-01-01 and 2199-12-31 (it fixes today's date; unset "
			  "it to use the clock)", now);
	if (cli.fl.account && backuplint.check_option &&
	    backuplint.check_option("account", cli.fl.account, err, sizeof(err)) < 0)
		die_usage("--%s", err);
	/* an unknown Region may be newer than the facts: a warning, not a stop */
	if (cli.fl.region && backuplint.check_option &&
	    backuplint.check_option("region", cli.fl.region, err, sizeof(err)) < 0)
		fprintf(stderr, "backuplint: warning: --%s\n", err);
	if (cli.lsp) {
		struct lsp_opts lo;
		if (optind < argc)
			die_usage("%s", "--lsp takes no PATH: the editor sends the documents");
		if (cli.fix.mode != FIX_NONE)
			die_usage("%s", "--lsp does not take --fix or --diff: the editor applies fixes as code actions");
		lo.fl = &cli.fl;
		lo.config = cli.config;
		lo.no_config = cli.no_config;
		lo.now = now;
		return lsp_serve(&backuplint, &lo, STDIN_FILENO, stdout);
	}
	if (!cli.list_rules && !cli.explain && optind >= argc)
		die_usage("%s", "no PATH given");

	/* The configurations are read in a session of their own, with the
	 * defaults: nothing is linted before they are known to be sound. */
	options_init(&boot_opt);
	if (session_init(&boot, &backuplint, &boot_opt, err, sizeof(err)) < 0)
		die_usage("%s", err);
	run_init(&boot_run, &boot);
	config_set_init(&cs, &boot_run, cli.config, cli.no_config);
	root = config_set_for(&cs, ".");

	/* the files, each with the configuration nearest it */
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		struct stat sb;
		const char *p = argv[i];
		if (strcmp(p, "-") == 0 && stdin_seen++)
			die_usage("%s", "'-' is named twice: standard input can be "
				  "read only once");
		if (strcmp(p, "-") != 0 && stat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			inputs_walk(&in, p);
		else {
			/* --skip-unrecognized: a named file is taken like one
			 * found in a folder (a package.json is skipped) */
			inputs_add(&in, p, !cli.skip_unrecognized || strcmp(p, "-") == 0);
			in.v[in.n - 1].named = 1;
		}
	}
	for (i = 0; i < in.n; i++)
		input_config(&cs, &in.v[i]);
	if (cs.trouble) {
		fprintf(stderr, "backuplint: configuration %s\n", cs.err);
		status = 2;
		goto done;
	}
	fmt = cli.fmt >= 0 ? cli.fmt
	      : root && root->set.format ? out_format_parse(root->set.format) : OUT_TEXT;
	oo.color = fmt == OUT_TEXT && !cli.no_color && isatty(STDOUT_FILENO) &&
		   !(getenv("NO_COLOR") && getenv("NO_COLOR")[0]);
	if (broken_configs(&cs, fmt, &oo)) {
		fputs("backuplint: the configuration cannot be used: nothing was "
		      "linted\n", stderr);
		status = 2;
		goto done;
	}

	if (!cli.list_rules && !cli.explain && !cli.print_config)
		settings_warn_run_wide(stderr, &cs, root);
	options_init(&opt);
	settings_options(&opt, root, &cli.fl);
	opt.now = now;
	if (session_init(&session, &backuplint, &opt, err, sizeof(err)) < 0)
		die_usage("%s", err);
	if (settings_init(&st, &session, &cli.fl, err, sizeof(err)) < 0)
		die_usage("%s", err);
	have_session = 1;
	if (cli.report && strcmp(cli.report, "controls") != 0)
		die_usage("unknown --report '%s' (controls)", cli.report);
	if (cli.list_rules || cli.explain) {
		/* the severities in force here */
		const struct file_settings *here = settings_for(&st, root, ".");
		const unsigned char *sev = here ? here->sev : session.sev;
		if (cli.list_rules) {
			ruledoc_list(stdout, &backuplint.rules, cli.markdown ? NULL : sev,
				     cli.markdown);
		} else {
			const struct rule *r = rule_find(&backuplint.rules, cli.explain);
			if (!r)
				die_usage("--explain: unknown rule '%s' (see --list-rules)",
					  cli.explain);
			ruledoc_explain(stdout, r, sev ? sev[r - backuplint.rules.v] : -1);
		}
		status = fflush(stdout) || ferror(stdout) ? 2 : 0;
		goto done;
	}
	if (cli.print_config) {
		/* the PATHs as named, not the files under a folder */
		for (i = (size_t)optind; i < (size_t)argc; i++) {
			if (i > (size_t)optind)
				putchar('\n');
			settings_print(stdout, &st, root, config_set_for(&cs, argv[i]),
				       argv[i]);
		}
		status = fflush(stdout) || ferror(stdout) ? 2 : 0;
		goto done;
	}
	if (cli.baseline && baseline_read(&bl, cli.baseline, err, sizeof(err)) < 0) {
		fprintf(stderr, "backuplint: %s\n", err);
		status = 2;
		goto done;
	}

	/* excluded files are never linted; the context is read to link */
	for (i = 0; i < in.n; i++) {
		if (strcmp(in.v[i].path, "-") == 0 ||
		    !config_excludes(input_config(&cs, &in.v[i]), in.v[i].path))
			continue;
		free(in.v[i].path);
		memmove(&in.v[i], &in.v[i + 1], (in.n - i - 1) * sizeof(*in.v));
		in.n--;
		i--;
	}
	/* a configuration named as a PATH is checked as one, not linted */
	for (i = 0; i < in.n; i++) {
		struct config *c;
		if (!in.v[i].named || !config_is_name(in.v[i].path))
			continue;
		c = xcalloc(1, sizeof(*c));
		if (config_load(c, &boot_run, in.v[i].path, err, sizeof(err)) < 0 &&
		    !c->broken) {
			fprintf(stderr, "backuplint: %s: %s\n", in.v[i].path, err);
			io_trouble = 1;
		}
		cfgs = xrealloc(cfgs, (ncfgs + 1) * sizeof(*cfgs));
		cfgs[ncfgs++] = c;
		free(in.v[i].path);
		memmove(&in.v[i], &in.v[i + 1], (in.n - i - 1) * sizeof(*in.v));
		in.n--;
		i--;
	}
	nshown = in.n;
	if ((ctx = context_dir(&cli, root)) != NULL) {
		add_context(&in, ctx);
		free(ctx);
	}

	memset(&w, 0, sizeof(w));
	w.nshown = nshown;
	w.rootdir = paths_repo_root();
	w.cwd = getcwd(NULL, 0);
	w.inputs = in.v;
	w.n = in.n;
	w.run = &run;
	w.stdin_name = cli.stdin_name;
	w.files = xcalloc(in.n ? in.n : 1, sizeof(*w.files));
	w.set = xcalloc(in.n ? in.n : 1, sizeof(*w.set));
	for (i = 0; i < in.n; i++) {
		const struct file_settings *set =
			settings_for(&st, input_config(&cs, &in.v[i]), in.v[i].path);
		w.files[i] = xcalloc(1, sizeof(struct file));
		if (in.v[i].context)
			set = settings_context(&st, set); /* read only to link */
		w.set[i] = set;
	}
	pthread_mutex_init(&w.lock, NULL);
	run_init(&run, &session);
	run.jobs = cli.jobs;
	/* documents may be released after their checks (lint.h); not under
	 * --fix, which lints its files again */
	run.release = cli.fix.mode == FIX_NONE;
	lint_all(&w, cli.jobs);
	free(w.rootdir);
	free(w.cwd);
	run_finish(&run, w.files, in.n);
	/* The trees and models are done with, unless --fix lints again or
	 * --report reads the run's verdicts (their names live there): the
	 * output needs the findings and the sources. Freed now, they leave
	 * room for a big file's pages that its excerpts bring back. */
	if (cli.fix.mode == FIX_NONE && !cli.report)
		for (i = 0; i < in.n; i++)
			file_drop_docs(w.files[i]);
	if (cli.fix.mode != FIX_NONE) {
		cli.fix.baseline = cli.baseline ? &bl : NULL;
		fix_run(&run, w.files, in.n, nshown, &cli.fix, stdout, &fixed);
		if (fixed.trouble)
			io_trouble = 1;
		/* with stdin on stdout, the findings go to stderr */
		for (i = 0; i < nshown && cli.fix.mode == FIX_WRITE; i++)
			if (strcmp(in.v[i].path, "-") == 0)
				report_fp = stderr;
	}

	if (cli.baseline) {
		oo.baseline = 1;
		oo.baseline_fixed = baseline_apply(&bl, w.files, nshown);
	}
	if (cli.write_baseline &&
	    baseline_write(cli.write_baseline, w.files, nshown, BACKUPLINT_VERSION,
			   err, sizeof(err)) < 0) {
		fprintf(stderr, "backuplint: %s\n", err);
		io_trouble = 1;
	}
	/* what is shown: the configurations checked, then the files linted */
	shown = xcalloc(ncfgs + nshown + 1, sizeof(*shown));
	for (i = 0; i < ncfgs; i++)
		shown[i] = &cfgs[i]->file;
	for (i = 0; i < nshown; i++) {
		struct file *f = w.files[i];
		shown[ncfgs + i] = f;
		if (f->io_error) {
			fprintf(stderr, "backuplint: %s: %s\n", in.v[i].path, f->io_msg);
			io_trouble = 1;
		}
	}
	for (i = 0; i < ncfgs + nshown; i++) {
		size_t j;
		for (j = 0; j < shown[i]->diags.n; j++)
			if (!shown[i]->diags.v[j].baselined && !shown[i]->diags.v[j].suppressed &&
			    shown[i]->diags.v[j].severity > worst)
				worst = shown[i]->diags.v[j].severity;
	}
	if (cli.fix.mode == FIX_DIFF) {
		/* the diff is the output; exit 1 when something would change */
		if (fflush(stdout) || ferror(stdout))
			io_trouble = 1;
		worst = fixed.changed ? SEV_ERROR : SEV_NONE;
	} else if (cli.report) {
		/* the report is the output; the findings decide the status */
		if (out_controls(report_fp, &run, fmt == OUT_JSON) != 0) {
			fprintf(stderr, "backuplint: cannot write the report: %s\n",
				strerror(errno ? errno : EIO));
			io_trouble = 1;
		}
	} else if (output_write(report_fp, (enum out_format)fmt, shown, ncfgs + nshown,
				&oo) != 0) {
		fprintf(stderr, "backuplint: cannot write the output: %s\n",
			strerror(errno ? errno : EIO));
		io_trouble = 1;
	}

	status = 0;
	if (cli.fix.mode == FIX_DIFF)
		status = fixed.changed ? 1 : 0;
	else if (opt.fail_on != SEV_NONE && worst >= opt.fail_on)
		status = 1;
	if (io_trouble || in.trouble)
		status = 2;

	for (i = 0; i < in.n; i++) {
		file_release(w.files[i]);
		free(w.files[i]);
	}
	free(w.files);
	free(w.set);
	pthread_mutex_destroy(&w.lock);
	run_release(&run);
done:
	/* every way out of a run that has begun: nothing left behind */
	for (i = 0; i < ncfgs; i++) {
		config_release(cfgs[i]);
		free(cfgs[i]);
	}
	free(cfgs);
	free(shown);
	baseline_release(&bl);
	if (have_session) {
		settings_release(&st);
		session_release(&session);
	}
	config_set_release(&cs);
	run_release(&boot_run);
	session_release(&boot);
	inputs_release(&in);
	return status;
}
