simple       = "hello"
interp       = "vault-${var.name}"
only         = "${var.name}"
only_number  = "${42}"
only_bool    = "${true}"
nested_tmpl  = "a-${join("-", ["${var.x}", "b"])}"
brace_in     = "${ {a = 1}.a }"
quote_brace  = "${ lookup(m, "k", "}") }"
hash         = "a#b // not a comment /* nor this */"
url          = "https://example.com/x"
dollar       = "$${literal} and %%{directive} and $5 and 50%"
escapes      = "tab\there\nline \"quoted\" back\\slash \u00e9 \U0001F600"
strip        = "a   ${~ var.x ~}   b"
strip_dir    = "x  %{~ if var.c ~}  y  %{~ else ~}  z  %{~ endif ~}  w"
if_only      = "%{ if var.c }yes%{ endif }"
for_tmpl     = "%{ for i, v in var.l }${i}=${v},%{ endfor }"
for_nested   = "%{ for v in var.l }%{ if v != "" }[${v}]%{ endif }%{ endfor }"
interp_str   = "${"inner"}"
interp_tmpl  = "a${"b${c}d"}e"
comment_in   = "${ # comment
  var.x
}"
multi_line_interp = "${
  join(",",
    var.list)
}"
empty        = ""
cron         = "cron(0 5 ? * * *)"
arn          = "arn:aws:backup:eu-west-1:123456789012:backup-vault:Default"
unicode      = "ünïcödé ✓ 日本"
keys = {
  "${var.env}-x" = 1
  "plain"        = 2
  "SAP HANA on Amazon EC2" = false
}
numbers_in_text = "${1e40}|${1.50}|${1e-2}|${007}|${12.345e1}|${-3}|${2.5e-3}"
