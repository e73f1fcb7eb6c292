# Vaults whose retention bounds the plan in plan.tf respects.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name  = aws_backup_vault.main.name
  min_retention_days = 30
  max_retention_days = 0
}

resource "aws_backup_vault" "archive" {
  name = "archive"
}

resource "aws_backup_vault_lock_configuration" "archive" {
  backup_vault_name  = "archive"
  max_retention_days = 365
}

resource "aws_backup_logically_air_gapped_vault" "lag" {
  name               = "lag"
  min_retention_days = 90
  max_retention_days = 3650
}
