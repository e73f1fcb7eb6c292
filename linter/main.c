/* main.c - the command line: options, paths, parallel linting, output,
 * exit status (0 clean, 1 findings at or above --fail-on, 2 trouble). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lint.h"
#include "load.h"
#include "output.h"
#include "ruledoc.h"
/* main is the one place that wires the engine to backuplint's rules */
#include "../rules/facts.h"
#include "../rules/registry.h"

#ifndef BACKUPLINT_VERSION
#define BACKUPLINT_VERSION "0.0.0"
#endif

static const char usage[] =
"usage: backuplint [OPTIONS] PATH...\n"
"\n"
"Lint AWS Backup plans, selections, copy jobs and CloudFormation templates\n"
"(JSON or YAML). PATH is a file, a directory (searched recursively for\n"
"*.json, *.yaml, *.yml, *.template) or - for standard input.\n"
"\n"
"Output:\n"
"  -f, --format FMT        text (default), gnu, json, sarif, github\n"
"      --no-color          never colour text output (NO_COLOR is honoured too)\n"
"  -q, --quiet             no summary line in text output\n"
"      --stdin-filename N  name standard input N in output\n"
"\n"
"Checks:\n"
"      --fail-on LEVEL     exit 1 on findings at or above error, warning\n"
"                          (default), info; none: never\n"
"      --facts NAME        AWS facts dataset: spec (default: the cross-Region\n"
"                          copy guide) or current (today's feature matrix)\n"
"      --region R          source Region when the document does not say\n"
"      --account A         source account when the document does not say\n"
"      --disable ID,...    turn rules off (ids or names)\n"
"  -j, --jobs N            files linted in parallel (default: number of cores)\n"
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
"Information:\n"
"      --list-rules        the rule table (--format markdown: docs/rules.md)\n"
"      --explain ID        a rule's documentation, with examples\n"
"  -V, --version           version\n"
"  -h, --help              this help\n"
"\n"
"Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage error,\n"
"unreadable path or internal failure.\n";

/* Ceilings of the limits a user can raise. Checks recurse once or twice
 * per level of nesting, and 10,000 levels stay well inside an 8 MiB stack
 * even with sanitizers (20,000 nested Fn::If overflow it under ASan).
 * Worker threads get that stack whatever the platform's default. */
#define MAX_DEPTH_CEILING 10000u
#define MAX_FILE_SIZE_CEILING ((size_t)UINT32_MAX - 1)
#define THREAD_STACK ((size_t)8 << 20)

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

/* ---- collecting paths ---- */

struct input {
	char *path;
	int explicit_arg;
};

struct inputs {
	struct input *v;
	size_t n, cap;
	/* directories on the current walk, for symlink loops */
	struct { dev_t dev; ino_t ino; } *stack;
	size_t nstack, scap;
	int trouble; /* a directory could not be read */
};

static void add_input(struct inputs *in, const char *path, int explicit_arg)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 64;
		in->v = xrealloc(in->v, in->cap * sizeof(*in->v));
	}
	in->v[in->n].path = xstrdup(path);
	in->v[in->n].explicit_arg = explicit_arg;
	in->n++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(struct inputs *in, const char *dir)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (stat(dir, &st) != 0)
		return;
	for (i = 0; i < in->nstack; i++)
		if (in->stack[i].dev == st.st_dev && in->stack[i].ino == st.st_ino) {
			fprintf(stderr,
				"backuplint: %s: symbolic link loop, not followed\n",
				dir);
			in->trouble = 1;
			return;
		}
	d = opendir(dir);
	if (!d) {
		fprintf(stderr, "backuplint: %s: cannot read directory: %s\n", dir,
			strerror(errno));
		in->trouble = 1;
		return;
	}
	if (in->nstack == in->scap) {
		in->scap = in->scap ? in->scap * 2 : 16;
		in->stack = xrealloc(in->stack, in->scap * sizeof(*in->stack));
	}
	in->stack[in->nstack].dev = st.st_dev;
	in->stack[in->nstack].ino = st.st_ino;
	in->nstack++;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ., .., and hidden files and folders (.git) */
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	/* Sorted, so that output order does not depend on the file system. */
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		size_t l = strlen(dir);
		char *p = xmalloc(l + strlen(names[i]) + 2);
		sprintf(p, "%s%s%s", dir, l && dir[l - 1] == '/' ? "" : "/", names[i]);
		/* directories are walked; of the rest only regular files with
		 * a name a syntax reads: a FIFO, socket or device found while
		 * walking would block or never end */
		if (stat(p, &st) != 0) {
			/* a dangling link or a link loop: reading it says why */
			if (syntax_walks(names[i]))
				add_input(in, p, 0);
		} else if (S_ISDIR(st.st_mode)) {
			walk_dir(in, p);
		} else if (S_ISREG(st.st_mode) && syntax_walks(names[i])) {
			add_input(in, p, 0);
		}
		free(p);
		free(names[i]);
	}
	free(names);
	in->nstack--;
}

