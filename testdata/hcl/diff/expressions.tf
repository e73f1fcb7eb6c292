# Expressions of every form, comments in odd places, separators.
splat_attr   = aws_backup_vault.v.*.arn
splat_full   = aws_db_instance.db[*].arn
splat_idx    = var.list[*].items[0].name
splat_after  = x.*.a[0]
legacy_index = var.list.0
legacy_attr  = var.list.0.name
index_str    = var.map["key with spaces"]
index_expr   = var.map[local.k]
index_multi  = var.grid[1][2]
provider_fn  = provider::aws::arn_parse(var.arn).account_id
core_fn      = core::max(1, 2)
expand       = concat(var.a, var.lists...)
trailing     = max(1, 2, 3,)
call_nl      = merge(
  var.a, # comment inside the arguments
  var.b, // another
  /* block */ var.c,
)
tuple_nl = [
  1,
  2, # comment
  /* c */ 3,
]
object_mixed = {
  a = 1, b: 2
  "c" = 3,

  # a comment between items
  d = 4 // trailing comment
  /* block comment */ e = 5
}
object_keys = {
  (local.k)  = "paren"
  (var.a.b)  = "paren traversal"
  a.b        = "dotted"
  1          = "number"
  "quoted"   = "q"
  bare-dash  = "dash"
}
for_tuple    = [for s in var.list : upper(s)]
for_tuple_kv = [for i, s in var.list : "${i}:${s}" if s != ""]
for_obj      = {for k, v in var.map : k => v}
for_group    = {for v in var.list : v.type => v.name...}
for_group_if = {for v in var.list : v.type => v... if v.enabled}
for_nl = [
  for s in var.list :
  s
  if s != null
]
for_obj_nl = {
  for k, v in var.map :
  k => v
}
precedence   = 1 + 2 * 3 - 4 / 5 % 6
compare      = a < b || a <= b && a > b || a >= b
equality     = a == b != c
logic        = !a && !!b || -c > 0
neg_num      = -5
neg_float    = -2.5e-3
neg_expr     = -var.x
neg_neg      = - - 5
paren        = (1 + 2) * 3
cond         = var.x ? "a" : "b"
cond_nested  = var.a ? 1 : var.b ? 2 : 3
cond_null    = var.cold ? 30 : null
cond_in_call = max(var.a ? 1 : 2, 3)
dash_ident   = my-var.attr
comment_mid  = /* inline */ 42
ternary_obj  = var.x ? { a = 1 } : { a = 2 }
index_call   = split(",", var.s)[0]
attr_of_call = data.aws_iam_policy_document.assume.json
traversal_kw = var.for.if.in
null_attr    = var.null
true_call    = tostring(true)
numbers      = [0, 1, 42, 1.5, 1e3, 1E-2, 3.25e+2, 1234567890123]
bools        = [true, false, null]
empty_tuple  = []
empty_object = {}
nested       = [[1, [2, [3, {a = [4]}]]], {b = {c = {d = "e"}}}]
one_line_blk { value = 1 }
empty_block {}
labelled "a" b "c" {
  x = 1
}
labelled "a" b "d" {
  x = 2
}
labelled "z" {
  y = 3
}
