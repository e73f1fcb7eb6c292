# One instance of a vault with count: its lock bounds the rules that name that instance.
resource "aws_backup_vault" "rds" {
  count = var.env == "dev" ? 1 : 0
  name  = "rds-vault"
}
resource "aws_backup_vault_lock_configuration" "rds" {
  count               = var.env == "dev" ? 1 : 0
  backup_vault_name   = aws_backup_vault.rds[0].name
  min_retention_days  = 7
  max_retention_days  = 8
  changeable_for_days = 365
}
resource "aws_backup_plan" "rds" {
  count = var.env == "dev" ? 1 : 0
  name  = "rds-plan"
  rule {
    rule_name         = "daily-backup"
    target_vault_name = aws_backup_vault.rds[0].name
    schedule          = "cron(0 7 * * ? *)"
    lifecycle {
      delete_after = 14
    }
  }
  rule {
    rule_name         = "other-instance"
    target_vault_name = aws_backup_vault.rds[1].name
    schedule          = "cron(0 17 * * ? *)"
    lifecycle {
      delete_after = 14
    }
  }
}
