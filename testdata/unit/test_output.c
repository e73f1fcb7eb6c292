/* test_output.c - the output formats, byte for byte, over hand-made
 * diagnostics on in-memory sources: carets under tabs, multibyte UTF-8,
 * spans over several lines, long lines, empty files, positions past the end;
 * escaping in gnu, json and github; the shape of SARIF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "harness.h"
#include "lint.h"
#include "output.h"
#include "check.h"



static struct harness h;

static void file_mem(struct file *f, const char *name, const char *text)
{
	memset(f, 0, sizeof(*f));
	f->run = &h.r;
	diag_list_init(&f->diags);
	source_from_mem(&f->src, name, text, strlen(text));
	f->arg = f->src.name;
}

/* Offset of the n-th (0-based) occurrence of needle in f's buffer. */
static size_t at(struct file *f, const char *needle, int nth)
{
	const char *p = f->src.buf;

	for (;;) {
		p = strstr(p, needle);
		if (!p) {
			printf("test_output.c: \"%s\" not in %s\n", needle,
			       f->src.name);
			exit(2);
		}
		if (nth-- == 0)
			return (size_t)(p - f->src.buf);
		p++;
	}
}

/* A diagnostic over the text of `needle` in f. */
static struct diag *span(struct file *f, enum rule_id r, int sev,
			 const char *needle, const char *msg)
{
	size_t s = at(f, needle, 0);
	struct diag *d = report_at(f, 0, r, s, s + strlen(needle),
				     "BackupPlan.BackupPlanName", "%s", msg);

	d->severity = sev;
	return d;
}

static char *render(enum out_format fmt, struct file **files, size_t n,
		    int color, int quiet)
{
	struct out_opts o = { .rules = &backuplint.rules, .color = color, .quiet = quiet,
			      .tool_version = "9.8.7" };
	char *s = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&s, &len);

	if (!m)
		exit(2);
	CHECK(output_write(m, fmt, files, n, &o) == 0);
	fclose(m);
	return s;
}

static void expect(const char *got, const char *want, int line)
{
	if (strcmp(got, want) != 0) {
		printf("test_output.c:%d: output differs\n--- got:\n%s--- want:\n%s---\n",
		       line, got, want);
		check_failures++;
	}
}

#define EXPECT(fmt, files, n, color, want) do { \
	char *got_ = render(fmt, files, n, color, 0); \
	expect(got_, want, __LINE__); \
	free(got_); \
} while (0)

static void test_parse(void)
{
	CHECK(out_format_parse("text") == OUT_TEXT);
	CHECK(out_format_parse("gnu") == OUT_GNU);
	CHECK(out_format_parse("json") == OUT_JSON);
	CHECK(out_format_parse("sarif") == OUT_SARIF);
	CHECK(out_format_parse("github") == OUT_GITHUB);
	CHECK(out_format_parse("Text") == -1);
	CHECK(out_format_parse("") == -1);
	CHECK(out_format_parse(NULL) == -1);
}

static void test_basic(void)
{
	struct file f, *fs[1] = { &f };

	file_mem(&f, "plan.json",
		 "{\n  \"BackupPlan\": {\n    \"BackupPlanName\": \"daily\",\n"
		 "    \"Rules\": []\n  }\n}\n");
	span(&f, BKP001, SEV_ERROR, "\"daily\"", "name \"daily\" is dull");
	EXPECT(OUT_GNU, fs, 1, 0,
	       "plan.json:3:23: error: name \"daily\" is dull [BKP001 syntax-error]\n");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "plan.json:3:23: error: name \"daily\" is dull [BKP001 syntax-error]\n"
	       "    3 |     \"BackupPlanName\": \"daily\",\n"
	       "      |                       ^~~~~~~\n"
	       "1 error in 1 file\n");
	/* Colour: bold location, red severity, bold message, green carets. */
	EXPECT(OUT_TEXT, fs, 1, 1,
	       "\033[1mplan.json:3:23:\033[0m \033[1;31merror:\033[0m\033[1m "
	       "name \"daily\" is dull [BKP001 syntax-error]\033[0m\n"
	       "    3 |     \"BackupPlanName\": \"daily\",\n"
	       "      | \033[1;32m                      ^~~~~~~\033[0m\n"
	       "1 error in 1 file\n");
	{
		char *got = render(OUT_TEXT, fs, 1, 0, 1);

		/* --quiet: no summary. */
		CHECK(strstr(got, "1 error in") == NULL);
		free(got);
	}
	EXPECT(OUT_JSON, fs, 1, 0,
	       "{\"diagnostics\": [\n"
	       "  {\"file\":\"plan.json\",\"line\":3,\"column\":23,\"end_line\":3,"
	       "\"end_column\":30,\"severity\":\"error\",\"rule\":\"BKP001\","
	       "\"name\":\"syntax-error\",\"message\":\"name \\\"daily\\\" is dull\","
	       "\"path\":\"BackupPlan.BackupPlanName\",\"hint\":null,\"related\":null,"
	       "\"fixes\":[],\"suppression\":null,\"fingerprint\":null}\n"
	       "],\n\"summary\": {\"files\":1,\"unreadable\":0,\"errors\":1,"
	       "\"warnings\":0,\"infos\":0,\"suppressed\":0}}\n");
	EXPECT(OUT_GITHUB, fs, 1, 0,
	       "::error file=plan.json,line=3,col=23,endLine=3,endColumn=29,"
	       "title=BKP001 syntax-error::name \"daily\" is dull\n");
	file_release(&f);
}

