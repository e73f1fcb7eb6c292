provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = "cn-north-1"
}

# Resource types from references, a copy from a dynamic block to a vault of
# an aliased provider, a selection linked by plan_id.
locals {
  tables = [aws_dynamodb_table.orders.arn]
  copies = [aws_backup_vault.dr.arn]
}

resource "aws_backup_plan" "tables" {
  name = "tables"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      cold_storage_after = 30
      delete_after       = 365
    }

    dynamic "copy_action" {
      for_each = local.copies
      content {
        destination_vault_arn = copy_action.value
      }
    }
  }
}

resource "aws_backup_selection" "tables" {
  name         = "tables"
  plan_id      = aws_backup_plan.tables.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = concat(local.tables, [data.aws_s3_bucket.logs.arn, aws_instance.web[0].arn])
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}
