resource "aws_organizations_policy" "backup" {
  name    = "backup"
  type    = "BACKUP_POLICY"
  content = jsonencode({
    plans = {
      daily = {
        regions = { "@@assign" = ["eu-west-1", "eu-wst-2"] }
        rules = {
          daily = {
            schedule_expression      = { "@@assign" = "cron(0 5 ? * * *)" }
            target_backup_vault_name = { "@@assign" = var.vault }
            lifecycle = {
              move_to_cold_storage_after_days = { "@@assign" = "30" }
              delete_after_days               = { "@@assign" = 60 }
            }
          }
        }
        selections = {
          tags = {
            all = {
              iam_role_arn = { "@@assign" = "arn:aws:iam::$account:role/Backup" }
              tag_key      = { "@@assign" = "backup" }
              tag_value    = { "@@assign" = ["daily"] }
            }
          }
        }
      }
    }
  })
}

resource "aws_organizations_policy" "heredoc" {
  name    = "backup2"
  type    = "BACKUP_POLICY"
  content = <<-EOT
    {
      "plans": {
        "weekly": {
          "regions": {"@@assign": ["eu-west-1"]},
          "rules": {"weekly": {
            "schedule_expression": {"@@assign": "cron(0 5 ? * SUN *)"},
            "target_backup_vault_name": {"@@assign": "Default"},
            "lifecycle": {"delete_after_days": {"@@asign": "35"}}}}
        }
      }
    }
  EOT
}