/* Colour for the caret line is the same green whatever the severity, but
 * the colour of the severity follows it. */
static void test_color_severities(void)
{
	struct file f, *fs[1] = { &f };
	char *got;

	file_mem(&f, "a.yaml", "a: 1\nb: 2\n");
	span(&f, BKP003, SEV_WARNING, "a", "w");
	span(&f, BKP003, SEV_INFO, "b", "i");
	got = render(OUT_TEXT, fs, 1, 1, 0);
	CHECK(strstr(got, "\033[1;35mwarning:\033[0m") != NULL);
	CHECK(strstr(got, "\033[1;34minfo:\033[0m") != NULL);
	free(got);
	file_release(&f);
}

static void test_tabs_and_utf8(void)
{
	struct file f, *fs[1] = { &f };

	/* A tab expands to the next multiple of 8, in the source line and
	 * the caret line alike. */
	file_mem(&f, "t.yaml", "Rules:\n\t- RuleName:\tdaily\n");
	span(&f, BKP001, SEV_ERROR, "daily", "tab");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "t.yaml:2:14: error: tab [BKP001 syntax-error]\n"
	       "    2 |         - RuleName:     daily\n"
	       "      |                         ^~~~~\n"
	       "1 error in 1 file\n");
	file_release(&f);

	/* Columns count code points (three 3-byte characters are three
	 * columns: "X" is at column 17), but wide characters take two
	 * terminal cells, so the caret moves three cells right to stay
	 * under "X". */
	file_mem(&f, "u.json", "{\"Name\": \"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\", \"X\": 1}");
	span(&f, BKP002, SEV_ERROR, "\"X\"", "dup");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "u.json:1:17: error: dup [BKP002 duplicate-key]\n"
	       "    1 | {\"Name\": \"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\", \"X\": 1}\n"
	       "      |                    ^~~\n"
	       "1 error in 1 file\n");
	file_release(&f);

	/* A span over multibyte characters underlines one column each. */
	file_mem(&f, "v.json", "[\"\xc3\xa9t\xc3\xa9\"]");
	span(&f, BKP004, SEV_ERROR, "\"\xc3\xa9t\xc3\xa9\"", "u");
	EXPECT(OUT_GNU, fs, 1, 0, "v.json:1:2: error: u [BKP004 invalid-encoding]\n");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "v.json:1:2: error: u [BKP004 invalid-encoding]\n"
	       "    1 | [\"\xc3\xa9t\xc3\xa9\"]\n"
	       "      |  ^~~~~\n"
	       "1 error in 1 file\n");
	file_release(&f);
}

