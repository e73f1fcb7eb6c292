resource "aws_backup_plan" "dynamic" {
  for_each = var.plans
  name     = "plan-${each.key}"

  dynamic "rule" {
    for_each = each.value.rules
    content {
      rule_name         = rule.value.name
      target_vault_name = aws_backup_vault.main.name
      schedule          = rule.value.schedule
      start_window      = lookup(rule.value, "start_window", null)

      dynamic "lifecycle" {
        for_each = rule.value.delete_after != null ? [1] : []
        content {
          cold_storage_after = try(rule.value.cold_storage_after, null)
          delete_after       = rule.value.delete_after
        }
      }

      dynamic "copy_action" {
        for_each = toset(rule.value.copy_to)
        iterator = dest
        content {
          destination_vault_arn = dest.value
        }
      }
    }
  }
}

resource "aws_backup_selection" "counted" {
  count        = var.enabled ? length(var.selections) : 0
  name         = "selection-${count.index}"
  plan_id      = aws_backup_plan.dynamic["main"].id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = var.selections[count.index].arns

  lifecycle {
    create_before_destroy = true
    ignore_changes        = [resources, tags["Owner"]]
  }

  depends_on = [aws_backup_vault.main, aws_iam_role_policy_attachment.backup]
}

module "backup" {
  source  = "cloudposse/backup/aws"
  version = "1.0.0"

  for_each = { for k, v in var.plans : k => v if v.enabled }
  name     = each.key
  rules    = each.value.rules
  providers = {
    aws = aws.dr
  }
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
