locals {
  prefix = "app"
  env    = lookup({ prod = "p", dev = "d" }, "prod", "x")
  rules = [
    {
      name     = "daily"
      schedule = "cron(0 5 * * ? *)"
      delete   = 10
      cold     = 30
    },
    {
      name     = "weekly"
      schedule = "cron(0 5 ? * SUN *)"
      delete   = 365
      cold     = null
    },
  ]
  defaults = { delete_after = 35, cold_storage_after = 0 }
  settings = merge(local.defaults, { cold_storage_after = 30 })
  windows  = [for w in [60, 90, 20] : w if w < 100]
  # depends on itself: unknown
  loop = local.loop2
  loop2 = local.loop
}