static void test_spans(void)
{
	struct file f, *fs[1] = { &f };
	struct diag *d;

	/* A span over several lines is underlined to the end of its first. */
	file_mem(&f, "m.json", "{\"Rules\": [\n  {\"a\": 1}\n]}\n");
	d = report_at(&f, 0, BKP001, at(&f, "[", 0), at(&f, "]", 0) + 1,
			"Rules", "multi");
	CHECK(d->end_pos.line == 3 && d->end_pos.col == 2);
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "m.json:1:11: error: multi [BKP001 syntax-error]\n"
	       "    1 | {\"Rules\": [\n"
	       "      |           ^\n"
	       "1 error in 1 file\n");
	EXPECT(OUT_GITHUB, fs, 1, 0,
	       "::error file=m.json,line=1,endLine=3,title=BKP001 syntax-error::multi\n");
	file_release(&f);

	/* An empty span (end of input) gets a single caret after the last
	 * character; CRLF line ends are not shown. */
	file_mem(&f, "e.json", "{\r\n  \"a\": 1");
	report_at(&f, 0, BKP001, 11, 11, "", "unexpected end of input");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "e.json:2:9: error: unexpected end of input [BKP001 syntax-error]\n"
	       "    2 |   \"a\": 1\n"
	       "      |         ^\n"
	       "1 error in 1 file\n");
	file_release(&f);

	/* An empty file: line 1 exists and is empty. */
	file_mem(&f, "empty.yaml", "");
	report_at(&f, 0, BKP003, 0, 0, "", "empty document");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "empty.yaml:1:1: info: empty document [BKP003 unrecognized-document]\n"
	       "    1 |\n"
	       "      | ^\n"
	       "1 info in 1 file\n");
	file_release(&f);

	/* A position past the last line prints no source line; a column
	 * past the end of a line puts the caret where it points. */
	file_mem(&f, "p.json", "{}\n");
	d = report_at(&f, 0, BKP001, 0, 1, "", "beyond");
	d->pos.line = d->end_pos.line = 99;
	d = report_at(&f, 0, BKP001, 0, 1, "", "far right");
	d->pos.col = 6;
	d->end_pos.col = 7;
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "p.json:99:1: error: beyond [BKP001 syntax-error]\n"
	       "p.json:1:6: error: far right [BKP001 syntax-error]\n"
	       "    1 | {}\n"
	       "      |      ^\n"
	       "2 errors in 1 file\n");
	file_release(&f);

	/* Line 0: about the whole file, no position. */
	file_mem(&f, "w.json", "[]");
	d = report_at(&f, 0, BKP003, 0, 0, "", "whole file");
	d->pos.line = d->pos.col = d->end_pos.line = d->end_pos.col = 0;
	EXPECT(OUT_GNU, fs, 1, 0,
	       "w.json: info: whole file [BKP003 unrecognized-document]\n");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "w.json: info: whole file [BKP003 unrecognized-document]\n"
	       "1 info in 1 file\n");
	EXPECT(OUT_GITHUB, fs, 1, 0,
	       "::notice file=w.json,title=BKP003 unrecognized-document::whole file\n");
	file_release(&f);
}

static void test_hint_related(void)
{
	struct file f, *fs[1] = { &f };
	struct diag *d;

	file_mem(&f, "d.json",
		 "{\"Lifecycle\": {\n  \"DeleteAfterDays\": 35,\n"
		 "  \"DeleteAfterDays\": 3650\n}}\n");
	d = report_at(&f, 0, BKP002, at(&f, "\"DeleteAfterDays\"", 1),
			at(&f, "\"DeleteAfterDays\"", 1) + 17,
			"Lifecycle.DeleteAfterDays",
			"duplicate key \"DeleteAfterDays\"");
	diag_hint(&f, d, "remove one of them: only the last one counts");
	diag_related(&f, d, at(&f, "\"DeleteAfterDays\"", 0),
		     "first \"DeleteAfterDays\" is here");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "d.json:3:3: error: duplicate key \"DeleteAfterDays\" [BKP002 duplicate-key]\n"
	       "    3 |   \"DeleteAfterDays\": 3650\n"
	       "      |   ^~~~~~~~~~~~~~~~~\n"
	       "hint: remove one of them: only the last one counts\n"
	       "d.json:2:3: note: first \"DeleteAfterDays\" is here\n"
	       "    2 |   \"DeleteAfterDays\": 35,\n"
	       "      |   ^\n"
	       "1 error in 1 file\n");
	EXPECT(OUT_JSON, fs, 1, 0,
	       "{\"diagnostics\": [\n"
	       "  {\"file\":\"d.json\",\"line\":3,\"column\":3,\"end_line\":3,"
	       "\"end_column\":20,\"severity\":\"error\",\"rule\":\"BKP002\","
	       "\"name\":\"duplicate-key\",\"message\":\"duplicate key \\\"DeleteAfterDays\\\"\","
	       "\"path\":\"Lifecycle.DeleteAfterDays\","
	       "\"hint\":\"remove one of them: only the last one counts\","
	       "\"related\":{\"line\":2,\"column\":3,"
	       "\"message\":\"first \\\"DeleteAfterDays\\\" is here\"},"
	       "\"fixes\":[],\"suppression\":null,\"fingerprint\":null}\n"
	       "],\n\"summary\": {\"files\":1,\"unreadable\":0,\"errors\":1,"
	       "\"warnings\":0,\"infos\":0,\"suppressed\":0}}\n");
	EXPECT(OUT_GITHUB, fs, 1, 0,
	       "::error file=d.json,line=3,col=3,endLine=3,endColumn=19,"
	       "title=BKP002 duplicate-key::duplicate key \"DeleteAfterDays\"%0A"
	       "hint: remove one of them: only the last one counts%0A"
	       "note: line 2, column 3: first \"DeleteAfterDays\" is here\n");
	file_release(&f);
}

