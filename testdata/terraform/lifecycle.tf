# Lifecycle arithmetic on aws_backup_plan: names are the provider's.
resource "aws_backup_plan" "example" {
  name = "example"

  rule {
    rule_name         = "too-short"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      cold_storage_after = 30
      delete_after       = 60
    }
  }

  rule {
    rule_name         = "as-strings"
    target_vault_name = "main"
    schedule          = "cron(0 6 * * ? *)"

    lifecycle {
      # Terraform converts "100" to the number 100
      cold_storage_after = "30"
      delete_after       = "100"
    }
  }

  rule {
    rule_name         = "archive-without-cold"
    target_vault_name = "main"
    lifecycle {
      # 0 is "not set" for the provider: nothing moves to cold storage
      cold_storage_after                        = 0
      delete_after                              = 365
      opt_in_to_archive_for_supported_resources = true
    }
  }

  rule {
    rule_name         = "out-of-range"
    target_vault_name = "main"
    lifecycle {
      delete_after = 40000
    }

    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-west-1:123456789012:backup-vault:dr"
      lifecycle {
        cold_storage_after = 10
        delete_after       = 10
      }
    }
  }

  rule {
    # expressions are unknown until terraform plan: never findings
    rule_name         = var.name
    target_vault_name = aws_backup_vault.main.name
    lifecycle {
      cold_storage_after = var.cold
      delete_after       = local.days - 1
    }
  }
}
