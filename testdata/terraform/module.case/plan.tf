# The plan's Region, its vaults and its selections are in other files of
# the folder: one module.
resource "aws_backup_plan" "tables" {
  name = "tables"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 ? * * *)"

    lifecycle {
      cold_storage_after = 30
      delete_after       = 365
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.main.arn
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.west.arn
    }
  }
}

resource "aws_backup_plan" "other" {
  name = "other"

  rule {
    rule_name         = "weekly"
    target_vault_name = "main"
    schedule          = "cron(0 5 ? * SUN *)"
    lifecycle {
      cold_storage_after = 30
      delete_after       = 365
    }
  }
}