/* Whatever a document or a file name holds, it cannot break the line
 * structure or drive the terminal. */
static void test_escaping(void)
{
	struct file f, *fs[1] = { &f };

	file_mem(&f, "a%b:c,d\n.json", "{\"k\": \"\x1b[31mred\"}\n");
	span(&f, BKP001, SEV_WARNING, "\"\x1b[31mred\"",
	     "value \"\x1b[31mred\" has\ta\nnewline and 100%");
	EXPECT(OUT_GNU, fs, 1, 0,
	       "a%b:c,d\\n.json:1:7: warning: value \"\\x1b[31mred\" has\\ta\\nnewline "
	       "and 100% [BKP001 syntax-error]\n");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "a%b:c,d\\n.json:1:7: warning: value \"\\x1b[31mred\" has\\ta\\nnewline "
	       "and 100% [BKP001 syntax-error]\n"
	       "    1 | {\"k\": \"\xe2\x90\x9b[31mred\"}\n"
	       "      |       ^~~~~~~~~~\n"
	       "1 warning in 1 file\n");
	EXPECT(OUT_GITHUB, fs, 1, 0,
	       "::warning file=a%25b%3Ac%2Cd%0A.json,line=1,col=7,endLine=1,"
	       "endColumn=16,title=BKP001 syntax-error::value \"\x1b[31mred\" has\ta"
	       "%0Anewline and 100%25\n");
	{
		/* JSON escapes control characters; invalid UTF-8 in a file
		 * name becomes U+FFFD. */
		char *got = render(OUT_JSON, fs, 1, 0, 0);
		cJSON *j = cJSON_Parse(got), *d0;

		CHECK(j != NULL);
		d0 = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "diagnostics"), 0);
		CHECK(strcmp(cJSON_GetObjectItem(d0, "message")->valuestring,
			     "value \"\x1b[31mred\" has\ta\nnewline and 100%") == 0);
		CHECK(strcmp(cJSON_GetObjectItem(d0, "file")->valuestring,
			     "a%b:c,d\n.json") == 0);
		CHECK(strcmp(cJSON_GetObjectItem(d0, "severity")->valuestring,
			     "warning") == 0);
		cJSON_Delete(j);
		free(got);
	}
	file_release(&f);

	file_mem(&f, "bad\xff\xfe.json", "[1]");
	span(&f, BKP004, SEV_ERROR, "1", "x");
	{
		char *got = render(OUT_JSON, fs, 1, 0, 0);

		CHECK(strstr(got, "\"file\":\"bad\xef\xbf\xbd\xef\xbf\xbd.json\"") != NULL);
		free(got);
		got = render(OUT_GNU, fs, 1, 0, 0);
		CHECK(strcmp(got, "bad\\xff\\xfe.json:1:2: error: x [BKP004 invalid-encoding]\n") == 0);
		free(got);
	}
	file_release(&f);

	/* Invalid bytes in a source line show as U+FFFD; a stray
	 * continuation byte has no column of its own (as source_pos()
	 * counts), so the caret stays under the right character. */
	file_mem(&f, "i.json", "[\"\xff\x80x\", 2]");
	span(&f, BKP004, SEV_ERROR, "2", "y");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "i.json:1:8: error: y [BKP004 invalid-encoding]\n"
	       "    1 | [\"\xef\xbf\xbdx\", 2]\n"
	       "      |        ^\n"
	       "1 error in 1 file\n");
	file_release(&f);

	/* A byte-order mark takes no column and is not shown. */
	file_mem(&f, "bom.json", "\xef\xbb\xbf{\"a\" 1}");
	span(&f, BKP001, SEV_ERROR, "1", "expected ':'");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "bom.json:1:6: error: expected ':' [BKP001 syntax-error]\n"
	       "    1 | {\"a\" 1}\n"
	       "      |      ^\n"
	       "1 error in 1 file\n");
	file_release(&f);

	/* Bidirectional controls would reorder the shown line and message. */
	file_mem(&f, "bidi.json", "[\"a\xe2\x80\xae" "b\", 1]");
	span(&f, BKP001, SEV_ERROR, "1", "z");
	span(&f, BKP001, SEV_ERROR, "a", "name \"a\xe2\x80\xae" "b\"");
	diag_sort(&f.diags);
	EXPECT(OUT_GNU, fs, 1, 0,
	       "bidi.json:1:3: error: name \"a\\u202eb\" [BKP001 syntax-error]\n"
	       "bidi.json:1:9: error: z [BKP001 syntax-error]\n");
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "bidi.json:1:3: error: name \"a\\u202eb\" [BKP001 syntax-error]\n"
	       "    1 | [\"a\xef\xbf\xbd" "b\", 1]\n"
	       "      |   ^\n"
	       "bidi.json:1:9: error: z [BKP001 syntax-error]\n"
	       "    1 | [\"a\xef\xbf\xbd" "b\", 1]\n"
	       "      |         ^\n"
	       "2 errors in 1 file\n");
	file_release(&f);
}

