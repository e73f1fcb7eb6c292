# A Terraform module: the plan, its selection and the vaults are linked
# through references, across the files of this folder.
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
}

variable "retention_days" {
  type    = number
  default = 60
}

resource "aws_backup_vault" "main" {
  name = "apps"
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "apps-dr"
}

resource "aws_backup_plan" "apps" {
  name = "apps"

  rule {
    rule_name         = "nightly"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    lifecycle {
      cold_storage_after = 30
      delete_after       = var.retention_days
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
    }
  }
}
