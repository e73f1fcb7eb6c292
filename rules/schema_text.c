/* schema_text.c - strings against their shapes (enums with did-you-mean,
 * name patterns naming the first bad character, lengths) and ARNs field by
 * field (partition, service, Region, account, resource type, name), also
 * when only part of the string is known. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../linter/strbuf.h"
#include "../linter/suggest.h"
#include "../linter/utf8.h"
#include "arn.h"
#include "cfn.h"
#include "families.h"
#include "kinds.h"
#include "schema.h"
#include "schema_check.h"
#include "aws.h"

/* A value for a message: strings quoted (control characters escaped, long
 * ones shortened), other scalars as written. */
const char *quote(struct vctx *c, const char *s, size_t len)
{
	char buf[160];
	size_t o = 0, i;
	buf[o++] = '"';
	for (i = 0; i < len && o < 120; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)ch;
		} else if (ch == '\n' || ch == '\t' || ch == '\r') {
			buf[o++] = '\\';
			buf[o++] = ch == '\n' ? 'n' : ch == '\t' ? 't' : 'r';
		} else if (ch < 32 || ch == 127) {
			o += (size_t)snprintf(buf + o, sizeof(buf) - o,
					      "\\x%02x", ch);
		} else {
			buf[o++] = (char)ch;
		}
	}
	if (i < len) {
		/* do not cut a UTF-8 sequence in half */
		while (o > 1 && ((unsigned char)buf[o - 1] & 0xC0) == 0x80)
			o--;
		if (o > 1 && ((unsigned char)buf[o - 1] & 0xC0) == 0xC0)
			o--;
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return arena_strdup(&c->d->arena, buf);
}

const char *show(struct vctx *c, const struct node *n)
{
	switch (n->kind) {
	case N_STR:
		return quote(c, n->u.str, n->len);
	case N_INT:
		return arena_printf(&c->d->arena, "%lld", n->u.i);
	case N_FLOAT:
		/* as written: 120.0 is not 120 to the AWS CLI */
		return arena_strndup(&c->d->arena, c->d->file->src.buf + n->start,
				     n->end - n->start);
	case N_BOOL:
		return n->u.b ? "true" : "false";
	case N_NULL:
		return "null";
	default:
		return node_kind_name(n);
	}
}


/* What a node kind is called next to a shape kind, for wrong-type
 * messages: "an integer", "a string", ... */
const char *a_kind(const struct node *n)
{
	switch (n->kind) {
	case N_NULL: return "null";
	case N_BOOL: return "a boolean";
	case N_INT: return "an integer";
	case N_FLOAT: return "a number";
	case N_STR: return "a string";
	case N_MAP: return "a mapping";
	case N_SEQ: return "a list";
	case N_EXPR: return "an expression";
	}
	return "a value";
}

const char *a_shape(const struct shape *s)
{
	switch (s->kind) {
	case SK_STRUCT: case SK_RESOURCE: case SK_MAP: return "a mapping";
	case SK_LIST: return "a list";
	case SK_STRING: return "a string";
	case SK_LONG: case SK_INTEGER: return "an integer";
	case SK_NUMBER: return "a number";
	case SK_BOOL: return "a boolean (true or false)";
	case SK_TIMESTAMP: return "a timestamp";
	case SK_JSON: return "a JSON object or a string";
	case SK_ANY: return "any value";
	case SK_UNION: return "one of several types";
	}
	return "a value";
}


/* "a space", "'/'", "U+00E9 'é'", "a tab" */
static const char *char_name(struct vctx *c, unsigned cp, const char *at,
			     size_t bytes)
{
	switch (cp) {
	case ' ': return "a space";
	case '\t': return "a tab";
	case '\n': return "a line break";
	case '\r': return "a carriage return";
	case 0: return "a NUL character";
	}
	if (cp < 32 || cp == 127)
		return arena_printf(&c->d->arena, "control character U+%04X", cp);
	if (cp < 128)
		return arena_printf(&c->d->arena, "'%c'", (char)cp);
	return arena_printf(&c->d->arena, "U+%04X '%.*s'", cp, (int)bytes, at);
}

/* Placeholders in partially known strings (Fn::Sub, Fn::Join). */

