# Every AWS Backup resource the schema family checks, written as the
# provider accepts it: meta-arguments, dynamic blocks, conversions, nulls.
resource "aws_backup_vault" "main" {
  name          = "main"
  kms_key_arn   = ""
  force_destroy = "true"
  tags          = { Team = "ops" }
  timeouts {
    delete = "20m"
  }
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name   = aws_backup_vault.main.name
  changeable_for_days = 3
  min_retention_days  = 0
  max_retention_days  = "3650"
}

resource "aws_backup_logically_air_gapped_vault" "lag" {
  for_each           = toset(["a"])
  name               = "lag-${each.key}"
  min_retention_days = 7
  max_retention_days = 365
  encryption_key_arn = null
}

resource "aws_backup_plan" "daily" {
  count    = var.enabled ? 1 : 0
  name     = "daily"
  provider = aws.west

  rule {
    rule_name                    = "daily"
    target_vault_name            = aws_backup_vault.main.name
    schedule                     = "cron(0 5 ? * * *)"
    schedule_expression_timezone = "Europe/Paris"
    start_window                 = "60"
    completion_window            = 180
    enable_continuous_backup     = false
    recovery_point_tags          = merge(var.tags, { Plan = "daily" })
    target_logically_air_gapped_backup_vault_arn = ""

    lifecycle {
      delete_after                              = 35
      opt_in_to_archive_for_supported_resources = "false"
    }

    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-west-1:123456789012:backup-vault:dr"
      lifecycle {
        cold_storage_after = 0
        delete_after       = var.copy_days
      }
    }

    scan_action {
      malware_scanner = "GUARDDUTY"
      scan_mode       = "INCREMENTAL_SCAN"
    }
  }

  dynamic "rule" {
    for_each = var.rules
    iterator = r
    content {
      rule_name         = r.value.name
      target_vault_name = r.value.vault
      lifecycle {
        delete_after = lookup(r.value, "delete_after", null)
      }
      dynamic "copy_action" {
        for_each = r.value.copies
        content {
          destination_vault_arn = copy_action.value
        }
      }
    }
  }

  advanced_backup_setting {
    backup_options = { WindowsVSS = "enabled" }
    resource_type  = "EC2"
  }

  scan_setting {
    malware_scanner  = "GUARDDUTY"
    resource_types   = ["EBS", "S3"]
    scanner_role_arn = "arn:aws:iam::123456789012:role/scanner"
  }

  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags]
  }

  depends_on = [aws_backup_vault.main]
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged-${var.env}"
  plan_id      = aws_backup_plan.daily[0].id
  iam_role_arn = "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole"
  resources    = ["*"]
  not_resources = []

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = true
  }

  condition {
    string_equals {
      key   = "aws:ResourceTag/env"
      value = "prod"
    }
    string_not_like {
      key   = "aws:ResourceTag/tier"
      value = "dev*"
    }
  }

  dynamic "selection_tag" {
    for_each = var.tags
    content {
      type  = "STRINGEQUALS"
      key   = selection_tag.key
      value = selection_tag.value
    }
  }
}

resource "aws_backup_framework" "fw" {
  name        = "policy_framework"
  description = "checks"

  control {
    name = "BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK"
    input_parameter {
      name  = "requiredRetentionDays"
      value = 35
    }
    scope {
      compliance_resource_types = ["EBS"]
      tags                      = { backup = "yes" }
    }
  }

  timeouts {
    create = "3m"
  }
}

# Templates whose literal text fits: never judged by what they interpolate.
resource "aws_backup_selection" "templated" {
  name         = "${var.name}-selection"
  plan_id      = aws_backup_plan.daily[0].id
  iam_role_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${var.role}"
  resources = [
    "arn:aws:rds:${var.region}:${var.account}:db:${var.db}",
    "arn:${data.aws_partition.current.partition}:dynamodb:*:*:table/${var.prefix}*",
    "arn:aws:ec2:${var.region}:${var.account}:volume/%{if var.all}*%{else}${var.vol}%{endif}",
  ]
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "aws:ResourceTag/${var.tag}"
    value = "${var.value}"
  }
}

resource "aws_backup_report_plan" "jobs" {
  name        = "backup_jobs"
  description = "daily job report"
  report_delivery_channel {
    s3_bucket_name = "reports"
    s3_key_prefix  = "backup"
    formats        = ["CSV", "JSON"]
  }
  report_setting {
    report_template      = "BACKUP_JOB_REPORT"
    regions              = ["eu-west-1"]
    number_of_frameworks = "1"
  }
}

resource "aws_backup_restore_testing_plan" "rt" {
  name                = "restore_test"
  schedule_expression = "cron(0 12 ? * * *)"
  start_window_hours  = 24
  recovery_point_selection {
    algorithm             = "RANDOM_WITHIN_WINDOW"
    include_vaults        = ["*"]
    recovery_point_types  = ["SNAPSHOT"]
    selection_window_days = 7
  }
}

resource "aws_backup_restore_testing_selection" "rt" {
  name                      = "ec2_selection"
  restore_testing_plan_name = aws_backup_restore_testing_plan.rt.name
  protected_resource_type   = "EC2"
  iam_role_arn              = "arn:aws:iam::123456789012:role/restore"
  validation_window_hours   = 2
  protected_resource_conditions {
    string_equals {
      key   = "aws:ResourceTag/restore"
      value = "yes"
    }
  }
  restore_metadata_overrides = { instanceType = "t3.micro" }
}
