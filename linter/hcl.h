/* hcl.h - the HCL native syntax (Terraform .tf files) into the positioned
 * tree of tree.h, with what hclsyntax accepts and rejects.
 *
 * Ownership and failure are those of json_parse (load.h): nodes and strings
 * go to c->a; on a syntax error (IN_SYNTAX), a byte that is not UTF-8
 * (IN_ENCODING) or a limit (IN_LIMITS: nesting beyond c->max_depth) it
 * returns NULL with c->err set, with a related place where it helps (where
 * an unclosed '{', '[', '(', '"', heredoc or directive was opened). A
 * second attribute of the same name in one body, and a repeated key in an
 * object, go to c->on_dup; blocks of one type may repeat and are not
 * duplicates. A string holding a NUL (raw, or \u0000) sets c->has_nul as
 * the other loaders do.
 *
 * The mapping. Spans are exact byte ranges [start, end) of the source; a
 * child's span lies inside its parent's.
 *
 *   file            N_MAP, NF_BODY, pairs in source order, span = the file
 *   name = expr     pair: N_STR key (S_PLAIN), the expression's node
 *   type "l1" l2 {} pair: N_STR key `type` with NF_BLOCK; the value is a
 *                   chain of one-pair N_MAPs flagged NF_LABEL, one per label
 *                   (key = the label: S_QUOTED for "l1", S_PLAIN for l2,
 *                   span = the label token; the map's span runs from the
 *                   label to the '}'), ending in the body: an N_MAP with
 *                   NF_BODY, span '{'..'}'. Without labels the value is the
 *                   body. A repeated block type is a repeated pair.
 *
 * Literals: numbers N_INT, or N_FLOAT with a fraction or an exponent (NF_BIG
 * beyond int64 / double, as in json.c); a minus sign written right before a
 * number literal is part of it (-1 is N_INT -1, span from the '-'), as
 * hclsyntax and Terraform's JSON both treat it as a value; true/false N_BOOL,
 * null N_NULL. A quoted string with no ${ } or %{ } is N_STR S_QUOTED, escapes
 * decoded (\n \r \t \" \\ \uNNNN \UNNNNNNNN, $${ -> ${, %%{ -> %{), span with
 * its quotes. A heredoc with none is N_STR S_BLOCK (<<- indentation removed
 * as hclsyntax does), span from "<<" to the end of the closing marker.
 * [a, b] is N_SEQ S_FLOW; {k = v, "k2": v2} is N_MAP S_FLOW whose keys are
 * N_STR S_PLAIN for a bare name, N_STR S_QUOTED for a literal string, and
 * the expression's node for anything else (a.b, (k), "${k}", 1).
 *
 * Everything else is an N_EXPR; `style` is the enum expr_op, kids are:
 *   EXPR_TRAVERSAL  root (N_STR for a variable name, else any expression),
 *                   then steps: N_STR for .attr (span: the name),
 *                   EXPR_INDEX (one kid) for [key] and legacy .0,
 *                   EXPR_SPLAT (no kids) for .* and [*] (tell them apart by
 *                   the first byte of the span). A bare variable is a
 *                   traversal of its root alone.
 *   EXPR_CALL       N_STR name (all of provider::aws::f), the arguments;
 *                   NF_EXPAND when the last one is followed by "...".
 *   EXPR_TEMPLATE   the parts in order: N_STR S_PLAIN literal text (escapes
 *                   decoded, strip markers ~ applied; adjacent text merged),
 *                   an interpolated expression's node, EXPR_TEMPLATE_IF
 *                   [cond, then-template, else-template or N_NULL] and
 *                   EXPR_TEMPLATE_FOR [key var or N_NULL, value var (N_STR),
 *                   collection, body-template]. "${x}" alone is a template
 *                   of one part (HCL then gives x's value, unconverted); a
 *                   text part that a strip marker or <<- emptied stays as
 *                   "" (so "${x ~} " is a string, as in hclsyntax). Text
 *                   parts are the only N_STR S_PLAIN among the parts: an
 *                   interpolated "string" is S_QUOTED, a heredoc S_BLOCK.
 *   EXPR_COND       cond, then, else
 *   EXPR_BINARY     lhs, op, rhs;  EXPR_UNARY: op, operand. `op` is an N_STR
 *                   holding the operator ("&&", "-", "!") with its span.
 *   EXPR_FOR_TUPLE  key var or N_NULL, value var, collection, value,
 *                   condition or N_NULL
 *   EXPR_FOR_OBJECT key var or N_NULL, value var, collection, key, value,
 *                   condition or N_NULL; NF_EXPAND for the grouping "...".
 *   EXPR_PAREN      the inner expression
 * An N_NULL standing for something absent has an empty span.
 *
 * Comments (#, // and block comments) are skipped; # and // end a line like
 * a line break, a block comment does not. Nesting (blocks, brackets,
 * templates, unary operators) is bounded by c->max_depth and by a budget of
 * C stack (3 MiB; IN_LIMITS "too deep for the HCL parser's stack" when a raised
 * --max-depth would go beyond it), so no input can overflow the stack.
 *
 * Known differences from hclsyntax, none of which a Terraform file meets in
 * practice: numbers are int64 or double (NF_BIG beyond), not arbitrary
 * precision; non-ASCII identifier characters are told by Unicode block, not
 * by the ID_Start/ID_Continue tables; <<- counts indentation in code points,
 * not grapheme clusters. */
#ifndef BACKUPLINT_HCL_H
#define BACKUPLINT_HCL_H

#include <stddef.h>

#include "load.h"

/* Parse buf[0..len) (a UTF-8 BOM at the start is skipped; buf[len] must be
 * readable and NUL, as source.c reads files). */
struct node *hcl_parse(struct load_ctx *c, const char *buf, size_t len);

/* The quoted template whose opening '"' is buf[open] and whose closing one
 * ends at `close` (a JSON string of a .tf.json file, which Terraform reads
 * as a template): its node as hcl_parse gives it, or NULL when the text is
 * not a valid HCL template there (then c->err says why). */
struct node *hcl_parse_quoted_at(struct load_ctx *c, const char *buf,
				 size_t len, size_t open, size_t close);

#endif
