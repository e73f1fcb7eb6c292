resource "aws_backup_plan" "good" {
  name = "good"

  rule {
    rule_name         = "nightly"
    target_vault_name = "Default"
    schedule          = "cron(0 1 * * ? *)"

    lifecycle {
      delete_after = 35
    }
  }
}
