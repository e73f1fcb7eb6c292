resource "aws_kms_key" "backup" {
  description = "backup vaults"
}

resource "aws_backup_vault" "locked" {
  name        = "tf-locked"
  kms_key_arn = aws_kms_key.backup.arn
  tags = {
    data = "regulated"
  }
}

resource "aws_backup_vault_lock_configuration" "locked" {
  backup_vault_name  = aws_backup_vault.locked.name
  min_retention_days = 7
  max_retention_days = 365
}

resource "aws_backup_vault_policy" "locked" {
  backup_vault_name = aws_backup_vault.locked.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"]
      Resource  = "*"
    }]
  })
}

resource "aws_backup_vault" "plain" {
  name = "tf-plain"
  tags = {
    data = "regulated"
  }
}

resource "aws_backup_plan" "tf" {
  name = "tf"

  rule {
    rule_name         = "locked"
    target_vault_name = aws_backup_vault.locked.name
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      delete_after = 35
    }
  }

  rule {
    rule_name         = "plain"
    target_vault_name = aws_backup_vault.plain.name
    schedule          = "cron(0 6 * * ? *)"
    lifecycle {
      delete_after = 35
    }
  }
}
