# Valid oddities: unicode names, legacy index with an exponent, tabs,
# empty strings and heredocs, comments everywhere, keywords as names.
日本 = "名前"
café = café.menu
a-b-c = a-b-c - 1
idx_exp = x.1e2
tabs	=	[	1	,	2	]
x = /* a */ [ /* b */ 1 /* c */ , /* d */ ] /* e */
y = { # c
  /* d */ a /* e */ = /* f */ 1 # g
}
empty_str = ""
empty_tmpl = "${""}"
for = 1
in = 2
if = 3
endif = "%{if true}%{endif}"
null_key = { null = 1, true = 2, false = 3 }
neg_zero = -0
deep = [[[[[[[[[[1]]]]]]]]]]
long_chain = a.b.c.d.e.f.g.h[0][1]["x"].*.y
mixed = a[*].b.*.c
calls = f(g(h(i(1))))
str_ops = "a" == "b" || "c" != "d"
heredoc_in_list = [<<EOT
one
EOT
, <<-EOT
    two
    EOT
]
obj_heredoc = {
  k = <<EOT
v
EOT
}
cond_paren = (a ? b : c) ? (d) : (e)
not_not = !(!a)
dollar_end = "ends with $"
percent_end = "ends with %"
strip_only = "${~ "x" ~}"
template_empty_if = "%{ if a }%{ else }%{ endif }"
block_label_kw "if" for {
}
