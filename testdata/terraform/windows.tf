# Windows: the provider sends start_window 60 and completion_window 180
# when they are absent, not the API's defaults.
resource "aws_backup_plan" "windows" {
  name = "windows"

  rule {
    rule_name         = "late-start"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * ? *)"
    start_window      = 240
  }

  rule {
    rule_name         = "too-early"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * ? *)"
    start_window      = 30
    completion_window = 20
  }

  rule {
    rule_name         = "bad-cron"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * * *)"
  }
}
