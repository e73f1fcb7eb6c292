variable "vault_name" {
  type    = string
  default = "central"
}

resource "aws_organizations_policy" "backup" {
  name = "org-backup"
  type = "BACKUP_POLICY"
  content = jsonencode({
    plans = {
      nightly = {
        regions = { "@@assign" = ["eu-west-1", "eu-central-1"] }
        rules = {
          nightly = {
            schedule_expression      = { "@@assign" = "cron(0 2 ? * * *)" }
            target_backup_vault_name = { "@@assign" = var.vault_name }
            lifecycle = {
              delete_after_days = { "@@assign" = "35" }
            }
            copy_actions = {
              "arn:aws:backup:eu-north-1:$account:backup-vault:dr" = {
                target_backup_vault_arn = { "@@assign" = "arn:aws:backup:eu-north-1:$account:backup-vault:dr" }
                lifecycle = {
                  delete_after_days = { "@@assign" = "35" }
                }
              }
            }
          }
        }
        selections = {
          resources = {
            volumes = {
              iam_role_arn   = { "@@assign" = "arn:aws:iam::$account:role/Backup" }
              resource_types = { "@@assign" = ["arn:aws:ec2:*:*:volume/*"] }
            }
          }
        }
      }
    }
  })
}

resource "aws_organizations_policy" "weekly" {
  name    = "org-backup-weekly"
  type    = "BACKUP_POLICY"
  content = <<EOT
{
  "plans": {
    "weekly": {
      "regions": {"@@assign": ["us-east-1"]},
      "rules": {"weekly": {
        "schedule_expression": {"@@assign": "cron(0 5 ? * SUN *)"},
        "target_backup_vault_name": {"@@assign": "Default"},
        "lifecycle": {"delete_after_days": {"@@assign": "35"}}}},
      "selections": {"tags": {"weekly": {
        "iam_role_arn": {"@@assign": "arn:aws:iam::$account:role/Backup"},
        "tag_key": {"@@assign": "backup"},
        "tag_value": {"@@assign": ["weekly"]}}}}
    }
  }
}
EOT
}

resource "aws_organizations_policy" "tags" {
  name    = "tags"
  type    = "TAG_POLICY"
  content = jsonencode({ tags = { team = { tag_key = { "@@assign" = "Team" } } } })
}

# Built from variables: the operators may come with them, nothing is said.
resource "aws_organizations_policy" "from_variables" {
  name = "org-backup-vars"
  type = "BACKUP_POLICY"
  content = jsonencode({
    plans = {
      for name, plan in var.plans : name => {
        regions = plan.regions
        rules   = plan.rules
      }
    }
  })
}
