# Fix-its on Terraform: misspelt arguments renamed, a map written as a block.
resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 5 ? * * *)"
    start_window       = 60

    lifecycle {
      cold_storage_after = 30
      delete_after      = 365
    }
  }

  tags = {
    Name = "daily"
  }
}
