provider "aws" {
  region = "us-east-1"
}

resource "aws_backup_plan" "dr" {
  name = "dr"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      delete_after = 35
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-east-1:444455556666:backup-vault:dr"
    }
  }
}

resource "aws_backup_selection" "dr" {
  name         = "dr"
  plan_id      = aws_backup_plan.dr.id
  iam_role_arn = "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole"
  resources    = ["arn:aws:rds:us-east-1:111122223333:cluster:orders"]
}
