# Arguments and blocks of the AWS Backup resources (BKP101-BKP109).
resource "aws_backup_plan" "daily" {
  name = "daily"
  count = 1

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    start_window      = "sixty"
    completion_window = 1.5
    enable_continuous_backup = "yes"
    recovery_point_tags = ["a"]
    schedul = "cron(0 5 ? * * *)"
    DeleteAfterDays = 30

    lifecycle {
      cold_storage_afer = 30
      delete_after      = 365
    }
    lifecycle {
      delete_after = 400
    }

    copy_action {
      lifecycle {
        delete_after = var.days
      }
    }
  }

  rule = []

  advanced_backup_setting {
    backup_options = { WindowsVSS = "enabled" }
    resource_type  = "S3"
  }

  tags {
    Name = "daily"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_backup_selection" "sel" {
  name         = "my selection"
  iam_role_arn = "arn:aws:iam::123456789012:user/backup"
  plan_id      = aws_backup_plan.daily.id
  resources    = "arn:aws:ec2:us-east-1:123456789012:volume/vol-1"

  selection_tag {
    type  = "StringEquals"
    key   = "backup"
  }

  condition {
    string_equal {
      key   = "aws:ResourceTag/env"
      value = "prod"
    }
  }

  dynamic "selection_tags" {
    for_each = var.tags
    content {
      type  = "STRINGEQUALS"
      key   = selection_tags.key
      value = selection_tags.value
    }
  }
}

resource "aws_backup_vault" "main" {
  name        = "main vault"
  kms_key_arn = "arn:aws:kms:us-east-1:123456789012:alias/backup"
  arn         = "x"
  force_destroy = "maybe"
}

resource "aws_backup_vault_lock_configuration" "lock" {
  backup_vault_name   = aws_backup_vault.main.name
  changeable_for_days = 1
  min_retention_days  = 0
  max_retention_days  = 40000
}

resource "aws_backup_logically_air_gapped_vault" "lag" {
  name               = "lag"
  min_retention_days = 3
}

resource "aws_backup_framework" "fw" {
  name        = "1framework"
  description = "checks"

  control {
    input_parameter {
      name  = "requiredRetentionDays"
      value = "35"
    }
    scope {
      compliance_resource_types = ["EBS"]
    }
  }
}

resource "aws_backup_plan" "twice" {
  name = "twice"
  rule {
    rule_name         = "daily"
    target_vault_name = "main"
  }
  rule {
    rule_name         = "daily"
    target_vault_name = "other"
  }
  rule "weekly" {
    rule_name         = "weekly"
    target_vault_name = "main"
  }
}

resource "aws_backup_vault_notifications" "events" {
  backup_vault_name   = "main"
  sns_topic_arn       = "arn:aws:sns:us-east-1:123456789012:backup"
  backup_vault_events = ["BACKUP_JOB_STARTED", "BACKUP_JOB_FAILD"]
}

resource "aws_backup_region_settings" "opt_in" {
  resource_type_opt_in_preference = {
    "DynamoDB" = "yes"
    EFS        = true
  }
}

resource "aws_backup_global_settings" "global" {
  global_settings = {
    isCrossAccountBackupEnabled = true
  }
  region = "us-east-1"
}

resource "aws_backup_restore_testing_plan" "rt" {
  name                = "restore-test"
  schedule_expression = "cron(0 12 ? * * *)"
  start_window_hours  = 200
  recovery_point_selection {
    algorithm            = "LATEST"
    include_vaults       = ["*"]
    recovery_point_types = ["SNAPSHOT", "CONTINOUS"]
  }
}

resource "aws_backup_report_plan" "report" {
  name = "jobs"
  report_delivery_channel {
    s3_bucket_name = "reports"
    formats        = ["CSV", "XML"]
  }
}

resource "aws_backup_plans" "typo" {
  name = "typo"
}

resource "aws_backup_vault_tiering" "newer" {
  name = "a type of a newer provider, maybe"
}
