resource "aws_backup_vault" "crlf" {
  name = "crlf-vault" # comment
  tags = {
    a = "b"
  }
  policy = <<EOT
line one
EOT
}
