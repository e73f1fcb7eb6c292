# Suppressions are # comments; a // comment holds none.
resource "aws_backup_plan" "suppressed" {
  name = "suppressed"
  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    lifecycle {
      cold_storage_after = 30
      delete_after       = 60 # backuplint: disable=BKP501 -- ticket OPS-1
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-west-1:123456789012:backup-vault:dr"
      lifecycle {
        cold_storage_after = 30
        // backuplint: disable=BKP501
        delete_after = 60
      }
    }
  }
  rule {
    rule_name         = "forever"
    target_vault_name = "main"
    lifecycle {
      # backuplint: disable=BKP502
      delete_after = 40000
    }
  }
}
