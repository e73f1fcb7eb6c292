resource "aws_backup_plan" "vars" {
  name = "${local.prefix}-${local.env}"

  rule {
    rule_name         = format("%s-monthly", local.prefix)
    target_vault_name = "v"
    schedule          = "cron(0 5 1 * ? *)"
    lifecycle {
      cold_storage_after = var.cold_days
      delete_after       = var.retention_days
    }
  }

  rule {
    rule_name         = "weekly"
    target_vault_name = "v"
    schedule          = "cron(0 5 ? * SUN *)"
    lifecycle {
      cold_storage_after = coalesce(null, var.cold_days)
      delete_after       = var.weekly_days
    }
  }
}

resource "aws_backup_plan" "functions" {
  name = "functions"

  rule {
    rule_name         = "hourly"
    target_vault_name = "v"
    schedule          = "cron(0 * * * ? *)"
    start_window      = min(local.windows[0], local.windows[2])
    completion_window = max(local.windows[2], 5) - length(local.windows)
    lifecycle {
      cold_storage_after = local.settings.cold_storage_after
      delete_after       = try(local.settings.missing, local.settings["delete_after"])
    }
  }

  rule {
    rule_name         = "loop"
    target_vault_name = "v"
    schedule          = "cron(0 6 * * ? *)"
    start_window      = min(local.windows...) # an expanded call: unknown
    lifecycle {
      cold_storage_after = 30
      delete_after       = local.loop
    }
  }
}

resource "aws_backup_plan" "dynamic" {
  name = "dynamic"

  dynamic "rule" {
    for_each = local.rules
    content {
      rule_name         = rule.value.name
      target_vault_name = "v"
      schedule          = rule.value.schedule
      lifecycle {
        cold_storage_after = rule.value.cold
        delete_after       = rule.value.delete
      }
    }
  }
}

# for_each over a collection known when Terraform plans: nothing inside
# is reported
resource "aws_backup_plan" "unknown" {
  name = "unknown"

  dynamic "rule" {
    for_each = var.rules
    content {
      rule_name         = "x"
      target_vault_name = "v"
      schedule          = "cron(0 5 * * ? *)"
      lifecycle {
        cold_storage_after = 30
        delete_after       = 31
      }
    }
  }
}

resource "aws_backup_plan" "each" {
  for_each = { gold = 35, silver = 400 }
  name     = "plan-${each.key}"

  rule {
    rule_name         = each.key
    target_vault_name = "v"
    schedule          = "cron(0 7 * * ? *)"
    lifecycle {
      cold_storage_after = 30
      delete_after       = each.value
    }
  }
}

# count = 0: no such resource
resource "aws_backup_plan" "off" {
  count = 0
  name  = "off"

  rule {
    rule_name         = "off"
    target_vault_name = "v"
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      cold_storage_after = 30
      delete_after       = 31
    }
  }
}

resource "aws_backup_selection" "caller" {
  name         = "caller"
  plan_id      = aws_backup_plan.vars.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = var.resources
}

resource "aws_backup_plan" "defaults" {
  name = "defaults"

  dynamic "rule" {
    for_each = var.default_rules
    iterator = r
    content {
      rule_name         = r.value.name
      target_vault_name = "v"
      schedule          = "cron(0 8 * * ? *)"
      lifecycle {
        cold_storage_after = r.value.cold
        delete_after       = r.value.delete
      }
    }
  }
}
