resource "aws_backup_plan" "bombs" {
  name = local.s40

  dynamic "rule" {
    for_each = local.l40
    content {
      rule_name         = rule.value
      target_vault_name = local.j
      schedule          = "cron(0 5 * * ? *)"
      lifecycle {
        cold_storage_after = 30
        delete_after       = local.n
      }
    }
  }

  rule {
    rule_name         = "deep"
    target_vault_name = "v"
    schedule          = "cron(0 6 * * ? *)"
    lifecycle {
      cold_storage_after = local.a
      delete_after       = local.d300
    }
  }

  rule {
    rule_name         = "self"
    target_vault_name = "v"
    schedule          = "cron(0 7 * * ? *)"
    lifecycle {
      cold_storage_after = 30
      delete_after       = length(local.f) + length(local.self)
    }
  }
}
