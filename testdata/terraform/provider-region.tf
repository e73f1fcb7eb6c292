# The source Region of a literal provider block is checked like an ARN's.
provider "aws" {
  region = "eu-west-9"
}
resource "aws_backup_plan" "p" {
  name = "p"
  rule {
    rule_name = "r"
    target_vault_name = "vault"
  }
}
