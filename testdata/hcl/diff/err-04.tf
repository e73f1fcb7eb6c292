a = <<EOT
hi
EOT