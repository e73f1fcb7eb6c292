resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault" "west" {
  provider = aws.west
  name     = "west"
}
