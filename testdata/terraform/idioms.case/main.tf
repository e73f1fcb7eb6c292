locals {
  rule = var.rule_name == null ? [] : [{
    name     = var.rule_name
    schedule = "cron(0 1 * * ? *)"
  }]
  rules  = concat(local.rule, var.rules)
  create = var.enabled && length(local.rules) > 0
}

resource "aws_backup_plan" "this" {
  count = local.create ? 1 : 0
  name  = coalesce(null, "plan-${var.enabled ? "on" : "off"}")

  dynamic "rule" {
    for_each = local.rules
    content {
      rule_name         = try(rule.value.name, null)
      target_vault_name = try(rule.value.target_vault_name, "Default")
      schedule          = try(rule.value.schedule, null)
      start_window      = try(rule.value.start_window, null)

      dynamic "lifecycle" {
        for_each = length(try(rule.value.lifecycle, {})) == 0 ? [] : [rule.value.lifecycle]
        content {
          cold_storage_after = try(lifecycle.value.cold_storage_after, var.default_cold_storage_after)
          delete_after       = try(lifecycle.value.delete_after, var.default_delete_after)
        }
      }

      dynamic "copy_action" {
        for_each = try(rule.value.copy_actions, [])
        content {
          destination_vault_arn = try(copy_action.value.destination_vault_arn, null)
          dynamic "lifecycle" {
            for_each = length(try(copy_action.value.lifecycle, {})) == 0 ? [] : [copy_action.value.lifecycle]
            content {
              cold_storage_after = try(lifecycle.value.cold_storage_after, null)
              delete_after       = try(lifecycle.value.delete_after, var.default_delete_after)
            }
          }
        }
      }
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.rules) > 0
      error_message = "no rules"
    }
  }
}
