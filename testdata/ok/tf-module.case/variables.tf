variable "retention_days" {
  type    = number
  default = 35
}

variable "plans" {
  type = map(any)
  default = {
    gold   = { schedule = "cron(0 5 * * ? *)", delete = 35 }
    silver = { schedule = "cron(0 6 ? * SUN *)", delete = 90 }
  }
}

# "" and null defaults stand for the caller's value: not assumed
variable "dr_vault_arn" {
  type    = string
  default = ""
}

variable "monthly_schedule" {
  type    = string
  default = null
}
