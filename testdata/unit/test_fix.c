/* test_fix.c - the pieces of --fix with edge cases: fix_apply (order,
 * overlapping and same-place edits deferred, never merged), udiff (hunks,
 * context, a last line without a newline), and fix_write refusing a file
 * whose bytes changed between the read and the write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix.h"
#include "udiff.h"
#include "check.h"



/* A list of diagnostics, one a fix of one edit each. */
static void add(struct diag_list *l, int safe, unsigned s, unsigned e,
		const char *text)
{
	struct diag *d = diag_add(l);
	struct fix *x = arena_zalloc(&l->strings, sizeof(*x));
	struct edit *ed = arena_zalloc(&l->strings, sizeof(*ed));
	d->start = s;
	ed->start = s;
	ed->end = e;
	ed->text = text;
	x->safe = safe;
	x->title = "t";
	x->edits = ed;
	x->nedits = 1;
	d->fixes = x;
	d->nfixes = 1;
}

static void test_apply(void)
{
	struct diag_list l;
	const char *src = "abcdefghij";
	char *out;
	size_t n, k;

	diag_list_init(&l);
	add(&l, 1, 0, 2, "X");     /* ab -> X */
	add(&l, 1, 1, 3, "Y");     /* overlaps the first: a later pass */
	add(&l, 0, 5, 6, "U");     /* unsafe */
	add(&l, 1, 8, 8, "+");     /* insertion */
	add(&l, 1, 8, 8, "-");     /* a second insertion there: later */
	k = fix_apply(src, strlen(src), &l, 0, &out, &n);
	CHECK(k == 2 && n == 10 && strcmp(out, "Xcdefgh+ij") == 0,
	      "safe: %zu '%s'", k, out ? out : "(null)");
	free(out);
	k = fix_apply(src, strlen(src), &l, 1, &out, &n);
	CHECK(k == 3 && strcmp(out, "XcdeUgh+ij") == 0, "unsafe: %zu '%s'", k,
	      out ? out : "(null)");
	free(out);
	diag_list_release(&l);
	diag_list_init(&l);
	add(&l, 1, 3, 99, "bad"); /* past the end: never applied */
	k = fix_apply(src, strlen(src), &l, 1, &out, &n);
	CHECK(k == 0 && out == NULL, "an edit past the end was applied");
	diag_list_release(&l);
}

static void test_diff(void)
{
	const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
	const char *b = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve";
	const char *want =
		"--- a/f\n+++ b/f\n"
		"@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
		"@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n"
		"\\ No newline at end of file\n";
	const char *c;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	udiff(fp, "f", a, strlen(a), b, strlen(b), 3);
	fclose(fp);
	CHECK(strcmp(buf, want) == 0, "diff:\n%s", buf);
	free(buf);
	/* six unchanged lines between two changes: one hunk, as GNU diff */
	fp = open_memstream(&buf, &len);
	c = "1\n2\nthree\n4\n5\n6\n7\n8\n9\nten\n11\n12\n";
	udiff(fp, "f", a, strlen(a), c, strlen(c), 3);
	fclose(fp);
	CHECK(strstr(buf, "@@ -1,12 +1,12 @@\n") &&
	      !strstr(strstr(buf, "@@ -1,12") + 1, "@@ -"),
	      "gap of 6: %s", buf);
	free(buf);
	fp = open_memstream(&buf, &len);
	udiff(fp, "f", a, strlen(a), a, strlen(a), 3);
	fclose(fp);
	CHECK(len == 0, "a diff of equal texts");
	free(buf);
}

static void put(const char *path, const char *s)
{
	FILE *fp = fopen(path, "w");
	fputs(s, fp);
	fclose(fp);
}

static int holds(const char *path, const char *s)
{
	char buf[256];
	FILE *fp = fopen(path, "r");
	size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return strcmp(buf, s) == 0;
}

static void test_write(void)
{
	char dir[] = "/tmp/test_fix.XXXXXX", path[64], why[256];
	struct fix_seen was;
	struct stat st;

	if (!mkdtemp(dir)) {
		CHECK(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/plan.yaml", dir);
	put(path, "a: 1\n");
	chmod(path, 0604);
	fix_seen_init(&was, path, "a: 1\n", 5);
	CHECK(fix_write(path, &was, "a: 2\n", 5, why, sizeof(why)) == 0, "%s", why);
	CHECK(holds(path, "a: 2\n"), "not written");
	CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0604, "mode lost");
	/* read as "a: 2", then changed by someone else: same size, new bytes */
	fix_seen_init(&was, path, "a: 2\n", 5);
	put(path, "a: 3\n");
	CHECK(fix_write(path, &was, "a: 4\n", 5, why, sizeof(why)) == 1,
	      "written over a change");
	CHECK(holds(path, "a: 3\n"), "the changed file was touched");
	/* linted bytes that are not what is on disk */
	fix_seen_init(&was, path, "a: 9\n", 5);
	CHECK(fix_write(path, &was, "a: 4\n", 5, why, sizeof(why)) == 1 &&
	      strstr(why, "changed"), "written over other bytes");
	CHECK(holds(path, "a: 3\n"), "the file was touched");
	unlink(path);
	CHECK(rmdir(dir) == 0, "a temporary file left in %s", dir);
}

int main(void)
{
	test_apply();
	test_diff();
	test_write();
	return check_done("test_fix");
}