/* The first character of s[0..len) outside the shape's allowed set:
 * returns its byte offset or -1, and its 1-based column in *col. */
static long first_bad_char(const struct shape *s, const char *str, size_t len,
			   size_t *col, unsigned *cp, size_t *bytes)
{
	size_t i = 0, n = 0;
	while (i < len) {
		size_t at = i;
		long v;
		unsigned ch;
		i += utf8_decode((const unsigned char *)str + i, len - i, &v);
		ch = v < 0 ? 0xFFFD : (unsigned)v;
		n++;
		if (ch == PH_SAFE || ch == PH_ANY)
			continue;
		if (ch >= 128 || !s->chars[ch]) {
			*col = n;
			*cp = ch;
			*bytes = i - at;
			return (long)at;
		}
	}
	return -1;
}

/* Byte offset and 1-based column of the first control character, or -1. */
static long first_control(const char *s, size_t len, size_t *col)
{
	size_t i, n = 0;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch & 0xC0) != 0x80)
			n++;
		if (ch < 32 || ch == 127) {
			*col = n;
			return (long)i;
		}
	}
	return -1;
}

/* A string known in full (partial = 0) or with placeholders (partial = 1;
 * `shown_in` is how to print it, NULL for show(c, v)). */
/* A ${Name} of the template (a pseudo parameter, a Parameter or a
 * resource) in s[0..len): its offset and length, or -1. */
static long template_var(struct vctx *c, const char *s, size_t len, size_t *vl)
{
	const struct node *root = c->root;
	size_t i;
	for (i = 0; i + 3 < len; i++) {
		const char *e;
		char name[128];
		size_t n;
		if (s[i] != '$' || s[i + 1] != '{' || s[i + 2] == '!')
			continue;
		if (!(e = memchr(s + i, '}', len - i)))
			return -1;
		n = (size_t)(e - s - i - 2);
		if (n == 0 || n >= sizeof(name))
			continue;
		memcpy(name, s + i + 2, n);
		name[n] = '\0';
		if (strchr(name, '.'))
			name[strchr(name, '.') - name] = '\0';
		if (aws_is_pseudo(name) ||
		    map_get(map_get(root, "Parameters"), name) ||
		    map_get(map_get(root, "Resources"), name)) {
			*vl = n + 3;
			return (long)i;
		}
	}
	return -1;
}

