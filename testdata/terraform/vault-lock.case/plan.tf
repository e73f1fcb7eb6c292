resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 ? * * *)"

    lifecycle {
      delete_after = 7
    }

    copy_action {
      destination_vault_arn = aws_backup_logically_air_gapped_vault.lag.arn
      lifecycle {
        delete_after = 30
      }
    }
  }

  rule {
    rule_name         = "yearly"
    target_vault_name = "archive"
    schedule          = "cron(0 12 1 1 ? *)"

    lifecycle {
      delete_after = 3650
    }
  }

  rule {
    rule_name         = "air-gapped"
    target_vault_name = "archive"
    schedule          = "cron(0 18 ? * * *)"
    target_logically_air_gapped_backup_vault_arn = aws_backup_logically_air_gapped_vault.lag.arn

    lifecycle {
      delete_after = 30
    }
  }
}
