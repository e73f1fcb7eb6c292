resource "aws_organizations_policy" "backup" {
  name = "org-backup-policy"
  type = "BACKUP_POLICY"
  content = jsonencode({
    plans = {
      daily = {
        regions = { "@@assign" = ["eu-west-1", "eu-central-1"] }
        rules = {
          daily = {
            schedule_expression = { "@@assign" = "cron(0 5 ? * * *)" }
            target_backup_vault_name = { "@@assign" = "Default" }
            lifecycle = {
              delete_after_days = { "@@assign" = "35" }
            }
            copy_actions = {
              "arn:aws:backup:eu-central-1:$account:backup-vault:Default" = {
                target_backup_vault_arn = {
                  "@@assign" = "arn:aws:backup:eu-central-1:$account:backup-vault:Default"
                }
              }
            }
          }
        }
        selections = {
          tags = {
            all = {
              iam_role_arn = { "@@assign" = "arn:aws:iam::$account:role/Backup" }
              tag_key      = { "@@assign" = "backup" }
              tag_value    = { "@@assign" = ["true"] }
            }
          }
        }
      }
    }
  })
}

resource "aws_organizations_policy" "heredoc" {
  name    = "heredoc-policy"
  type    = "BACKUP_POLICY"
  content = <<EOF
{
  "plans": {
    "weekly": {
      "regions": {"@@assign": ["${var.region}"]},
      "rules": {"weekly": {"schedule_expression": {"@@assign": "cron(0 5 ? * SAT *)"}}}
    }
  }
}
EOF
}

resource "aws_organizations_policy" "from_file" {
  name    = "file-policy"
  type    = "BACKUP_POLICY"
  content = file("${path.module}/policy.json")
}

resource "aws_iam_role" "backup" {
  name               = "backup-role"
  assume_role_policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"Service": "backup.amazonaws.com"},
          "Action": "sts:AssumeRole"
        }
      ]
    }
  POLICY
}

resource "aws_iam_role" "backup_json" {
  name = "backup-role-json"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = ["backup.amazonaws.com", "restore.amazonaws.com"] }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["backup.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}