static void test_long_line(void)
{
	struct file f, *fs[1] = { &f };
	char line[400], want[1024];
	size_t i;

	/* 300 characters on one line; the span at column 201 is shown in a
	 * window that starts 30 columns before it. */
	for (i = 0; i < 300; i++)
		line[i] = (char)('a' + i % 26);
	memcpy(line + 200, "XYZ", 3);
	line[300] = '\0';
	file_mem(&f, "long.json", line);
	span(&f, BKP001, SEV_ERROR, "XYZ", "long");
	snprintf(want, sizeof(want),
		 "long.json:1:201: error: long [BKP001 syntax-error]\n"
		 "    1 | ...%.100s...\n"
		 "      |                                  ^~~\n"
		 "1 error in 1 file\n", line + 170);
	EXPECT(OUT_TEXT, fs, 1, 0, want);
	file_release(&f);

	/* A note on a huge line goes without its source line. */
	{
		size_t big = 20000;
		char *huge = malloc(big + 1);
		struct diag *d;

		memset(huge, 'a', big);
		huge[big] = '\0';
		file_mem(&f, "huge.json", huge);
		d = report_at(&f, 0, BKP002, 19000, 19001, "", "dup");
		diag_related(&f, d, 10, "first");
		snprintf(want, sizeof(want),
			 "huge.json:1:19001: error: dup [BKP002 duplicate-key]\n"
			 "    1 | ...%.100s...\n"
			 "      |                                  ^\n"
			 "huge.json:1:11: note: first\n"
			 "1 error in 1 file\n", huge);
		EXPECT(OUT_TEXT, fs, 1, 0, want);
		file_release(&f);
		free(huge);
	}

	/* Near the start: no cut on the left. */
	file_mem(&f, "long2.json", line);
	report_at(&f, 0, BKP001, 2, 3, "", "start");
	snprintf(want, sizeof(want),
		 "long2.json:1:3: error: start [BKP001 syntax-error]\n"
		 "    1 | %.100s...\n"
		 "      |   ^\n"
		 "1 error in 1 file\n", line);
	EXPECT(OUT_TEXT, fs, 1, 0, want);
	file_release(&f);
}

static void test_summary(void)
{
	struct file a, b, c, *fs[3] = { &a, &b, &c };
	char *got;

	file_mem(&a, "a.json", "{}");
	file_mem(&b, "b.json", "{}");
	EXPECT(OUT_TEXT, fs, 2, 0, "no problems in 2 files\n");
	EXPECT(OUT_GNU, fs, 2, 0, "");
	EXPECT(OUT_GITHUB, fs, 2, 0, "");
	EXPECT(OUT_JSON, fs, 2, 0,
	       "{\"diagnostics\": [],\n\"summary\": {\"files\":2,\"unreadable\":0,"
	       "\"errors\":0,\"warnings\":0,\"infos\":0,\"suppressed\":0}}\n");
	EXPECT(OUT_TEXT, fs, 0, 0, "no problems in 0 files\n");

	report_at(&a, 0, BKP001, 0, 1, "", "e1")->severity = SEV_ERROR;
	report_at(&a, 0, BKP001, 1, 2, "", "w1")->severity = SEV_WARNING;
	report_at(&b, 0, BKP001, 0, 1, "", "w2")->severity = SEV_WARNING;
	report_at(&b, 0, BKP001, 1, 2, "", "i1")->severity = SEV_INFO;
	file_mem(&c, "gone.json", "");
	c.io_error = 1;
	c.io_msg = strdup("gone.json: No such file or directory");
	got = render(OUT_TEXT, fs, 3, 0, 0);
	CHECK(strstr(got, "\n1 error, 2 warnings, 1 info in 2 files; "
		      "1 file could not be read\n") != NULL);
	free(got);
	got = render(OUT_JSON, fs, 3, 0, 0);
	CHECK(strstr(got, "\"summary\": {\"files\":2,\"unreadable\":1,\"errors\":1,"
		      "\"warnings\":2,\"infos\":1,\"suppressed\":0}}\n") != NULL);
	free(got);
	file_release(&a);
	file_release(&b);
	file_release(&c);
}

