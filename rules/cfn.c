/* cfn.c - CloudFormation intrinsics, short forms and resources. */
#include "cfn.h"

#include "kinds.h"

#include <string.h>

#define FN(name, fn) { name, sizeof(name) - 1, fn }
static const struct {
	const char *name; /* long form */
	size_t len;       /* its length */
	enum cfn_fn fn;
} fns[] = {
	FN("Ref", FN_REF),
	FN("Condition", FN_CONDITION),
	FN("Fn::GetAtt", FN_GETATT),
	FN("Fn::Sub", FN_SUB),
	FN("Fn::Join", FN_JOIN),
	FN("Fn::If", FN_IF),
	FN("Fn::Select", FN_SELECT),
	FN("Fn::FindInMap", FN_FINDINMAP),
	FN("Fn::ImportValue", FN_IMPORTVALUE),
	FN("Fn::Split", FN_SPLIT),
	FN("Fn::Base64", FN_BASE64),
	FN("Fn::GetAZs", FN_GETAZS),
	FN("Fn::Cidr", FN_CIDR),
	FN("Fn::Equals", FN_EQUALS),
	FN("Fn::And", FN_AND),
	FN("Fn::Or", FN_OR),
	FN("Fn::Not", FN_NOT),
	FN("Fn::Transform", FN_TRANSFORM),
	FN("Fn::Length", FN_LENGTH),
	FN("Fn::ToJsonString", FN_TOJSONSTRING),
	FN("Fn::ForEach", FN_FOREACH),
	FN("Fn::Contains", FN_CONTAINS),
	FN("Fn::EachMemberEquals", FN_EACHMEMBEREQUALS),
	FN("Fn::EachMemberIn", FN_EACHMEMBERIN),
	FN("Fn::RefAll", FN_REFALL),
	FN("Fn::ValueOf", FN_VALUEOF),
	FN("Fn::ValueOfAll", FN_VALUEOFALL),
};

enum cfn_fn cfn_fn_lookup(const char *name, size_t len, int short_form)
{
	size_t i;
	/* Long forms are "Ref", "Condition" or "Fn::...": most one-pair maps
	 * of a template (a Lifecycle with one member) are none of them. */
	if (!short_form && !(len > 4 && memcmp(name, "Fn::", 4) == 0) &&
	    !(len == 3 && memcmp(name, "Ref", 3) == 0) &&
	    !(len == 9 && memcmp(name, "Condition", 9) == 0))
		return FN_NONE;
	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		const char *f = fns[i].name;
		size_t fl = fns[i].len;
		/* Short tags drop the "Fn::" prefix: !GetAtt, !Sub; !Ref and
		 * !Condition are spelled as their long forms. */
		if (short_form && fl > 4 && memcmp(f, "Fn::", 4) == 0)
			f += 4, fl -= 4;
		if (fl == len && memcmp(f, name, len) == 0)
			return fns[i].fn;
	}
	return FN_NONE;
}

const char *cfn_fn_name(enum cfn_fn fn)
{
	size_t i;
	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		if (fns[i].fn == fn)
			return fns[i].name;
	return "";
}

enum cfn_fn node_intrinsic(const struct node *n)
{
	const struct node *k;
	if (!n || n->kind != N_MAP || n->len != 1)
		return FN_NONE;
	k = map_key(n, 0);
	if (k->kind != N_STR)
		return FN_NONE;
	/* {"Condition": X} is a function only inside conditions; a resource's
	 * Condition attribute never stands alone in a one-pair map. */
	return cfn_fn_lookup(k->u.str, k->len, 0);
}

/* Wrap n as the long form of short tag fn, written `tag` in buf. */
static void wrap_short(struct load_ctx *c, struct node *n, enum cfn_fn fn,
		       const char *tag, const char *buf, size_t len)
{
	struct node *kids = arena_alloc(c->a, 2 * sizeof(struct node));
	struct node *k = &kids[0], *v = &kids[1];
	const char *name = cfn_fn_name(fn);
	size_t taglen = strlen(tag);
	*v = *n;
	/* The node's span starts at its tag; the value proper starts after
	 * the tag and the blanks that follow it. */
	if (v->start + taglen <= len &&
	    memcmp(buf + v->start, tag, taglen) == 0) {
		size_t s = v->start + taglen;
		while (s < v->end && (buf[s] == ' ' || buf[s] == '\t'))
			s++;
		if (s < v->end || v->kind == N_NULL)
			v->start = (uint32_t)s;
	}
	memset(k, 0, sizeof(*k));
	k->kind = N_STR;
	k->style = S_PLAIN;
	k->flags = NF_KEY | NF_SHORT_TAG;
	k->u.str = name;
	k->len = (uint32_t)strlen(name);
	k->start = n->start;
	k->end = (uint32_t)(n->start + taglen <= len ? n->start + taglen : n->start);
	/* !GetAtt Res.Attr is the list [Res, Attr] in the long form. */
	if (fn == FN_GETATT && v->kind == N_STR) {
		const char *dot = strchr(v->u.str, '.');
		if (dot && dot != v->u.str && dot[1]) {
			struct node *parts = arena_alloc(c->a, 2 * sizeof(struct node));
			size_t l0 = (size_t)(dot - v->u.str);
			int exact = v->style == S_PLAIN && v->end - v->start == v->len;
			parts[0] = *v;
			if (!exact)
				parts[0].flags &= (uint16_t)~NF_VERBATIM;
			parts[0].u.str = arena_strndup(c->a, v->u.str, l0);
			parts[0].len = (uint32_t)l0;
			parts[1] = *v;
			if (!exact)
				parts[1].flags &= (uint16_t)~NF_VERBATIM;
			parts[1].u.str = arena_strdup(c->a, dot + 1);
			parts[1].len = (uint32_t)(v->len - l0 - 1);
			if (exact) {
				parts[0].end = (uint32_t)(v->start + l0);
				parts[1].start = (uint32_t)(v->start + l0 + 1);
			}
			v->kind = N_SEQ;
			v->style = S_FLOW;
			v->len = 2;
			v->u.kids = parts;
		}
	}
	n->kind = N_MAP;
	n->style = S_FLOW;
	n->flags = NF_SHORT_TAG;
	n->len = 1;
	n->u.kids = kids;
}

