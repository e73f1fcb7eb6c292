/* shapegen.c - build tool: compiles schemas/shapes-api.json, shapes-cfn.json
 * and shapes-tf.json into the shape graphs of rules/shapes.h, written out
 * as C data (build/shapes_gen.c, declared in rules/shapes_gen.h), so that
 * backuplint builds no shape at start-up.
 *
 *   shapegen schemas/shapes-api.json schemas/shapes-cfn.json \
 *            schemas/shapes-tf.json > shapes_gen.c
 *
 * The compiler is schemas/shapes_build.c (it reads the files with
 * backuplint's own JSON loader, linked in); this file prints what it made:
 * every field of every struct shape, arn_kind, arn_form and db, pointers
 * between shapes as &SA[i] (API), &SC[i] (CloudFormation), &ST[i]
 * (Terraform), numbers exactly (doubles in hexadecimal). A list that the
 * compiler made empty but present stays a non-NULL pointer. A field added
 * to struct shape must be added to put_shape() here.
 *
 * A shapes file that is inconsistent (an unknown shape, field, type or ARN
 * kind, a required name that is no member) fails the build with a message. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arena.h"
#include "../linter/data.h"
#include "../linter/load.h"
#include "shapes_build.h"
#include "tool_read.h"

/* ---- what the compiler needs from backuplint: the data trees ---- */

struct file {
	const char *path, *name;
	const struct node *root;
};
static struct file files[3];
static size_t nfiles;

void shapes_defect(const char *file, const char *what, const char *name)
{
	fprintf(stderr, "shapegen: schemas/%s: %s %s\n", file, what,
		name ? name : "");
	exit(1);
}

const struct node *data_tree(const char *name)
{
	size_t i;
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i].name, name) == 0)
			return files[i].root;
	fprintf(stderr, "shapegen: %s was not given\n", name);
	exit(1);
}

static const struct node *load(const char *path)
{
	static struct arena a; /* the trees live until the tool exits */
	static int ready;
	struct load_ctx c;
	size_t n;
	char *buf = tool_read_file(path, &n);
	struct node *r;

	if (!ready++)
		arena_init(&a);
	memset(&c, 0, sizeof(c));
	c.a = &a;
	c.max_depth = 1000;
	r = json_parse(&c, buf, n);
	if (!r || c.has_nul) {
		fprintf(stderr, "shapegen: %s does not parse\n", path);
		exit(1);
	}
	return r; /* buf stays: the tree's strings may point into it */
}

/* ---- writing C ---- */

