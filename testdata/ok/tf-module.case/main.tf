provider "aws" {
  region = "eu-west-1"
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_plan" "main" {
  name = local.name

  dynamic "rule" {
    for_each = local.rules
    content {
      rule_name         = rule.value.name
      target_vault_name = aws_backup_vault.main.name
      schedule          = rule.value.schedule
      lifecycle {
        delete_after = rule.value.delete
      }
    }
  }

  rule {
    rule_name         = "monthly"
    target_vault_name = aws_backup_vault.main.name
    schedule          = coalesce(var.monthly_schedule, "cron(0 7 1 * ? *)")
    copy_action {
      destination_vault_arn = var.dr_vault_arn
    }
    lifecycle {
      cold_storage_after = 30
      delete_after       = var.retention_days
    }
  }
}

resource "aws_backup_selection" "efs" {
  name         = "efs"
  plan_id      = aws_backup_plan.main.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = local.efs
}