void check_string_text(struct vctx *c, const struct shape *s,
			      const char *str, size_t len, const struct node *v,
			      const char *label, int partial, const char *shown_in)
{
	size_t i;
	struct diag *dg;
	long at;

	/* "arn:aws:rds:${AWS::Region}:..." written without Fn::Sub:
	 * CloudFormation passes it on as it is. One finding says so; the
	 * string is not judged further (its "account" is no mistake of
	 * its own). */
	if (c->cfn && !partial && !c->at && v && v->kind == N_STR &&
	    (at = template_var(c, str, len, &i)) >= 0) {
		dg = rep_part(c, BKP801, v, (size_t)at, i,
			      "%s %s holds %.*s in a plain string: CloudFormation "
			      "substitutes ${...} only inside Fn::Sub, so AWS gets "
			      "the text as it is", label, SHOWN, (int)i, str + at);
		if (dg) {
			diag_hint(c->d->file, dg, "wrap it in !Sub (Fn::Sub)");
			/* a YAML template only: a JSON one needs {"Fn::Sub": ...} */
			const char *b = c->d->file->src.buf;
			size_t k = 0;
			while (k < c->d->file->src.len &&
			       strchr(" \t\r\n\xef\xbb\xbf", b[k]))
				k++;
			if (k < c->d->file->src.len && b[k] != '{' && b[k] != '[' &&
			    !(v->flags & NF_ALIAS) && node_verbatim(v)) {
				struct fix *fx = diag_fix(c->d->file, dg, 1,
							  "wrap the string in !Sub");
				fix_edit(c->d->file, fx, v->start, v->start, "!Sub ");
			}
		}
		return;
	}

	if (s->nenums && !partial) {
		const char *close = NULL;
		char *list;
		size_t o = 0, total = 0;
		for (i = 0; i < s->nenums; i++) {
			if (strlen(s->enums[i]) == len &&
			    memcmp(s->enums[i], str, len) == 0)
				break;
			if (strlen(s->enums[i]) == len &&
			    strncasecmp(s->enums[i], str, len) == 0)
				close = s->enums[i];
		}
		if (i == s->nenums) {
			for (i = 0; i < s->nenums; i++)
				total += strlen(s->enums[i]) + 2;
			list = arena_alloc(&c->d->arena, total + 1);
			for (i = 0; i < s->nenums; i++)
				o += (size_t)sprintf(list + o, "%s%s",
						     i ? ", " : "", s->enums[i]);
			list[o] = '\0';
			if (close && s->case_note &&
			    strncasecmp(close, str, len) == 0) {
				/* accepted, but not as documented */
				dg = rep(c, BKP107, v, "%s %s is not the documented "
					 "value %s: %s", label, SHOWN, close,
					 s->case_note);
				diag_demote(dg, 1);
				if (dg)
					diag_hint(c->d->file, dg, "write %s", close);
				if (node_verbatim(v) && v->len == len &&
				    memcmp(node_str(v), str, len) == 0 &&
				    strlen(close) == len)
					diag_fix_sub(c->d->file, dg, 1, v, 0, len, close,
						     "replace '%s' with '%s'",
						     node_str(v), close);
				return;
			}
			if (!close)
				close = did_you_mean(
					arena_strndup(&c->d->arena, str, len),
					s->enums, s->nenums);
			dg = rep(c, BKP107, v, "%s %s is not a valid value; "
				 "allowed: %s", label, SHOWN, list);
			if (dg && close)
				diag_hint(c->d->file, dg, "did you mean %s?%s",
					  close, strcasecmp(close, str) == 0 ?
					  " (values are case-sensitive)" : "");
			/* only the case differs: the fix; a near value
			 * ("EFS" for EBS) may be another real value */
			if (close && node_verbatim(v) && v->len == len &&
			    memcmp(node_str(v), str, len) == 0 &&
			    strlen(close) == len && strncasecmp(close, str, len) == 0)
				diag_fix_sub(c->d->file, dg, 1, v, 0, len, close,
					     "replace '%s' with '%s'", node_str(v), close);
		}
		return;
	}
	if (s->pattern) {
		size_t col = 0, bytes = 0;
		unsigned cp = 0;
		long bad;
		if (partial) {
			/* Only the literal characters can be judged, and the
			 * shortest length the placeholders allow. */
			if (s->has_chars &&
			    (bad = first_bad_char(s, str, len, &col, &cp, &bytes)) >= 0)
				rep(c, BKP105, v, "%s %s has %s; allowed: %s",
				    label, SHOWN,
				    char_name(c, cp, str + bad, bytes),
				    s->allowed ? s->allowed : s->pattern);
			else if (s->has_maxchars &&
				 (long long)c->partial_min > s->maxchars)
				rep(c, BKP105, v, "%s %s is at least %zu characters "
				    "long once deployed (%s); allowed: %s", label,
				    SHOWN, c->partial_min,
				    partial_why(c) ? partial_why(c) : "its literal part",
				    s->allowed ? s->allowed : s->pattern);
			return;
		}
		if (shape_match(s, str, len))
			return;
		if (s->has_chars && len > 4 && memcmp(str, "arn:", 4) == 0 &&
		    !s->chars[':']) {
			/* An ARN where AWS wants the bare name. */
			const char *last = str + len;
			while (last > str && last[-1] != ':' && last[-1] != '/')
				last--;
			dg = rep(c, BKP105, v, "%s %s is an ARN but must be a "
				 "name; allowed: %s", label, SHOWN,
				 s->allowed ? s->allowed : s->pattern);
			if (dg && last < str + len)
				diag_hint(c->d->file, dg, "write the name alone: %s",
					  quote(c, last, (size_t)(str + len - last)));
			return;
		}
		if (s->has_chars &&
		    (bad = first_bad_char(s, str, len, &col, &cp, &bytes)) >= 0) {
			rep(c, BKP105, v, "%s %s has %s at column %zu; allowed: %s",
			    label, SHOWN, char_name(c, cp, str + bad, bytes),
			    col, s->allowed ? s->allowed : s->pattern);
		} else if (s->first && len && ((unsigned char)str[0] >= 128 ||
					       !s->first_chars[(unsigned char)str[0]])) {
			rep(c, BKP105, v, "%s %s starts with %s, but %s; allowed: %s",
			    label, SHOWN, char_name(c, (unsigned char)str[0], str, 1),
			    s->first, s->allowed ? s->allowed : s->pattern);
		} else if (len == 0) {
			rep(c, BKP105, v, "%s is empty; allowed: %s", label,
			    s->allowed ? s->allowed : s->pattern);
		} else if ((bad = first_control(str, len, &col)) >= 0) {
			/* '.' in a pattern does not match a line break */
			rep(c, BKP105, v, "%s %s has %s at column %zu; allowed: %s",
			    label, SHOWN, char_name(c, (unsigned char)str[bad],
						    str + bad, 1),
			    col, s->allowed ? s->allowed : s->pattern);
		} else if (s->allowed) {
			size_t nc = utf8_count(str, len);
			rep(c, BKP105, v, "%s %s is %zu character%s long; "
			    "allowed: %s", label, SHOWN, nc, nc == 1 ? "" : "s",
			    s->allowed);
		} else {
			rep(c, BKP105, v, "%s %s does not match the pattern %s",
			    label, SHOWN, s->pattern);
		}
		return;
	}
	if (s->has_maxlen && !partial && (long long)len > s->maxlen) {
		rep(c, BKP104, v, "%s is %zu bytes long but must be at most "
		    "%lld%s%s%s", label, len, s->maxlen,
		    s->max_why ? " (" : "", s->max_why ? s->max_why : "",
		    s->max_why ? ")" : "");
		return;
	}
	if (s->arn)
		check_arn(c, s->arn, str, len, v, label, shown_in);
}

