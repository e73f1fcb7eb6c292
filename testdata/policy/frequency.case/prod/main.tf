resource "aws_backup_plan" "monthly" {
  name = "monthly"

  rule {
    rule_name         = "monthly"
    target_vault_name = "Default"
    schedule          = "cron(0 8 1 * ? *)"
    lifecycle {
      delete_after = 400
    }
  }
}

resource "aws_backup_plan" "hourly" {
  name = "hourly"

  rule {
    rule_name         = "hourly"
    target_vault_name = "Default"
    schedule          = "cron(30 * * * ? *)"
    lifecycle {
      delete_after = 35
    }
  }
}
