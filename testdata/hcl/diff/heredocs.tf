plain = <<EOT
hello
  world
EOT

indented = <<-EOT
    first
      second
    third
    EOT

blank_lines = <<-EOT
    a

    b
      
    c
  EOT

tabs = <<-EOT
		one
	two
	EOT

interp = <<EOT
value: ${var.x}
list: ${join(", ", var.list)}
EOT

flush_interp = <<-EOT
    a ${b}
   ${c}
    d
    EOT

nested = <<EOT
outer ${<<-EOT
    inner ${var.y}
    EOT
} after
EOT

nested_other = <<OUTER
start ${upper(<<INNER
inner text
INNER
)}
end
OUTER

directives = <<EOT
%{ for name, cfg in var.rules ~}
rule ${name}: %{ if cfg.enabled }on%{ else }off%{ endif }
%{ endfor ~}
done
EOT

strip_flush = <<-EOT
    ${x ~}
      y
    z
    EOT

marker_indent = <<EOT
  text
  EOT

escapes_in_heredoc = <<EOT
no \n escapes here, $${literal} and %%{literal}, $ and % alone
EOT

empty = <<EOT
EOT

call_arg = jsonencode(<<EOT
{"a": 1}
EOT
)

unicode_flush = <<-EOT
  unicode: héllo wörld ✓
  EOT