/* A file over the size limit was not read, yet carries its BKP005: the
 * diagnostic is written without a source line, the file counts as
 * unreadable. */
static void test_unread_with_diag(void)
{
	struct file f, *fs[1] = { &f };

	file_mem(&f, "big.json", "");
	f.io_error = 1;
	f.io_msg = strdup("file is 300 MiB, over --max-file-size 256 MiB");
	report_at(&f, 0, BKP005, 0, 0, "", "%s", f.io_msg);
	EXPECT(OUT_TEXT, fs, 1, 0,
	       "big.json:1:1: error: file is 300 MiB, over --max-file-size 256 MiB "
	       "[BKP005 input-limits]\n"
	       "1 error in 1 file; 1 file could not be read\n");
	EXPECT(OUT_GNU, fs, 1, 0,
	       "big.json:1:1: error: file is 300 MiB, over --max-file-size 256 MiB "
	       "[BKP005 input-limits]\n");
	file_release(&f);
}

static cJSON *path_get(cJSON *j, const char *path)
{
	char key[64];
	const char *p = path, *e;
	size_t n;

	while (j && *p) {
		e = strchr(p, '.');
		n = e ? (size_t)(e - p) : strlen(p);
		snprintf(key, sizeof(key), "%.*s", (int)n, p);
		if (key[0] >= '0' && key[0] <= '9')
			j = cJSON_GetArrayItem(j, atoi(key));
		else
			j = cJSON_GetObjectItemCaseSensitive(j, key);
		p += n + (e ? 1 : 0);
	}
	return j;
}

static int jint(cJSON *j, const char *path)
{
	cJSON *v = path_get(j, path);

	return cJSON_IsNumber(v) ? v->valueint : -999;
}

static const char *jstring(cJSON *j, const char *path)
{
	cJSON *v = path_get(j, path);

	return cJSON_IsString(v) ? v->valuestring : "(missing)";
}