int cfn_yaml_tag(struct load_ctx *c, struct node *n, const char *tag,
		 const char *buf, size_t len)
{
	enum cfn_fn fn;
	if (tag[0] != '!' || tag[1] == '!')
		return 0;
	fn = cfn_fn_lookup(tag + 1, strlen(tag + 1), 1);
	if (fn == FN_NONE)
		return 0;
	wrap_short(c, n, fn, tag, buf, len);
	return 1;
}

const char *cfn_resource_type(const struct node *res)
{
	return node_str(map_get(res, "Type"));
}

struct node *cfn_resource(struct doc *d, const char *id)
{
	if (d->kind != DOC_CFN || !id)
		return NULL;
	return map_get(map_get(d->root, "Resources"), id);
}

const char *cfn_ref_target(const struct node *v)
{
	const struct node *a;
	switch (node_intrinsic(v)) {
	case FN_REF:
		return node_str(map_val(v, 0));
	case FN_GETATT:
		a = map_val(v, 0);
		/* the YAML loader already split !GetAtt X.Attr into [X, Attr] */
		if (node_is(a, N_SEQ) && a->len >= 1)
			return node_str(seq_at(a, 0));
		return NULL;
	default:
		return NULL;
	}
}

const char *cfn_getatt_attr(const struct node *v)
{
	const struct node *a;
	const char *s;
	if (node_intrinsic(v) != FN_GETATT)
		return NULL;
	a = map_val(v, 0);
	if (node_is(a, N_SEQ) && a->len >= 2)
		return node_str(seq_at(a, 1));
	if ((s = node_str(a)) && strchr(s, '.'))
		return strchr(s, '.') + 1;
	return NULL;
}

const struct node *cfn_value(struct doc *d, const struct node *v,
			     enum cfn_known *how)
{
	struct cfn_val cv;
	cfn_eval(d, v, &cv);
	*how = cv.how;
	return cv.node;
}

/* The disable list of a backuplint Metadata entry, applied to [start, end). */
static void metadata_disable(struct doc *d, const struct node *meta,
			     uint32_t start, uint32_t end)
{
	const struct node *bl = map_get(meta, "backuplint");
	const struct node *dis = map_get(bl, "disable");
	const char *reason = node_str(map_get(bl, "reason"));
	uint32_t i, n;

	if (!dis)
		return;
	n = node_is(dis, N_SEQ) ? dis->len : 1;
	for (i = 0; i < n; i++) {
		const struct node *id = node_is(dis, N_SEQ) ? seq_at(dis, i) : dis;
		const char *s = node_str(id), *p, *q;
		if (!s)
			continue;
		/* "BKP302, BKP305" in one string too */
		for (p = s; *p;) {
			while (*p == ' ' || *p == ',')
				p++;
			q = p;
			while (*q && *q != ' ' && *q != ',')
				q++;
			if (q > p) {
				uint32_t at = id->start, at_end = id->end;
				if (node_verbatim(id)) {
					at = node_text_start(id) + (uint32_t)(p - s);
					at_end = at + (uint32_t)(q - p);
				}
				suppress_name(d->file, p, (size_t)(q - p), at, at_end,
					      d->index, start, end, reason);
			}
			p = q;
		}
	}
}

void cfn_suppressions(struct doc *d)
{
	const struct node *res;
	uint32_t i;

	if (d->kind != DOC_CFN)
		return;
	/* the template's Metadata: the whole document */
	metadata_disable(d, map_get(d->root, "Metadata"), d->root->start, d->root->end);
	res = map_get(d->root, "Resources");
	for (i = 0; node_is(res, N_MAP) && i < res->len; i++) {
		const struct node *r = map_val(res, i);
		/* a resource's Metadata: findings inside that resource */
		metadata_disable(d, map_get(r, "Metadata"), map_key(res, i)->start, r->end);
	}
}