/* ---- ARNs ---- */

struct field {
	size_t off, len;
	int known;  /* 0: cut off by a wildcard or an unknown placeholder */
};

/* 1 when the field holds a placeholder (its value is unknown). */
static int has_ph(const char *s, const struct field *f)
{
	return memchr(s + f->off, PH_SAFE, f->len) ||
	       memchr(s + f->off, PH_ANY, f->len);
}

int str_in(const char *s, size_t len, const char *const *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strlen(v[i]) == len && memcmp(v[i], s, len) == 0)
			return 1;
	return 0;
}

const char *join_list(struct vctx *c, const char *const *v, size_t n,
		      const char *q)
{
	size_t i, total = 1;
	char *out, *p;
	for (i = 0; i < n; i++)
		total += strlen(v[i]) + 2 + 2 * strlen(q);
	p = out = arena_alloc(&c->d->arena, total);
	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s%s%s", i ? ", " : "", q, v[i], q);
	return out;
}

void check_arn(struct vctx *c, const struct arn_kind *k,
		      const char *s, size_t len, const struct node *v,
		      const char *label, const char *shown_in)
{
	static const char *const fname[6] = {
		"prefix", "partition", "service", "Region", "account", "resource",
	};
	struct field f[6];
	size_t cut = len, i, nf = 0;
	struct arn_fields x;
	const struct arn_form *form = NULL;
	struct diag *dg;
	const char *star;
	int wild = 0;

	if (k->star && len == 1 && s[0] == '*')
		return;
	/* Wildcards of a selection ARN: a whole field (a Region or account
	 * of "*", arn:aws:ec2:::instance/ with no Region), and a '*' that
	 * ends the ARN (a prefix match, arn:aws:ec2:*) are what AWS
	 * documents; a '*' inside the resource part before its end
	 * (arn:aws:s3:::*-logs) is what it rules out. */
	star = memchr(s, '*', len);
	if (k->star && star) {
		size_t res, p;
		char *t;
		arn_split(s, len, 0, &x);
		res = x.n == 6 ? x.f[5].off : len;
		for (p = res; p + 1 < len; p++) {
			int ph;
			const char *at;
			if (s[p] != '*')
				continue;
			/* In a partly known string the column is not known. */
			ph = memchr(s, PH_SAFE, len) || memchr(s, PH_ANY, len);
			at = ph ? "" : arena_printf(&c->d->arena,
				" at column %zu", utf8_count(s, p) + 1);
			dg = rep_part(c, BKP109, v, p, 1,
				      "%s %s has a '*'%s inside its resource part; "
				      "a wildcard there is only allowed as the last "
				      "character (a prefix pattern)", label, SHOWN, at);
			if (dg)
				diag_hint(c->d->file, dg, "match a prefix, e.g. "
					  "arn:aws:s3:::my-bucket-*, or use "
					  "ListOfTags or Conditions");
			return;
		}
		/* elsewhere a '*' leaves its field unknown */
		t = arena_strndup(&c->d->arena, s, len);
		for (p = 0; p + 1 < len && p < res; p++)
			if (t[p] == '*')
				t[p] = PH_SAFE;
		s = t;
		wild = 1;
		if (s[len - 1] == '*')
			cut = len - 1;
	}
	/* A placeholder that may hold ':' hides where the later fields are. */
	for (i = 0; i < cut; i++)
		if (s[i] == PH_ANY) {
			cut = i;
			break;
		}

	/* Split into six fields; those not fully before `cut` are unknown. */
	memset(f, 0, sizeof(f));
	arn_split(s, len, 0, &x);
	for (nf = 0; nf < x.n; nf++) {
		size_t e = x.f[nf].off + x.f[nf].len;
		f[nf].off = x.f[nf].off;
		f[nf].len = x.f[nf].len;
		f[nf].known = e <= cut && !(nf == 5 && cut < len);
	}
	if (f[0].known && !(f[0].len == 3 && memcmp(s, "arn", 3) == 0)) {
		dg = rep(c, BKP106, v, "%s %s is not an ARN: it must start with "
			 "\"arn:\"; expected %s", label, SHOWN, k->what);
		if (dg)
			diag_hint(c->d->file, dg, "for example %s", k->example);
		return;
	}
	if (!f[0].known) {
		/* Cut before the first ':': the prefix must still fit "arn:". */
		size_t n = cut < 4 ? cut : 4;
		if (memcmp(s, "arn:", n) != 0)
			rep(c, BKP106, v, "%s %s is not an ARN: it must start "
			    "with \"arn:\"", label, SHOWN);
		return;
	}
	if (nf < 6 && cut == len) {
		dg = rep(c, BKP106, v, "%s %s has %zu of the 6 ':'-separated "
			 "fields of an ARN (arn:partition:service:region:"
			 "account:resource); the %s field is missing",
			 label, SHOWN, nf, fname[nf]);
		if (dg)
			diag_hint(c->d->file, dg, "%s looks like %s",
				  k->what, k->example);
		return;
	}
	for (i = 0; i < 6; i++)
		if (f[i].known && has_ph(s, &f[i]))
			f[i].known = 0;

	if (f[1].known &&
	    !str_in(s + f[1].off, f[1].len, shapes_arns()->partitions, shapes_arns()->npartitions)) {
		rep_part(c, BKP106, v, f[1].off, f[1].len,
			 "%s %s has partition %s, which is not an AWS partition "
			 "(%s)", label, SHOWN, quote(c, s + f[1].off, f[1].len),
			 join_list(c, shapes_arns()->partitions, shapes_arns()->npartitions, ""));
		return;
	}
	if (!f[2].known)
		return;
	for (i = 0; i < k->nforms; i++)
		if (strcmp(k->forms[i].service, "*") == 0 ||
		    (strlen(k->forms[i].service) == f[2].len &&
		     memcmp(k->forms[i].service, s + f[2].off, f[2].len) == 0)) {
			form = &k->forms[i];
			break;
		}
	if (!form) {
		const char *svc[16];
		size_t n = 0;
		for (i = 0; i < k->nforms && n < 16; i++)
			svc[n++] = k->forms[i].service;
		dg = rep_part(c, BKP106, v, f[2].off, f[2].len,
			      "%s %s has service %s but %s has "
			      "%s", label, SHOWN, quote(c, s + f[2].off, f[2].len),
			      k->what, join_list(c, svc, n, "\""));
		if (dg)
			diag_hint(c->d->file, dg, "%s looks like %s", k->what,
				  k->example);
		return;
	}
	if (f[3].known) {
		if (form->region == P_EMPTY && f[3].len) {
			rep_part(c, BKP106, v, f[3].off, f[3].len,
				 "%s %s has Region %s but the Region "
				 "field of %s is empty (arn:partition:%s::account:...)",
				 label, SHOWN, quote(c, s + f[3].off, f[3].len), k->what,
				 form->service);
			return;
		}
		if (form->region == P_REQUIRED && !f[3].len && !wild) {
			rep_part(c, BKP106, v, f[3].off, 0,
				 "%s %s has an empty Region field; %s "
				 "names its Region (e.g. %s)", label, SHOWN, k->what,
				 k->example);
			return;
		}
		if (f[3].len && !shape_match(&shapes_arns()->region, s + f[3].off, f[3].len)) {
			rep_part(c, BKP106, v, f[3].off, f[3].len,
				 "%s %s has %s in the Region field, "
				 "which is not a Region code like us-east-1", label,
				 SHOWN, quote(c, s + f[3].off, f[3].len));
			return;
		}
	}
	if (f[4].known) {
		if (form->account == P_EMPTY && f[4].len) {
			rep_part(c, BKP106, v, f[4].off, f[4].len,
				 "%s %s has account %s but the "
				 "account field of %s is empty", label, SHOWN,
				 quote(c, s + f[4].off, f[4].len), k->what);
			return;
		}
		if ((form->account == P_REQUIRED || f[4].len) && !(wild && !f[4].len) &&
		    !shape_match(&shapes_arns()->account, s + f[4].off, f[4].len)) {
			if (f[4].len == 0)
				rep_part(c, BKP106, v, f[4].off, 0,
					 "%s %s has an empty account "
					 "field; %s names the 12-digit account",
					 label, SHOWN, k->what);
			else {
				struct diag *hd = rep_part(
					c, BKP106, v, f[4].off, f[4].len,
					"%s %s has account %s "
					"(%zu characters); an account ID is 12 digits",
					label, SHOWN, quote(c, s + f[4].off, f[4].len),
					utf8_count(s + f[4].off, f[4].len));
				/* not a variable here: AWS takes it as written */
				if (hd && f[4].len == 8 &&
				    memcmp(s + f[4].off, "$account", 8) == 0)
					diag_hint(c->d->file, hd,
						  "$account is replaced only in AWS "
						  "Organizations backup policies; "
						  "write the account ID%s",
						  c->cfn ? ", or ${AWS::AccountId} in "
							   "a Fn::Sub" : "");
			}
			return;
		}
	}
	if (!form->types)
		return;
	if (!f[5].known) {
		/* Cut inside the resource (a wildcard or an unknown value after
		 * the type): the type is still known when its separator comes
		 * first. */
		const char *res = s + f[5].off, *old;
		size_t avail = cut > f[5].off ? cut - f[5].off : 0;
		char tbuf[64];
		if (nf < 6)
			return;
		for (i = 0; i < avail; i++)
			if (res[i] == ':' || res[i] == '/' || res[i] == PH_SAFE)
				break;
		if (i == avail || res[i] == PH_SAFE || i >= sizeof(tbuf))
			return;
		snprintf(tbuf, sizeof(tbuf), "%.*s", (int)i, res);
		if ((old = note_find(k->old_types, k->nold, tbuf)))
			rep(c, BKP106, v, "%s %s uses the old resource type "
			    "\"%s:\"; %s has \"%s:\"", label, SHOWN, tbuf,
			    k->what, old);
		else if ((old = note_find(k->wrong_types, k->nwrong, tbuf)))
			rep(c, BKP106, v, "%s %s is %s", label, SHOWN, old);
		else if (!str_in(res, i, form->types, form->ntypes) &&
			 !(form->ntypes == 1 && form->types[0][0] == '\0'))
			rep(c, BKP106, v, "%s %s has resource type \"%s\" but %s "
			    "has %s", label, SHOWN, tbuf, k->what,
			    join_list(c, form->types, form->ntypes, "\""));
		else if (form->sep && res[i] != form->sep)
			rep(c, BKP106, v, "%s %s has '%c' after \"%s\"; %s has "
			    "'%c' there", label, SHOWN, res[i], tbuf, k->what,
			    form->sep);
		return;
	}
	{
		const char *res = s + f[5].off, *sep;
		size_t rlen = f[5].len, tlen;
		const char *old;
		char tbuf[64];
		sep = NULL;
		for (i = 0; i < rlen; i++)
			if (res[i] == ':' || res[i] == '/') {
				sep = res + i;
				break;
			}
		tlen = sep ? (size_t)(sep - res) : rlen;
		if (memchr(res, PH_SAFE, tlen) || memchr(res, PH_ANY, tlen))
			return;
		snprintf(tbuf, sizeof(tbuf), "%.*s", (int)(tlen < 60 ? tlen : 60),
			 res);
		if (form->ntypes == 1 && form->types[0][0] == '\0') {
			if (sep)
				rep_part(c, BKP106, v, f[5].off, rlen,
					 "%s %s has a resource part "
					 "%s with a '%c'; %s ends in a plain name",
					 label, SHOWN, quote(c, res, rlen), *sep, k->what);
			return;
		}
		if ((old = note_find(k->old_types, k->nold, tbuf)) && sep) {
			dg = rep_part(c, BKP106, v, f[5].off, tlen,
				      "%s %s uses the old resource type "
				      "\"%s:\"; %s has \"%s:\"", label, SHOWN, tbuf,
				      k->what, old);
			if (dg && len < 200 && !memchr(s, PH_SAFE, len) &&
			    !memchr(s, PH_ANY, len))
				diag_hint(c->d->file, dg, "write %.*s%s%.*s",
					  (int)(res - s), s, old,
					  (int)(len - (size_t)(sep - s)), sep);
			return;
		}
		if ((old = note_find(k->wrong_types, k->nwrong, tbuf))) {
			rep_part(c, BKP106, v, f[5].off, tlen, "%s %s is %s",
				 label, SHOWN, old);
			return;
		}
		if (!sep || !str_in(res, tlen, form->types, form->ntypes)) {
			dg = rep_part(c, BKP106, v, f[5].off, rlen,
				      "%s %s has resource %s but %s "
				      "has %s followed by a name", label, SHOWN,
				      quote(c, res, rlen), k->what,
				      join_list(c, form->types, form->ntypes, "\""));
			if (dg)
				diag_hint(c->d->file, dg, "for example %s",
					  k->example);
			return;
		}
		if (form->sep && *sep != form->sep) {
			rep_part(c, BKP106, v, (size_t)(sep - s), 1,
				 "%s %s has '%c' after \"%s\"; %s has '%c' there",
				 label, SHOWN, *sep, tbuf, k->what, form->sep);
			return;
		}
		if (form->name) {
			const struct shape *ns = form->name;
			const char *nm = sep + 1;
			size_t nlen = rlen - tlen - 1, col, bytes;
			unsigned cp;
			long bad;
			if (memchr(nm, PH_SAFE, nlen) || memchr(nm, PH_ANY, nlen)) {
				if (ns->has_chars &&
				    (bad = first_bad_char(ns, nm, nlen, &col, &cp,
							  &bytes)) >= 0)
					rep(c, BKP106, v, "%s %s has %s in its "
					    "name part; allowed: %s", label, SHOWN,
					    char_name(c, cp, nm + bad, bytes),
					    ns->allowed);
				return;
			}
			if (ns->pattern && !shape_match(ns, nm, nlen)) {
				if (ns->has_chars &&
				    (bad = first_bad_char(ns, nm, nlen, &col, &cp,
							  &bytes)) >= 0)
					rep_part(c, BKP106, v,
						 (size_t)(nm - s) + (size_t)bad, bytes,
						 "%s %s has %s in the name %s; "
						 "allowed: %s", label, SHOWN,
						 char_name(c, cp, nm + bad, bytes),
						 quote(c, nm, nlen), ns->allowed);
				else
					rep_part(c, BKP106, v, (size_t)(nm - s),
						 nlen, "%s %s has a name of %zu "
						 "character%s; allowed: %s", label,
						 SHOWN, utf8_count(nm, nlen),
						 utf8_count(nm, nlen) == 1 ? "" : "s",
						 ns->allowed);
			}
		}
	}
}