/* ---- parallel linting ---- */

struct work {
	struct input *inputs;
	struct file **files;
	size_t n;
	size_t next;
	pthread_mutex_t lock;
	struct run *run;
	const char *stdin_name;
};

static void lint_one(struct work *w, size_t i)
{
	const char *path = w->inputs[i].path;
	const char *display = strcmp(path, "-") == 0 ? w->stdin_name : path;
	lint_file(w->run, w->files[i], path, display, w->inputs[i].explicit_arg);
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

/* An AWS account id: twelve digits. */
static int account_ok(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (s[n] < '0' || s[n] > '9')
			return 0;
	return n == 12;
}

/* --disable ID,...: each named rule off in session s. */
static void disable_rules(struct session *s, const char *list)
{
	char *copy = xstrdup(list), *tok, *save = NULL;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		const struct rule *r = rule_find(&s->ck->rules, tok);
		if (!r)
			die_usage("--disable: unknown rule '%s'", tok);
		session_set_severity(s, (int)(r - s->ck->rules.v), SEV_NONE);
	}
	free(copy);
}

enum {
	OPT_NO_COLOR = 256, OPT_STDIN_NAME, OPT_FAIL_ON, OPT_FACTS, OPT_REGION,
	OPT_ACCOUNT, OPT_DISABLE, OPT_MAX_SIZE, OPT_MAX_DEPTH, OPT_MAX_ALIAS,
	OPT_LIST_RULES, OPT_EXPLAIN, OPT_MAX_FINDINGS,
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
	{ "max-file-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
	{ "max-alias-nodes", required_argument, NULL, OPT_MAX_ALIAS },
	{ "max-findings", required_argument, NULL, OPT_MAX_FINDINGS },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
	struct options opt;
	struct session session;
	struct out_opts oo;
	struct inputs in;
	struct work w;
	struct run run;
	int c, fmt = OUT_TEXT, no_color = 0, list_rules = 0, worst = SEV_NONE;
	int io_trouble = 0, status, markdown = 0;
	const char *explain = NULL, *stdin_name = "<stdin>", *disable = NULL;
	char err[256];
	struct date today;
	int stdin_seen = 0;
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	size_t i;

	/* A closed output pipe is a write error like any other (exit 2 with a
	 * reason, whatever the output's size), not a silent death by SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	options_init(&opt);
	memset(&oo, 0, sizeof(oo));
	memset(&in, 0, sizeof(in));
	while ((c = getopt_long(argc, argv, "f:qj:Vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			markdown = strcmp(optarg, "markdown") == 0;
			fmt = markdown ? OUT_TEXT : out_format_parse(optarg);
			if (fmt < 0)
				die_usage("unknown --format '%s' (text, gnu, json, sarif, github)",
					  optarg);
			break;
		case OPT_NO_COLOR: no_color = 1; break;
		case 'q': oo.quiet = 1; break;
		case OPT_STDIN_NAME: stdin_name = optarg; break;
		case OPT_FAIL_ON:
			opt.fail_on = severity_parse(optarg);
			if (opt.fail_on < 0)
				die_usage("unknown --fail-on '%s' (error, warning, info, none)",
					  optarg);
			break;
		case OPT_FACTS: opt.facts = optarg; break;
		case OPT_REGION: opt.region = optarg; break;
		case OPT_ACCOUNT: opt.account = optarg; break;
		case OPT_DISABLE: disable = optarg; break;
		case 'j': jobs = (long)parse_size(optarg, "--jobs"); break;
		case OPT_MAX_SIZE:
			opt.max_bytes = parse_size(optarg, "--max-file-size");
			/* positions are 32-bit byte offsets */
			if (opt.max_bytes > MAX_FILE_SIZE_CEILING)
				die_usage("--max-file-size is at most %llu (4 GiB)",
					  (unsigned long long)MAX_FILE_SIZE_CEILING);
			break;
		case OPT_MAX_DEPTH:
			if (parse_size(optarg, "--max-depth") > MAX_DEPTH_CEILING)
				die_usage("--max-depth is at most %u: deeper nesting "
					  "would overflow the stack of the checks",
					  MAX_DEPTH_CEILING);
			opt.max_depth = (unsigned)parse_size(optarg, "--max-depth");
			break;
		case OPT_MAX_ALIAS: opt.max_alias_nodes = parse_size(optarg, "--max-alias-nodes"); break;
		case OPT_MAX_FINDINGS: opt.max_findings = parse_size(optarg, "--max-findings"); break;
		case OPT_LIST_RULES: list_rules = 1; break;
		case OPT_EXPLAIN: explain = optarg; break;
		case 'V':
			printf("backuplint %s\n", BACKUPLINT_VERSION);
			return 0;
		case 'h':
			fputs(usage, stdout);
			return 0;
		default:
			fputs("(see backuplint --help)\n", stderr);
			return 2;
		}
	}
	if (markdown && !list_rules)
		die_usage("%s", "--format markdown goes with --list-rules");
	if (list_rules) {
		ruledoc_list(stdout, &backuplint.rules, markdown);
		return fflush(stdout) || ferror(stdout) ? 2 : 0;
	}
	if (explain) {
		const struct rule *r = rule_find(&backuplint.rules, explain);
		if (!r)
			die_usage("--explain: unknown rule '%s' (see --list-rules)", explain);
		ruledoc_explain(stdout, r);
		return fflush(stdout) || ferror(stdout) ? 2 : 0;
	}
	if (optind >= argc)
		die_usage("%s", "no PATH given");
	opt.now = getenv("BACKUPLINT_NOW");
	if (opt.now && !opt.now[0])
		opt.now = NULL;
	if (opt.now && date_parse(opt.now, &today) < 0)
		die_usage("BACKUPLINT_NOW='%.40s' is not a date YYYY-MM-DD between "
			  "1970-01-01 and 2199-12-31 (it fixes today's date; unset "
			  "it to use the clock)", opt.now);
	if (opt.account && !account_ok(opt.account))
		die_usage("--account '%.40s' is not an AWS account id (12 digits)",
			  opt.account);
	if (session_init(&session, &backuplint, &opt, err, sizeof(err)) < 0)
		die_usage("%s", err);
	if (disable)
		disable_rules(&session, disable);
	if (opt.region && !facts_region(opt.region))
		fprintf(stderr, "backuplint: warning: --region %s is not a Region "
				"backuplint knows\n", opt.region);

	for (i = (size_t)optind; i < (size_t)argc; i++) {
		struct stat st;
		const char *p = argv[i];
		if (strcmp(p, "-") == 0 && stdin_seen++)
			die_usage("%s", "'-' is named twice: standard input can be "
				  "read only once");
		if (strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			walk_dir(&in, p);
		else
			add_input(&in, p, 1);
	}

	memset(&w, 0, sizeof(w));
	w.inputs = in.v;
	w.n = in.n;
	w.run = &run;
	w.stdin_name = stdin_name;
	w.files = xcalloc(in.n ? in.n : 1, sizeof(*w.files));
	for (i = 0; i < in.n; i++)
		w.files[i] = xcalloc(1, sizeof(struct file));
	pthread_mutex_init(&w.lock, NULL);
	run_init(&run, &session);
	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > in.n)
		jobs = (long)(in.n ? in.n : 1);
	if (jobs <= 1) {
		for (i = 0; i < in.n; i++)
			lint_one(&w, i);
	} else {
		pthread_t *th = xcalloc((size_t)jobs, sizeof(*th));
		pthread_attr_t attr;
		long k, started = 0;
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, THREAD_STACK);
		for (k = 0; k < jobs; k++)
			if (pthread_create(&th[k], &attr, worker, &w) == 0)
				started++;
			else
				break;
		pthread_attr_destroy(&attr);
		if (started == 0)
			worker(&w);
		for (k = 0; k < started; k++)
			pthread_join(th[k], NULL);
		free(th);
	}

	run_finish(&run, w.files, in.n);

	for (i = 0; i < in.n; i++) {
		struct file *f = w.files[i];
		int fw;
		if (f->io_error) {
			fprintf(stderr, "backuplint: %s: %s\n", in.v[i].path, f->io_msg);
			io_trouble = 1;
		}
		fw = diag_worst(&f->diags);
		if (fw > worst)
			worst = fw;
	}
	oo.color = fmt == OUT_TEXT && !no_color && isatty(STDOUT_FILENO) &&
		   !(getenv("NO_COLOR") && getenv("NO_COLOR")[0]);
	oo.tool_version = BACKUPLINT_VERSION;
	oo.rules = &backuplint.rules;
	if (output_write(stdout, (enum out_format)fmt, w.files, in.n, &oo) != 0) {
		fprintf(stderr, "backuplint: cannot write the output: %s\n",
			strerror(errno ? errno : EIO));
		io_trouble = 1;
	}

	status = 0;
	if (opt.fail_on != SEV_NONE && worst >= opt.fail_on)
		status = 1;
	if (io_trouble || in.trouble)
		status = 2;

	for (i = 0; i < in.n; i++) {
		file_release(w.files[i]);
		free(w.files[i]);
		free(in.v[i].path);
	}
	free(w.files);
	run_release(&run);
	session_release(&session);
	free(in.v);
	free(in.stack);
	pthread_mutex_destroy(&w.lock);
	return status;
}
