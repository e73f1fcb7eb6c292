# Variable defaults are assumed, and said to be; terraform.tfvars and
# *.auto.tfvars of the folder override them.
variable "retention_days" {
  type    = number
  default = 60
}

variable "cold_days" {
  type    = number
  default = 30
}

variable "weekly_days" {
  type    = number
  default = 14
}

variable "start_window" {
  type    = number
  default = 30
}

# no default: unknown, never guessed
variable "rules" {
  type = list(any)
}

# a default of [] stands for the caller's value: not assumed
variable "resources" {
  type    = list(string)
  default = []
}

# a dynamic block over a default: what it makes is assumed
variable "default_rules" {
  type = list(any)
  default = [
    { name = "nightly", delete = 5, cold = 30 },
    { name = "unset", cold = null, delete = null },
  ]
}
