provider "aws" {
  region = "us-east-1"
}

# frequency: undecided (schedule from a variable); retention: good;
# cross-Region: good; cross-account: bad
resource "aws_backup_plan" "from_var" {
  name = "from-var"

  rule {
    rule_name         = "set-at-apply"
    target_vault_name = "Default"
    schedule          = var.schedule
    lifecycle {
      delete_after = 30
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-west-2:111122223333:backup-vault:dr"
    }
  }
}
