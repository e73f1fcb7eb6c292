retention_days = 100