static void test_sarif(void)
{
	struct file a, b, c, *fs[3] = { &a, &b, &c };
	struct diag *d;
	cJSON *j, *rs;
	char *got;
	int i, n, idx;

	file_mem(&a, "dir/a b/\xc3\xbc:1.json", "{\"x\": 1,\n \"x\": 2}\n");
	d = report_at(&a, 0, BKP002, at(&a, "\"x\"", 1), at(&a, "\"x\"", 1) + 3,
			"x", "duplicate key \"x\"");
	diag_hint(&a, d, "keep one");
	diag_related(&a, d, at(&a, "\"x\"", 0), "first one");
	report_at(&a, 0, BKP003, 0, 0, "", "what is it?");
	file_mem(&b, "//abs/./x/../b.yaml", "a: 1\n");
	file_mem(&c, "missing.json", "");
	c.io_error = 1;
	c.io_msg = strdup("missing.json: No such file or directory");

	got = render(OUT_SARIF, fs, 3, 0, 0);
	j = cJSON_Parse(got);
	CHECK(j != NULL);
	CHECK(strcmp(jstring(j, "version"), "2.1.0") == 0);
	CHECK(strcmp(jstring(j, "runs.0.tool.driver.name"), "backuplint") == 0);
	CHECK(strcmp(jstring(j, "runs.0.tool.driver.version"), "9.8.7") == 0);
	CHECK(strcmp(jstring(j, "runs.0.columnKind"), "unicodeCodePoints") == 0);

	/* Every rule of the table, in order. */
	rs = path_get(j, "runs.0.tool.driver.rules");
	for (i = 0, n = 0; i < RULE_COUNT; i++) {
		if (!rules[i].id)
			continue;
		CHECK(strcmp(jstring(cJSON_GetArrayItem(rs, n), "id"),
			     rules[i].id) == 0);
		n++;
	}
	CHECK(cJSON_GetArraySize(rs) == n);
	CHECK(strcmp(jstring(rs, "0.defaultConfiguration.level"), "error") == 0);
	CHECK(strstr(jstring(rs, "0.help.markdown"), "**Bad** (`plan.json`):\n\n```json\n") != NULL);
	CHECK(strstr(jstring(rs, "0.help.text"), "\nBad (plan.json):\n    {\n") != NULL);

	/* Results: ruleIndex points at the rule, regions are exact. */
	CHECK(cJSON_GetArraySize(path_get(j, "runs.0.results")) == 2);
	idx = jint(j, "runs.0.results.0.ruleIndex");
	CHECK(idx >= 0 && strcmp(jstring(cJSON_GetArrayItem(rs, idx), "id"),
				 "BKP002") == 0);
	CHECK(strcmp(jstring(j, "runs.0.results.0.ruleId"), "BKP002") == 0);
	CHECK(strcmp(jstring(j, "runs.0.results.0.level"), "error") == 0);
	CHECK(strcmp(jstring(j, "runs.0.results.0.message.text"),
		     "duplicate key \"x\".") == 0);
	CHECK(strcmp(jstring(j, "runs.0.results.1.message.text"),
		     "what is it?") == 0);
	CHECK(strcmp(jstring(j, "runs.0.results.1.level"), "note") == 0);
	CHECK(strcmp(jstring(j, "runs.0.results.0.locations.0.physicalLocation."
			     "artifactLocation.uri"),
		     "dir/a%20b/%C3%BC%3A1.json") == 0);
	CHECK(jint(j, "runs.0.results.0.locations.0.physicalLocation."
		   "artifactLocation.index") == 0);
	CHECK(jint(j, "runs.0.results.0.locations.0.physicalLocation.region.startLine") == 2);
	CHECK(jint(j, "runs.0.results.0.locations.0.physicalLocation.region.startColumn") == 2);
	CHECK(jint(j, "runs.0.results.0.locations.0.physicalLocation.region.endLine") == 2);
	CHECK(jint(j, "runs.0.results.0.locations.0.physicalLocation.region.endColumn") == 5);
	CHECK(strcmp(jstring(j, "runs.0.results.0.locations.0.physicalLocation."
			     "region.snippet.text"), "\"x\"") == 0);
	CHECK(jint(j, "runs.0.results.0.locations.0.physicalLocation."
		   "contextRegion.startLine") == 2);
	CHECK(strcmp(jstring(j, "runs.0.results.0.locations.0.physicalLocation."
			     "contextRegion.snippet.text"), " \"x\": 2}") == 0);
	/* An empty span has no snippet. */
	CHECK(path_get(j, "runs.0.results.1.locations.0.physicalLocation."
		       "region.snippet") == NULL);
	CHECK(strcmp(jstring(j, "runs.0.results.0.locations.0.logicalLocations.0."
			     "fullyQualifiedName"), "x") == 0);
	CHECK(path_get(j, "runs.0.results.1.locations.0.logicalLocations") == NULL);
	CHECK(jint(j, "runs.0.results.0.relatedLocations.0.physicalLocation."
		   "region.startLine") == 1);
	CHECK(jint(j, "runs.0.results.0.relatedLocations.0.physicalLocation."
		   "region.startColumn") == 2);
	CHECK(strcmp(jstring(j, "runs.0.results.0.relatedLocations.0.message.text"),
		     "first one.") == 0);
	CHECK(strcmp(jstring(j, "runs.0.results.0.properties.hint"), "keep one") == 0);

	/* Artifacts: all three; absolute paths become file:// URIs without
	 * "." and ".." segments; the unreadable file makes the invocation
	 * unsuccessful. */
	CHECK(cJSON_GetArraySize(path_get(j, "runs.0.artifacts")) == 3);
	CHECK(strcmp(jstring(j, "runs.0.artifacts.1.location.uri"),
		     "file:///abs/b.yaml") == 0);
	CHECK(jint(j, "runs.0.artifacts.1.length") == 5);
	CHECK(path_get(j, "runs.0.artifacts.2.length") == NULL);
	CHECK(cJSON_IsFalse(path_get(j, "runs.0.invocations.0.executionSuccessful")));
	CHECK(strcmp(jstring(j, "runs.0.invocations.0.toolExecutionNotifications.0."
			     "message.text"),
		     "missing.json: No such file or directory.") == 0);
	cJSON_Delete(j);
	free(got);

	/* A clean run is a successful invocation with no results. */
	got = render(OUT_SARIF, fs + 1, 1, 0, 0);
	j = cJSON_Parse(got);
	CHECK(cJSON_IsTrue(path_get(j, "runs.0.invocations.0.executionSuccessful")));
	CHECK(cJSON_GetArraySize(path_get(j, "runs.0.results")) == 0);
	cJSON_Delete(j);
	free(got);

	file_release(&a);
	file_release(&b);
	file_release(&c);
}

