/* test_ruledoc.c - the rule documentation: --list-rules, the Markdown of
 * docs/rules.md, --explain, and how the examples of a rule are shown
 * (labels, fences, bytes that are not UTF-8). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "registry.h"
#include "ruledoc.h"
#include "check.h"



static void test_rules_listing(void)
{
	char *s = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&s, &len);
	const struct rule *r = rule_find(&backuplint.rules, "BKP002");
	size_t i;

	ruledoc_list(m, &backuplint.rules, NULL, 0);
	fflush(m);
	CHECK(strncmp(s, "BKP001  syntax-error ", 21) == 0);
	CHECK(strstr(s, "\nBKP002  duplicate-key ") != NULL);
	CHECK(strstr(s, "\nBKP003  unrecognized-document") != NULL);
	fclose(m);
	free(s);

	m = open_memstream(&s, &len);
	ruledoc_list(m, &backuplint.rules, NULL, 1);
	fclose(m);
	CHECK(strncmp(s, "# backuplint rules\n", 19) == 0);
	CHECK(strstr(s, "| [BKP002](#bkp002-duplicate-key) | duplicate-key | error |") != NULL);
	CHECK(strstr(s, "\n## BKP002 duplicate-key\n") != NULL);
	CHECK(strstr(s, "\n**Bad** (`plan.json`):\n\n```json\n{\n") != NULL);
	CHECK(strstr(s, "\"DeleteAfterDays\": 35, \"DeleteAfterDays\": 3650}\n") != NULL);
	/* A byte that is not UTF-8 (BKP004's Bad example) stays text. */
	CHECK(strstr(s, "; `\\xNN` stands for one byte):\n") != NULL);
	CHECK(strstr(s, "\"J\\xFCrgen\"") != NULL);
	free(s);

	/* A rule that rests on the facts dataset says so in both. */
	for (i = 0; i < RULE_COUNT && !(rules[i].id && (rules[i].flags & RF_FACTS)); i++)
		;
	if (i < RULE_COUNT) {
		char want[1024];

		m = open_memstream(&s, &len);
		ruledoc_list(m, &backuplint.rules, NULL, 0);
		fclose(m);
		snprintf(want, sizeof(want), "%s (facts: spec|current)\n",
			 rules[i].summary);
		CHECK(strstr(s, want) != NULL);
		free(s);
		m = open_memstream(&s, &len);
		ruledoc_explain(m, &rules[i], -1);
		fclose(m);
		CHECK(strstr(s, "\nFacts: ") != NULL);
		free(s);
	}

	m = open_memstream(&s, &len);
	ruledoc_explain(m, r, -1);
	fclose(m);
	CHECK(strncmp(s, "BKP002 duplicate-key (error)\n\n", 30) == 0);
	CHECK(strstr(s, r->doc) != NULL);
	CHECK(strstr(s, "\nSource: RFC 8259") != NULL);
	CHECK(strstr(s, "\n\nBad (plan.json):\n    {\n") != NULL);
	CHECK(strstr(s, "\n\nGood (plan.json):\n    {\n") != NULL);
	free(s);
}

/* Examples as documentation: labels with the arguments, a fence longer than
 * any run of backticks in the text, the language from the extension, bytes
 * that are not UTF-8 and control characters as \xNN, no blanks on empty
 * lines. */
static void test_rule_examples(void)
{
	static const struct rule_example ex[] = {
		{ .kind = EXAMPLE_BAD, .file = "t.yaml", .args = "--facts current",
		  .text = "a: ```x```\n\nb: \"\xff\x01\"\n" },
		{ .kind = EXAMPLE_GOOD, .file = "t.txt", .text = "no newline" },
		EXAMPLES_END
	};
	static const struct rule r = {
		.id = "BKP999", .name = "test-rule", .severity = SEV_WARNING,
		.summary = "A test.", .doc = "What it checks: this.\n",
		.examples = ex, .source = "here",
	};
	char *s = ruledoc_markdown(&r);

	CHECK(strcmp(s, "A test.\n\n**What it checks:** this.\n\n"
		     "**Bad** (`t.yaml`, with `--facts current`; `\\xNN` stands for "
		     "one byte):\n\n````yaml\na: ```x```\n\n"
		     "b: \"\\xFF\\x01\"\n````\n\n"
		     "**Good** (`t.txt`):\n\n```\nno newline\n```\n\n"
		     "**Source:** here\n") == 0);
	free(s);
	s = ruledoc_text(&r);
	CHECK(strcmp(s, "A test.\n\nWhat it checks: this.\n\n"
		     "Bad (t.yaml, with --facts current; \\xNN stands for one "
		     "byte):\n    a: ```x```\n\n    b: \"\\xFF\\x01\"\n\n"
		     "Good (t.txt):\n    no newline\n\nSource: here\n") == 0);
	free(s);
}

int main(void)
{
	test_rules_listing();
	test_rule_examples();
	return check_done("test_ruledoc");
}
