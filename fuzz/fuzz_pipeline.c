/* fuzz_pipeline.c - libFuzzer target for the whole pipeline: encoding
 * check, loader, document kinds, every rule family (check_doc and
 * check_run), then every output format.
 *
 * The first byte of the input chooses how the rest is linted, so that the
 * fuzzer explores both loaders and the option space from one corpus:
 *   bits 0-1  file name: x.json, x.yaml, x.template, x.yml
 *   bit 2     --facts current instead of spec
 *   bit 3     --region us-east-1
 *   bit 4     --account 111122223333
 *   bit 5     --fail-on info
 *   bit 6     colour in text output
 *   bits 5-7  all set: SARIF output too
 * Outputs are written to /dev/null (opened once); a failed write there
 * would be a bug, so it is asserted. SARIF embeds the whole rule table,
 * which costs more than linting a small input and does not depend on it,
 * so only an eighth of the inputs pay for it. Every diagnostic must point inside the
 * file and carry a message and a known rule. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "../linter/lint.h"
#include "../linter/output.h"

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	return 0;
}

static void check_diags(const struct file *f)
{
	size_t i;
	for (i = 0; i < f->diags.n; i++) {
		const struct diag *d = &f->diags.v[i];
		FUZZ_ASSERT(d->rule >= 0 && d->rule < RULE_COUNT);
		FUZZ_ASSERT(d->severity >= SEV_INFO && d->severity <= SEV_ERROR);
		FUZZ_ASSERT(d->start <= d->end && d->end <= f->src.len);
		FUZZ_ASSERT(d->message != NULL && d->message[0] != '\0');
		FUZZ_ASSERT(d->path != NULL);
		FUZZ_ASSERT(d->pos.line >= 1 && d->pos.col >= 1);
		FUZZ_ASSERT(d->end_pos.line > d->pos.line ||
			    (d->end_pos.line == d->pos.line &&
			     d->end_pos.col >= d->pos.col));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "x.json", "x.yaml", "x.template",
					     "x.yml" };
	static const int formats[] = { OUT_TEXT, OUT_GNU, OUT_JSON, OUT_SARIF,
				       OUT_GITHUB };
	struct options opt;
	struct session session;
	struct file f, *files[1];
	struct run run;
	char err[256];
	struct out_opts oo;
	unsigned sel;
	size_t i;

	if (size < 1)
		return 0;
	sel = data[0];
	options_init(&opt);
	if (sel & 4)
		opt.facts = "current";
	if (sel & 8)
		opt.region = "us-east-1";
	if (sel & 16)
		opt.account = "111122223333";
	if (sel & 32)
		opt.fail_on = SEV_INFO;
	/* Low limits, so that the fuzzer meets them instead of timing out. */
	opt.max_depth = 128;
	opt.max_alias_nodes = 20000;

	opt.now = "2026-06-15";
	FUZZ_ASSERT(session_init(&session, &backuplint, &opt, err, sizeof(err)) == 0);
	run_init(&run, &session);
	lint_buffer(&run, &f, names[sel & 3], (const char *)data + 1, size - 1);
	files[0] = &f;
	run_finish(&run, files, 1);
	check_diags(&f);

	memset(&oo, 0, sizeof(oo));
	oo.tool_version = "fuzz";
	oo.rules = &backuplint.rules;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (formats[i] == OUT_SARIF && (sel & 0xE0) != 0xE0)
			continue;
		oo.color = (sel & 64) != 0 && formats[i] == OUT_TEXT;
		FUZZ_ASSERT(output_write(devnull, (enum out_format)formats[i],
					 files, 1, &oo) == 0);
	}
	file_release(&f);
	run_release(&run);
	session_release(&session);
	return 0;
}
