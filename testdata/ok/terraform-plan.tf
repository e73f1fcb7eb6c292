// A valid module: provider defaults, unknown expressions, 0 as "not set".
provider "aws" {
  region = "eu-west-1"
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault" "dr" {
  name = "dr"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name                    = "daily"
    target_vault_name            = aws_backup_vault.main.name
    schedule                     = "cron(0 5 ? * * *)"
    schedule_expression_timezone = "Europe/Paris"
    start_window                 = 120
    completion_window            = 1440
    enable_continuous_backup     = false

    lifecycle {
      cold_storage_after = 0
      delete_after       = 120
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
      lifecycle {
        cold_storage_after = 0
        delete_after       = "35"
      }
    }
  }

  rule {
    rule_name         = "monthly"
    target_vault_name = "main"
    schedule          = "cron(0 3 1 * ? *)"
    lifecycle {
      delete_after = 35
    }
  }

  dynamic "rule" {
    for_each = var.rules
    content {
      rule_name         = rule.value.name
      target_vault_name = rule.value.vault
      lifecycle {
        cold_storage_after = rule.value.cold
        delete_after       = rule.value.delete
      }
    }
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = aws_iam_role.backup.arn

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}
