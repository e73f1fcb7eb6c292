# The literal text of templates against names and ARNs: what the interpolations
# give is unknown, what is written around them is not.
resource "aws_backup_plan" "p" {
  name = "plan ${var.env}"
  rule {
    rule_name         = "daily-${var.env}"
    target_vault_name = "vault:${var.env}"
    schedule          = "cron(0 ${var.hour} ? * * *)"
    copy_action {
      destination_vault_arn = "arn:aws:backup:${var.region}:${data.aws_caller_identity.current.account_id}:backup-vault:${var.name}"
    }
    copy_action {
      destination_vault_arn = "arn:${data.aws_partition.current.partition}:backup:us-east-1:${local.acct}:backup-vault:dr"
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-east-1:123456789012:vault:${var.v}"
    }
  }
}
resource "aws_backup_selection" "s" {
  name         = "${var.name}-selection"
  plan_id      = aws_backup_plan.p.id
  iam_role_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${var.role}"
  resources    = ["arn:aws:rds:${var.region}:${var.account}:db:${var.db}", "arn:aws:dynamodb:*:*:table/${var.prefix}*"]
}
resource "aws_backup_vault" "v" {
  name        = "${var.prefix}${var.name}"
  kms_key_arn = "arn:aws:kms:${var.region}:${var.account}:key/${var.key}"
}

resource "aws_backup_framework" "tpl" {
  name = "${local.name_prefix}-framework"
  control {
    name = "BACKUP_RECOVERY_POINT_ENCRYPTED"
  }
}

resource "aws_backup_report_plan" "tpl" {
  name = "${local.name_prefix}_${each.key}"
  report_delivery_channel {
    s3_bucket_name = "reports"
  }
  report_setting {
    report_template = "BACKUP_JOB_REPORT"
  }
}