static unsigned long rnd_state = 12345;

static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rnd_state >> 33) % n);
}

static size_t count_lines(const char *s, const char *prefix)
{
	size_t n = 0, k = strlen(prefix);

	for (; *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : s + strlen(s))
		if (strncmp(s, prefix, k) == 0)
			n++;
	return n;
}

/* Random sources (tabs, CR and LF, multibyte, wide, invalid bytes, control
 * characters, long lines) under random spans: every format stays well
 * formed, gnu and github write one line a diagnostic, and every caret line
 * has exactly one caret. Under ASan this finds out-of-bounds reads. */
static void test_random(void)
{
	static const char *const pieces[] = {
		"a", "{", "\"", " ", "\t", "\n", "\r\n", "\r", "\xc3\xa9",
		"\xe6\x97\xa5", "\xff", "\x80", "\x1b", "\xe2\x80\xae",
		"\xf0\x9f\x98\x80", "\xef\xbb\xbf", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	};
	struct file f, *fs[1] = { &f };
	char buf[4096], *out, *line;
	size_t len, k, i, nd;
	int iter, fmt;

	for (iter = 0; iter < 300; iter++) {
		len = 0;
		k = rnd(60);
		for (i = 0; i < k; i++) {
			const char *pc = pieces[rnd(sizeof(pieces) / sizeof(pieces[0]))];
			size_t pl = strlen(pc);

			if (len + pl >= sizeof(buf))
				break;
			memcpy(buf + len, pc, pl);
			len += pl;
		}
		buf[len] = '\0';
		file_mem(&f, "r.json", buf);
		nd = 1 + rnd(4);
		for (i = 0; i < nd; i++) {
			size_t a = rnd((unsigned)len + 1), b = a + rnd(40);
			enum rule_id r;
			struct diag *d;
			do /* a rule that is on by default (policy controls are not) */
				r = (enum rule_id)rnd(RULE_COUNT);
			while (!rules[r].severity);
			d = report_at(&f, 0, r, a, b, "x", "m%zu", i);

			d->severity = 1 + (int)rnd(3);
			if (rnd(2))
				diag_hint(&f, d, "h");
			if (rnd(2))
				diag_related(&f, d, rnd((unsigned)len + 1), "r");
		}
		diag_sort(&f.diags);
		for (fmt = OUT_TEXT; fmt <= OUT_GITHUB; fmt++) {
			out = render((enum out_format)fmt, fs, 1, (int)rnd(2), 1);
			if (fmt == OUT_JSON || fmt == OUT_SARIF) {
				cJSON *j = cJSON_Parse(out);

				CHECK(j != NULL);
				cJSON_Delete(j);
			} else if (fmt == OUT_GNU || fmt == OUT_GITHUB) {
				CHECK(count_lines(out, "") == f.diags.n);
			} else if (!strchr(out, '\033')) {
				for (line = out; (line = strstr(line, "\n      | ")); line++) {
					char *e = strchr(line + 1, '\n');
					size_t carets = 0;
					char *c;

					for (c = line + 9; c < e; c++)
						carets += *c == '^';
					CHECK(carets == 1);
				}
			}
			free(out);
		}
		file_release(&f);
	}
}

/* A write that fails (a full disk) is reported. */
static void test_write_error(void)
{
	struct file f, *fs[1] = { &f };
	FILE *full = fopen("/dev/full", "w");

	if (!full)
		return;
	file_mem(&f, "x.json", "{}");
	report_at(&f, 0, BKP001, 0, 1, "", "x");
	CHECK(output_write(full, OUT_TEXT, fs, 1, NULL) == -1); /* no table: still writes */
	fclose(full);
	file_release(&f);
}

int main(void)
{
	harness_init(&h, NULL);
	test_parse();
	test_basic();
	test_color_severities();
	test_tabs_and_utf8();
	test_spans();
	test_hint_related();
	test_escaping();
	test_long_line();
	test_summary();
	test_unread_with_diag();
	test_sarif();
	test_random();
	test_write_error();
	return check_done("test_output");
}
