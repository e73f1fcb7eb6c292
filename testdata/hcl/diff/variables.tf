variable "prefix" {
  type    = string
  default = "acme"
}

variable "environment" {
  type        = string
  description = "Deployment environment"
  default     = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}

variable "rules" {
  type = list(object({
    name               = string
    schedule           = string
    cold_storage_after = optional(number)
    delete_after       = optional(number, 35)
    copy_to            = optional(list(string), [])
  }))
  default = [
    {
      name     = "daily"
      schedule = "cron(0 5 ? * * *)"
    },
    {
      name               = "weekly"
      schedule           = "cron(0 5 ? * SAT *)"
      cold_storage_after = 30
      delete_after       = 180
    },
  ]
}

variable "enabled" {
  type    = bool
  default = true
}

variable "retention_days" {
  type    = map(number)
  default = { daily = 35, weekly = 90, monthly = 365 }
}

variable "backup_resources" {
  type     = set(string)
  default  = null
  nullable = true
}

locals {
  common_tags = merge(var.tags, {
    ManagedBy   = "terraform"
    Environment = var.environment
  })
  rules_by_name = { for r in var.rules : r.name => r }
  names         = [for r in var.rules : upper(r.name) if r.delete_after > 30]
  grouped       = { for r in var.rules : r.schedule => r.name... }
  vault_name    = var.enabled ? "${var.prefix}-vault" : null
  retention     = lookup(var.retention_days, "daily", 35)
  first_rule    = try(var.rules[0].name, "none")
  regions       = toset(["eu-west-1", "eu-central-1"])
  all_arns      = concat(aws_db_instance.db[*].arn, [aws_rds_cluster.aurora.arn])
  count_rules   = length(var.rules)
  max_keep      = max(35, local.retention, 7)
  policy_json   = jsonencode({ Version = "2012-10-17" })
  neg           = -1
  sum           = 1 + 2 * 3 - 4 / 2 % 3
  logic         = !var.enabled || (var.environment == "prod" && local.count_rules >= 2)
  cmp           = local.sum != 3 && local.sum <= 10 && local.sum > -5
  nested_cond   = var.environment == "prod" ? 35 : var.environment == "staging" ? 14 : 7
}
