# A vault, a plan with two rules and a selection: the common module shape.
terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
}

resource "aws_kms_key" "backup" {
  description             = "Backup vault key"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_backup_vault" "main" {
  name        = "${var.prefix}-backup-vault"
  kms_key_arn = aws_kms_key.backup.arn
  force_destroy = false
  tags = {
    Environment = var.environment
    "cost-center" = "1234"
  }
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "${var.prefix}-dr-vault"
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name   = aws_backup_vault.main.name
  changeable_for_days = 3
  max_retention_days  = 1200
  min_retention_days  = 7
}

resource "aws_backup_plan" "daily" {
  name = "daily-and-monthly"

  rule {
    rule_name                    = "daily"
    target_vault_name            = aws_backup_vault.main.name
    schedule                     = "cron(0 5 ? * * *)"
    schedule_expression_timezone = "Europe/Dublin"
    start_window                 = 60
    completion_window            = 180
    enable_continuous_backup     = false

    lifecycle {
      cold_storage_after = 30
      delete_after       = 120
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
      lifecycle {
        delete_after = 35
      }
    }

    recovery_point_tags = {
      Rule = "daily"
    }
  }

  rule {
    rule_name         = "monthly"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 1 * ? *)"
    lifecycle { delete_after = 365 }
  }

  advanced_backup_setting {
    backup_options = {
      WindowsVSS = "enabled"
    }
    resource_type = "EC2"
  }

  tags = local.common_tags
}

resource "aws_backup_selection" "tagged" {
  iam_role_arn = aws_iam_role.backup.arn
  name         = "tagged-resources"
  plan_id      = aws_backup_plan.daily.id

  resources = [
    "arn:aws:ec2:*:*:volume/*",
    aws_dynamodb_table.orders.arn,
    aws_efs_file_system.shared.arn,
  ]
  not_resources = []

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "true"
  }

  condition {
    string_equals {
      key   = "aws:ResourceTag/Component"
      value = "rds"
    }
    string_not_like {
      key   = "aws:ResourceTag/Temp"
      value = "yes*"
    }
  }
}

resource "aws_backup_framework" "compliance" {
  name        = "compliance_framework"
  description = "Backup compliance"

  control {
    name = "BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK"
    input_parameter {
      name  = "requiredRetentionDays"
      value = "35"
    }
  }

  control {
    name = "BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK"
    scope {
      compliance_resource_types = ["EBS", "RDS"]
    }
  }
}

resource "aws_backup_logically_air_gapped_vault" "airgap" {
  name               = "airgap-vault"
  max_retention_days = 365
  min_retention_days = 7
}

output "plan_arn" {
  value       = aws_backup_plan.daily.arn
  description = "The plan's ARN"
}