static void put_str(const char *s)
{
	if (!s) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		int c = (unsigned char)*s;
		if (c == '"' || c == '\\' || c == '?' || c < 32 || c > 126)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* A pointer to a shape of the graphs. */
static void put_ref(const struct shape *p)
{
	static const struct {
		const struct db *db;
		const char *name;
	} dbs[] = {
		{ &built.api, "SA" }, { &built.cfn, "SC" }, { &built.tf, "ST" },
	};
	size_t i;
	if (!p) {
		fputs("NULL", stdout);
		return;
	}
	for (i = 0; i < 3; i++)
		if (p >= dbs[i].db->shapes && p < dbs[i].db->shapes + dbs[i].db->nshapes) {
			printf("&%s[%zu]", dbs[i].name, (size_t)(p - dbs[i].db->shapes));
			return;
		}
	fprintf(stderr, "shapegen: a shape outside the graphs: %s\n", p->name);
	exit(1);
}

/* A list the compiler allocated (p non-NULL) of n items, as a static
 * array named id_sfx of at least one item; 0 when p is NULL. */
static int open_array(const void *p, const char *type, const char *id,
		      const char *sfx)
{
	if (!p)
		return 0;
	printf("static %s %s_%s[] = {", type, id, sfx);
	return 1;
}

static void close_array(size_t n)
{
	puts(n ? "\n};" : " 0\n};");
}

static void put_strs(const char *const *v, size_t n, const char *id,
		     const char *sfx)
{
	size_t i;
	if (!open_array(v, "const char *", id, sfx))
		return;
	for (i = 0; i < n; i++) {
		fputs("\n\t", stdout);
		put_str(v[i]);
		putchar(',');
	}
	close_array(n);
}

/* A list of pointers to shapes of the graphs (a resource's type shapes,
 * a union's alternatives). */
static void put_refs(struct shape *const *v, size_t n, const char *id,
		     const char *sfx)
{
	size_t i;
	if (!open_array(v, "struct shape *", id, sfx))
		return;
	for (i = 0; i < n; i++) {
		fputs("\n\t", stdout);
		put_ref(v[i]);
		putchar(',');
	}
	close_array(n);
}

static void put_notes(const struct note *v, size_t n, const char *id,
		      const char *sfx)
{
	size_t i;
	if (!open_array(v, "struct note", id, sfx))
		return;
	for (i = 0; i < n; i++) {
		fputs("\n\t{", stdout);
		put_str(v[i].name);
		fputs(", ", stdout);
		put_str(v[i].text);
		fputs("},", stdout);
	}
	close_array(n);
}

/* `.field = id_sfx, .nfield = n,` for a list written above. */
static void put_list(const char *field, const void *p, const char *id,
		     const char *sfx, const char *nfield, size_t n)
{
	if (p)
		printf("\n\t.%s = %s_%s,", field, id, sfx);
	if (n)
		printf(" .%s = %zu,", nfield, n);
}

static void put_field_str(const char *field, const char *s)
{
	if (!s)
		return;
	printf("\n\t.%s = ", field);
	put_str(s);
	putchar(',');
}

static void put_set(const char *field, const unsigned char *set, size_t n)
{
	size_t i;
	printf("\n\t.%s = {", field);
	for (i = 0; i < n; i++)
		if (set[i])
			printf(" [%zu] = %u,", i, set[i]);
	putchar('}');
	putchar(',');
}

/* The arrays shape s points to, named id_*. */
static void put_shape_arrays(const struct shape *s, const char *id)
{
	size_t i;
	if (open_array(s->members, "struct member", id, "m")) {
		for (i = 0; i < s->nmembers; i++) {
			fputs("\n\t{", stdout);
			put_str(s->members[i].name);
			fputs(", ", stdout);
			put_ref(s->members[i].shape);
			printf(", %u},", s->members[i].len);
		}
		close_array(s->nmembers);
	}
	if (open_array(s->slots, "uint16_t", id, "sl")) {
		for (i = 0; i < s->nslots; i++)
			printf("%s%u,", i % 16 ? " " : "\n\t", s->slots[i]);
		close_array(s->nslots);
	}
	put_strs(s->required, s->nrequired, id, "rq");
	if (open_array(s->required_m, "const struct member *", id, "rm")) {
		for (i = 0; i < s->nrequired; i++)
			printf("\n\t&%s_m[%zu],", id,
			       (size_t)(s->required_m[i] - s->members));
		close_array(s->nrequired);
	}
	put_notes(s->readonly, s->nreadonly, id, "ro");
	put_notes(s->types, s->ntypes, id, "ty");
	put_refs(s->type_shapes, s->ntypes, id, "ts");
	put_strs(s->enums, s->nenums, id, "en");
	put_notes(s->aliases, s->naliases, id, "al");
	put_notes(s->cli, s->ncli, id, "cl");
	put_refs(s->alts, s->nalts, id, "of");
}

/* Shape s's initializer (its arrays written above as id_*). */
static void put_shape(const struct shape *s, const char *id)
{
	size_t i;
	fputs("{", stdout);
	put_field_str("name", s->name);
	put_field_str("what", s->what);
	printf("\n\t.kind = %d,", (int)s->kind);
	put_list("members", s->members, id, "m", "nmembers", s->nmembers);
	put_list("slots", s->slots, id, "sl", "nslots", s->nslots);
	put_list("required", s->required, id, "rq", "nrequired", s->nrequired);
	put_list("required_m", s->required_m, id, "rm", "nrequired", 0);
	put_list("readonly", s->readonly, id, "ro", "nreadonly", s->nreadonly);
	put_list("types", s->types, id, "ty", "ntypes", s->ntypes);
	put_list("type_shapes", s->type_shapes, id, "ts", "ntypes", 0);
	if (s->item) {
		fputs("\n\t.item = ", stdout);
		put_ref(s->item);
		putchar(',');
	}
	if (s->has_max_items)
		printf("\n\t.has_max_items = 1, .max_items = %lldLL,", s->max_items);
	put_field_str("unique_by", s->unique_by);
	if (s->arn_quota)
		printf("\n\t.arn_quota = 1, .arn_max = %lldLL, .arn_max_wild = %lldLL,",
		       s->arn_max, s->arn_max_wild);
	if (s->key) {
		fputs("\n\t.key = ", stdout);
		put_ref(s->key);
		putchar(',');
	}
	if (s->value) {
		fputs("\n\t.value = ", stdout);
		put_ref(s->value);
		putchar(',');
	}
	put_field_str("pattern", s->pattern);
	put_field_str("file", s->file);
	if (s->simple) {
		printf("\n\t.simple = %d, .simple_min = %zu, .simple_max = %zu,",
		       s->simple, s->simple_min, s->simple_max);
		put_set("simple_set", s->simple_set, sizeof(s->simple_set));
	}
	if (s->has_chars) {
		fputs("\n\t.has_chars = 1,", stdout);
		put_set("chars", s->chars, sizeof(s->chars));
	}
	put_field_str("first", s->first);
	for (i = 0; i < sizeof(s->first_chars) && !s->first_chars[i]; i++)
		;
	if (i < sizeof(s->first_chars))
		put_set("first_chars", s->first_chars, sizeof(s->first_chars));
	put_field_str("allowed", s->allowed);
	put_list("enums", s->enums, id, "en", "nenums", s->nenums);
	if (s->arn)
		printf("\n\t.arn = &shapes_gen_arn_kinds[%zu],",
		       (size_t)(s->arn - built.arn_kinds));
	if (s->has_maxlen)
		printf("\n\t.has_maxlen = 1, .maxlen = %lldLL,", s->maxlen);
	if (s->has_maxchars)
		printf("\n\t.has_maxchars = 1,");
	if (s->maxchars)
		printf("\n\t.maxchars = %lldLL,", s->maxchars);
	if (s->zero_unset)
		printf("\n\t.zero_unset = %d,", s->zero_unset);
	if (s->empty_unset)
		printf("\n\t.empty_unset = %d,", s->empty_unset);
	put_field_str("case_note", s->case_note);
	put_list("aliases", s->aliases, id, "al", "naliases", s->naliases);
	put_field_str("alias_note", s->alias_note);
	put_list("cli", s->cli, id, "cl", "ncli", s->ncli);
	if (s->has_min)
		printf("\n\t.has_min = 1,");
	if (s->has_max)
		printf("\n\t.has_max = 1,");
	if (s->min != 0 || signbit(s->min))
		printf("\n\t.min = %a,", s->min); /* exact */
	if (s->max != 0 || signbit(s->max))
		printf("\n\t.max = %a,", s->max);
	put_field_str("min_why", s->min_why);
	put_field_str("max_why", s->max_why);
	put_list("alts", s->alts, id, "of", "nalts", s->nalts);
	fputs("\n}", stdout);
}

static void put_db_shapes(const struct db *db, const char *arr)
{
	char id[32];
	size_t i;
	for (i = 0; i < db->nshapes; i++) {
		snprintf(id, sizeof(id), "%s%zu", arr, i);
		printf("/* %s */\n", db->shapes[i].name);
		put_shape_arrays(&db->shapes[i], id);
	}
	printf("static struct shape %s[%zu] = {\n", arr, db->nshapes);
	for (i = 0; i < db->nshapes; i++) {
		snprintf(id, sizeof(id), "%s%zu", arr, i);
		put_shape(&db->shapes[i], id);
		puts(",");
	}
	puts("};\n");
}

static void put_db(const struct db *db, const char *name, const char *arr,
		   const char *fallback)
{
	size_t i;
	put_notes(db->other_names, db->nother, arr, "on");
	put_notes(db->documents, db->ndocuments, arr, "doc");
	printf("static const uint16_t %s_by[] = {", arr);
	for (i = 0; i < db->nshapes; i++)
		printf("%s%u,", i % 16 ? " " : "\n\t", db->by_name[i]);
	puts("\n};");
	printf("struct db %s = {", name);
	put_field_str("file", db->file);
	if (db->cfn)
		fputs("\n\t.cfn = 1,", stdout);
	put_field_str("other_dialect", db->other_dialect);
	put_list("other_names", db->other_names, arr, "on", "nother", db->nother);
	printf("\n\t.shapes = %s, .nshapes = %zu,", arr, db->nshapes);
	put_list("documents", db->documents, arr, "doc", "ndocuments",
		 db->ndocuments);
	if (fallback)
		printf("\n\t.fallback = &%s,", fallback);
	printf("\n\t.by_name = %s_by,\n};\n\n", arr);
}

static void put_arn_kinds(void)
{
	char id[24], fid[48];
	size_t i, j;
	for (i = 0; i < built.narn_kinds; i++) {
		const struct arn_kind *k = &built.arn_kinds[i];
		snprintf(id, sizeof(id), "K%zu", i);
		printf("/* ARN kind %s */\n", k->key);
		put_notes(k->old_types, k->nold, id, "old");
		put_notes(k->wrong_types, k->nwrong, id, "wrong");
		for (j = 0; j < k->nforms; j++) {
			snprintf(fid, sizeof(fid), "%s_%zu", id, j);
			put_strs(k->forms[j].types, k->forms[j].ntypes, fid, "t");
		}
		if (!open_array(k->forms, "struct arn_form", id, "f"))
			continue;
		for (j = 0; j < k->nforms; j++) {
			const struct arn_form *f = &k->forms[j];
			snprintf(fid, sizeof(fid), "%s_%zu", id, j);
			fputs("\n\t{ .service = ", stdout);
			put_str(f->service);
			printf(", .region = %d, .account = %d,", f->region, f->account);
			put_list("types", f->types, fid, "t", "ntypes", f->ntypes);
			if (f->sep)
				printf(" .sep = %d,", f->sep);
			if (f->name) {
				fputs(" .name = ", stdout);
				put_ref(f->name);
				putchar(',');
			}
			fputs(" },", stdout);
		}
		close_array(k->nforms);
	}
	printf("const size_t shapes_gen_narn_kinds = %zu;\n", built.narn_kinds);
	printf("struct arn_kind shapes_gen_arn_kinds[%zu] = {\n",
	       built.narn_kinds ? built.narn_kinds : 1);
	for (i = 0; i < built.narn_kinds; i++) {
		const struct arn_kind *k = &built.arn_kinds[i];
		snprintf(id, sizeof(id), "K%zu", i);
		fputs("{", stdout);
		put_field_str("key", k->key);
		put_field_str("what", k->what);
		put_field_str("example", k->example);
		put_list("forms", k->forms, id, "f", "nforms", k->nforms);
		put_list("old_types", k->old_types, id, "old", "nold", k->nold);
		put_list("wrong_types", k->wrong_types, id, "wrong", "nwrong",
			 k->nwrong);
		if (k->star)
			fputs("\n\t.star = 1,", stdout);
		puts("\n},");
	}
	puts("};\n");
}

int main(int argc, char **argv)
{
	const struct shapes_arns *a = &built.arns;
	int i;

	if (argc != 4) {
		fputs("usage: shapegen shapes-api.json shapes-cfn.json shapes-tf.json\n",
		      stderr);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		const char *b = strrchr(argv[i], '/');
		files[nfiles].path = argv[i];
		files[nfiles].name = b ? b + 1 : argv[i];
		files[nfiles].root = load(argv[i]);
		nfiles++;
	}
	shapes_build();

	puts("/* generated by schemas/shapegen.c from schemas/shapes-*.json - "
	     "do not edit */");
	puts("#include <stddef.h>\n#include <stdint.h>\n");
	puts("#include \"shapes_gen.h\"\n");
	printf("static struct shape SA[%zu], SC[%zu], ST[%zu];\n\n",
	       built.api.nshapes, built.cfn.nshapes, built.tf.nshapes);
	put_arn_kinds();
	put_db_shapes(&built.api, "SA");
	put_db_shapes(&built.cfn, "SC");
	put_db_shapes(&built.tf, "ST");
	put_db(&built.api, "shapes_gen_api", "SA", NULL);
	put_db(&built.cfn, "shapes_gen_cfn", "SC", "shapes_gen_api");
	put_db(&built.tf, "shapes_gen_tf", "ST", "shapes_gen_api");

	put_strs(a->colon_free, a->ncolon_free, "arns", "cf");
	put_notes(a->pseudo_min, a->npseudo_min, "arns", "pm");
	fputs("struct shapes_arns shapes_gen_arns = {", stdout);
	put_list("colon_free", a->colon_free, "arns", "cf", "ncolon_free",
		 a->ncolon_free);
	put_list("pseudo_min", a->pseudo_min, "arns", "pm", "npseudo_min",
		 a->npseudo_min);
	if (a->region.members || a->account.members)
		shapes_defect("shapes-api.json", "members in a pattern shape", NULL);
	fputs("\n.region = ", stdout);
	put_shape(&a->region, "arns_region");
	fputs(",\n.account = ", stdout);
	put_shape(&a->account, "arns_account");
	puts(",\n};");
	return fflush(stdout) != 0 || ferror(stdout);
}
