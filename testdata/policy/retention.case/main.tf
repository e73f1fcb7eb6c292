resource "aws_backup_plan" "short" {
  name = "short"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      delete_after = 14
    }
  }
}

resource "aws_backup_plan" "long" {
  name = "long"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      delete_after = var.days
    }
  }
}
