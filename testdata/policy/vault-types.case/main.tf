# Terraform: the same scope. "archive" holds DynamoDB recovery points only;
# "ledger" RDS ones, and the DynamoDB copies.
resource "aws_backup_vault" "archive" {
  name = "archive"
}

resource "aws_backup_vault" "ledger" {
  name = "ledger"
}

resource "aws_backup_plan" "tables" {
  name = "tables"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.archive.name
    schedule          = "cron(0 3 * * ? *)"
    lifecycle {
      delete_after = 35
    }
    copy_action {
      destination_vault_arn = aws_backup_vault.ledger.arn
    }
  }
}

resource "aws_backup_selection" "tables" {
  name         = "tables"
  plan_id      = aws_backup_plan.tables.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = ["arn:aws:dynamodb:us-east-1:111122223333:table/orders"]
}

resource "aws_backup_plan" "ledger" {
  name = "ledger"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.ledger.name
    schedule          = "cron(0 3 * * ? *)"
    lifecycle {
      delete_after = 35
    }
  }
}

resource "aws_backup_selection" "ledger" {
  name         = "ledger"
  plan_id      = aws_backup_plan.ledger.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = ["arn:aws:rds:us-east-1:111122223333:db:ledger"]
}
