rules = [
  {
    name     = "daily"
    schedule = "cron(0 5 * * ? *)"
    lifecycle = {
      cold_storage_after = 30
    }
    copy_actions = [
      {
        destination_vault_arn = "arn:aws:backup:us-west-2:123456789012:backup-vault:dr"
        lifecycle             = { delete_after = 7, cold_storage_after = 1 }
      }
    ]
  },
  {
    name     = "weekly"
    schedule = "cron(0 5 ? * SUN *)"
  },
]
