# The source Region comes from the literal provider; a copy to a vault of
# an aliased provider goes to that provider's Region.
provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "dr"
  region = "cn-north-1"
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}

resource "aws_backup_plan" "copy" {
  name = "copy"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 5 * * ? *)"

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-east-1:123456789012:backup-vault:other"
    }
  }
}
